// SPDX-License-Identifier: Apache-2.0
// Main-text quality over the web-page fixtures of tests/fixtures/html: each
// NAME.html has a hand-marked gold text NAME.gold.txt; the token-level F1 of
// what cydex extracts against it must stay above a floor (docs/HTML.md
// records the figures and those of Mozilla Readability on the same pages).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cydex/ingest/html_extractor.h"
#include "temp_dir.h"
#include "token_f1.h"

namespace cydex::ingest {
namespace {

namespace fs = std::filesystem;

double token_f1(const std::string& extracted, const std::string& gold) {
  return testing::token_score(extracted, gold).f1;
}

std::vector<fs::path> fixture_pages() {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() / "tests/fixtures/html")) {
    if (entry.path().extension() == ".html") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

std::string main_text(const fs::path& page) {
  corpus::SourceDocument source;
  source.path = page;
  source.media_type = corpus::MediaType::Html;
  const ExtractResult result = HtmlExtractor{}.extract(source, testing::read_file(page));
  if (!result || result->pages.empty()) return {};
  return result->pages.front().text;
}

TEST(HtmlFixtures, TokenF1AgainstGoldStaysAboveTheFloor) {
  const std::vector<fs::path> pages = fixture_pages();
  ASSERT_GE(pages.size(), 20u) << "the fixture set shrank; regenerate with make_html_fixtures.py";
  double sum = 0.0;
  for (const fs::path& page : pages) {
    fs::path gold = page;
    gold.replace_extension(".gold.txt");
    ASSERT_TRUE(fs::exists(gold)) << gold;
    const double f1 = token_f1(main_text(page), testing::read_file(gold));
    // One page may be hard; none may lose most of its article or drown in furniture.
    EXPECT_GE(f1, 0.8) << page.filename();
    sum += f1;
  }
  EXPECT_GE(sum / static_cast<double>(pages.size()), 0.95);
}

TEST(HtmlFixtures, TokenF1ScoresWhatItShould) {
  // The scorer itself: identical texts, half the words, and nothing shared.
  EXPECT_DOUBLE_EQ(token_f1("Cyber norms matter.", "cyber NORMS matter"), 1.0);
  EXPECT_NEAR(token_f1("cyber norms", "cyber norms matter today"), 2 * 1.0 * 0.5 / 1.5, 1e-9);
  EXPECT_DOUBLE_EQ(token_f1("cookies", "cyber norms"), 0.0);
}

}  // namespace
}  // namespace cydex::ingest
