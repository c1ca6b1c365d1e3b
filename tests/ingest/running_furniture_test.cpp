// SPDX-License-Identifier: Apache-2.0
#include "running_furniture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cydex::ingest {
namespace {

std::vector<corpus::Page> pages_of(const std::vector<std::string>& texts) {
  std::vector<corpus::Page> pages;
  for (const std::string& text : texts) pages.push_back(corpus::Page{static_cast<int>(pages.size()) + 1, text});
  return pages;
}

/// What page `page` (1-based, up to 10) of a report is about.
std::string topic(int page) {
  static const char* const kTopics[] = {"attribution",   "due diligence", "critical infrastructure",
                                        "supply chains", "capacity building", "ransomware",
                                        "elections",     "undersea cables",   "space systems",
                                        "health care"};
  return kTopics[page - 1];
}

/// Five body lines; the first two and last two differ from page to page, as
/// a report's do, the middle one is the same on every page.
std::string body(int page) {
  const std::string t = topic(page);
  return "Section on " + t + " opens here.\nStates reported incidents on " + t +
         ".\nThe group met in Geneva.\nDelegates discussed " + t + " at length.\nFindings on " + t + " follow.";
}

TEST(RunningFurniture, RemovesHeadersAndFootersRepeatedOnEveryPage) {
  std::vector<std::string> texts;
  for (int page = 1; page <= 5; ++page) {
    texts.push_back("EU Cyber Diplomacy\n\n" + body(page) + "\n\nEuropean External Action Service\n" +
                    std::to_string(page) + "\n\f");
  }
  std::vector<corpus::Page> pages = pages_of(texts);
  const int removed = remove_running_furniture(pages);
  EXPECT_EQ(removed, 15);
  for (const corpus::Page& page : pages) {
    EXPECT_EQ(page.text.find("EU Cyber Diplomacy"), std::string::npos) << page.text;
    EXPECT_EQ(page.text.find("European External Action Service"), std::string::npos) << page.text;
    EXPECT_NE(page.text.find(body(page.number)), std::string::npos) << page.text;
  }
}

// "Page 3 of 5" and "Page 4 of 5" differ only in digits: one running footer.
TEST(RunningFurniture, TreatsLinesDifferingInDigitsAsTheSameFooter) {
  std::vector<std::string> texts;
  for (int page = 1; page <= 4; ++page) {
    texts.push_back(body(page) + "\nAnnual Report 2024, chapter " + std::to_string(page));
  }
  std::vector<corpus::Page> pages = pages_of(texts);
  EXPECT_EQ(remove_running_furniture(pages), 4);
  for (const corpus::Page& page : pages) {
    EXPECT_EQ(page.text.find("Annual Report"), std::string::npos) << page.text;
    EXPECT_NE(page.text.find(body(page.number)), std::string::npos) << page.text;
  }
}

struct PageNumberCase {
  const char* what;
  std::string line;
  bool removed;
};

// A page-number line at the bottom of a one-page document: no repetition
// needed, the line's shape says it all.
TEST(RunningFurniture, RemovesPageNumbersByTheirShape) {
  const PageNumberCase cases[] = {
      // A bare number.
      {"bare", "3", true},
      // Hyphens around it.
      {"hyphens", "- 3 -", true},
      // En dashes around it.
      {"en dashes", "– 3 –", true},
      // "Page N of M".
      {"page of", "Page 3 of 10", true},
      // Lower case, no total.
      {"page", "page 3", true},
      // German "Seite".
      {"seite", "Seite 3", true},
      // Abbreviated.
      {"p dot", "p. 3", true},
      // A fraction.
      {"fraction", "3/10", true},
      // In brackets.
      {"brackets", "(3)", true},
      // Words around a number are text.
      {"sentence with number", "States agreed on 11 norms.", false},
      // A heading that happens to start with "Page".
      {"page heading", "Pages of history", false},
  };
  for (const PageNumberCase& c : cases) {
    std::vector<corpus::Page> pages = pages_of({"First line of text.\nSecond line of text.\n" + c.line});
    const int removed = remove_running_furniture(pages);
    EXPECT_EQ(removed, c.removed ? 1 : 0) << c.what;
    EXPECT_EQ(pages[0].text.find(c.line) == std::string::npos, c.removed) << c.what;
    EXPECT_NE(pages[0].text.find("Second line of text."), std::string::npos) << c.what;
  }
}

TEST(RunningFurniture, KeepsBodyLinesThatRepeatAwayFromTheEdges) {
  std::vector<std::string> texts;
  for (int page = 1; page <= 5; ++page) texts.push_back(body(page));
  std::vector<corpus::Page> pages = pages_of(texts);
  EXPECT_EQ(remove_running_furniture(pages), 0);
  for (const corpus::Page& page : pages) EXPECT_EQ(page.text, body(page.number));
}

// A two-page note whose pages both open with its title: too few pages to
// call a repeated line a running header.
TEST(RunningFurniture, DoesNotStripFewPageDocuments) {
  std::vector<corpus::Page> pages =
      pages_of({"Cyber Norms Review\nFirst page text.\nMore text.", "Cyber Norms Review\nSecond page text.\nEnd."});
  const std::vector<corpus::Page> before = pages;
  EXPECT_EQ(remove_running_furniture(pages), 0);
  EXPECT_EQ(pages[0].text, before[0].text);
  EXPECT_EQ(pages[1].text, before[1].text);
}

// A line on only 2 of 10 pages is a coincidence, not a running header.
TEST(RunningFurniture, KeepsLinesOnFewOfManyPages) {
  std::vector<std::string> texts;
  for (int page = 1; page <= 10; ++page) {
    texts.push_back((page <= 2 ? std::string("Key findings\n") : "") + body(page));
  }
  std::vector<corpus::Page> pages = pages_of(texts);
  EXPECT_EQ(remove_running_furniture(pages), 0);
  EXPECT_EQ(pages[0].text.rfind("Key findings\n", 0), 0U);
  EXPECT_EQ(pages[1].text.rfind("Key findings\n", 0), 0U);
}

// Regression: on two-column pages poppler reads the right-hand half of the
// header and the page number with the column below or above them, so they
// stand alone between the columns' text instead of at the page's edges.
TEST(RunningFurniture, RemovesFurnitureBetweenColumns) {
  const auto column_text = [](int page) {
    const std::string t = topic(page);
    return "Left column on " + t + ".\nIt cites\n\n64\n\nparties to the convention.\nLeft ends with " + t + ".";
  };
  std::vector<std::string> texts;
  for (int page = 1; page <= 4; ++page) {
    const std::string t = topic(page);
    texts.push_back("EU Cyber Diplomacy\n\n" + column_text(page) + "\n\n" + std::to_string(page) +
                    "\n\nEuropean External Action Service\n\nRight column on " + t + ".\nRight ends with " + t +
                    ".\n\f");
  }
  std::vector<corpus::Page> pages = pages_of(texts);
  EXPECT_EQ(remove_running_furniture(pages), 12);
  for (const corpus::Page& page : pages) {
    const std::string t = topic(page.number);
    EXPECT_EQ(page.text.find("European External Action Service"), std::string::npos) << page.text;
    EXPECT_EQ(page.text.find("\n" + std::to_string(page.number) + "\n"), std::string::npos) << page.text;
    // A lone figure that is not the page's number is content ("64 parties").
    EXPECT_NE(page.text.find(column_text(page.number)), std::string::npos) << page.text;
    EXPECT_NE(page.text.find("Right column on " + t + ".\nRight ends with " + t + "."), std::string::npos)
        << page.text;
  }
}

TEST(RunningFurniture, HandlesEmptyInput) {
  std::vector<corpus::Page> none;
  EXPECT_EQ(remove_running_furniture(none), 0);
  std::vector<corpus::Page> blank = pages_of({"", "\n\n", "\f"});
  EXPECT_EQ(remove_running_furniture(blank), 0);
}

}  // namespace
}  // namespace cydex::ingest
