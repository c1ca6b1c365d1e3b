// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "running_furniture.h"

namespace cydex::ingest {
namespace {

const char* const kTopics[] = {"attribution", "sanctions", "norms", "resilience", "encryption", "elections"};

/// A page whose printed number `printed` stands alone between its body text
/// and its footnotes, as a multi-column layout reads it.
corpus::Page page_with_number_inside(int number, int printed) {
  const std::string topic = kTopics[(number - 1) % 6];
  return corpus::Page{number, "Chapter on " + topic + " opens.\nStates discuss " + topic + " at length.\n" + "The " +
                                  topic + " debate continues.\n\n" + std::to_string(printed) + "\n\n" + "See the " +
                                  topic + " report.\nAlso the annex on " + topic + "."};
}

// The fifth PDF page prints "3": a cover and a contents page are unnumbered.
TEST(PdfFurniture, RemovesPrintedNumbersAtASteadyOffset) {
  std::vector<corpus::Page> pages;
  for (int number = 1; number <= 6; ++number) pages.push_back(page_with_number_inside(number, number - 2));
  remove_running_furniture(pages);
  for (const corpus::Page& page : pages) {
    EXPECT_EQ(page.text.find("\n" + std::to_string(page.number - 2) + "\n"), std::string::npos) << page.text;
    EXPECT_NE(page.text.find("debate continues."), std::string::npos) << page.text;
  }
}

// Two lone numbers at the same offset are figures, not a numbering.
TEST(PdfFurniture, KeepsLoneNumbersWithoutASteadyOffset) {
  std::vector<corpus::Page> pages = {page_with_number_inside(1, 64), page_with_number_inside(2, 65),
                                     page_with_number_inside(3, 7), page_with_number_inside(4, 12)};
  remove_running_furniture(pages);
  EXPECT_NE(pages[0].text.find("\n64\n"), std::string::npos) << pages[0].text;
  EXPECT_NE(pages[1].text.find("\n65\n"), std::string::npos) << pages[1].text;
}

}  // namespace
}  // namespace cydex::ingest
