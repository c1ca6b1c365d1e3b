// SPDX-License-Identifier: Apache-2.0
// Search results as 80-column text and as RFC 4180 CSV.
#include "search_output.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cydex::cli {
namespace {

std::size_t columns(const std::string& line) {
  std::size_t count = 0;
  for (const char ch : line) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

search::SearchResult long_result() {
  search::SearchResult result;
  result.query = "confidence building measures in cyberspace and the eleven norms of responsible state behaviour";
  result.total = 1234;
  result.total_exact = false;
  search::Hit hit;
  hit.rank = 1;
  hit.title = "Ein sehr langer Titel über Cyberdiplomatie, vertrauensbildende Maßnahmen und die Umsetzung der Normen";
  hit.organisation = "Organisation for Security and Co-operation in Europe, Transnational Threats Department";
  hit.year = 2024;
  hit.format = "pdf";
  hit.language = "de";
  hit.path = "/srv/library/a-rather-long-folder-name/another-deeply-nested-level/yet-another/report-2024.pdf";
  hit.snippet.text = "… see https://www.example.org/a/very/long/address/that/does/not/fit/on/one/line/of/the/terminal/at/"
                     "all.html and the Vertrauensbildende Maßnahmen …";
  const std::size_t marked = hit.snippet.text.find("Vertrauensbildende");
  hit.snippet.highlights = {{marked, marked + std::string("Vertrauensbildende").size()}};
  hit.snippet.page = 7;
  result.hits.push_back(hit);
  result.facets["language"] = {{"de", 1}};
  return result;
}

TEST(SearchOutput, EveryLineFitsEightyColumnsAndLongPartsAreShortened) {
  std::ostringstream out;
  print_search_result(long_result(), TextStyle{}, out);
  std::istringstream lines(out.str());
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(columns(line), 80u) << line;
    all.push_back(line);
  }
  ASSERT_GE(all.size(), 6u) << out.str();
  EXPECT_TRUE(all[0].starts_with("about 1234 documents match \"confidence building")) << all[0];
  EXPECT_TRUE(all[0].ends_with("…\" (showing 1-1)")) << all[0];
  EXPECT_TRUE(all[2].starts_with(" 1. Ein sehr langer Titel")) << all[2];
  EXPECT_TRUE(all[2].ends_with("…")) << all[2];
  EXPECT_TRUE(all[3].ends_with("… · 2024 · pdf · de · p. 7")) << all[3];
  const std::string text = out.str();
  EXPECT_NE(text.find("/report-2024.pdf\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Language:"), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
}

TEST(SearchOutput, BoldOnlyWhenAsked) {
  std::ostringstream out;
  print_search_result(long_result(), TextStyle{.bold_highlights = true}, out);
  EXPECT_NE(out.str().find("\x1b[1mVertrauensbildende\x1b[0m"), std::string::npos) << out.str();
}

TEST(SearchOutput, ExactTotalsSayNoAbout) {
  search::SearchResult result;
  result.total = 1;
  std::ostringstream out;
  print_search_result(result, TextStyle{}, out);
  EXPECT_TRUE(out.str().starts_with("1 document matches\n")) << out.str();
}

TEST(SearchCsv, FieldsAreQuotedPerRfc4180) {
  struct Case {
    const char* field;
    const char* written;
  };
  const Case cases[] = {
      {"plain", "plain"},                          // nothing to quote
      {"a, b", "\"a, b\""},                        // comma
      {"say \"no\"", "\"say \"\"no\"\"\""},        // quotes doubled
      {"two\nlines", "\"two\nlines\""},            // line break
      {"cr\rhere", "\"cr\rhere\""},                // carriage return
      {"Außenpolitik …", "Außenpolitik …"},        // UTF-8 as is
      {"", ""},                                    // empty
  };
  for (const Case& c : cases) EXPECT_EQ(csv_field(c.field), c.written) << c.field;
}

TEST(SearchCsv, HeaderAndOneRowPerHitWithCrlf) {
  search::SearchResult result = long_result();
  result.hits[0].score = 2.5;
  result.hits[0].id = "4f0c";
  result.hits[0].title = "Title, with comma";
  std::ostringstream out;
  print_search_csv(result, out);
  const std::string expected_start =
      "rank,score,id,title,organisation,year,language,format,page,path,snippet\r\n"
      "1,2.5000,4f0c,\"Title, with comma\",\"Organisation for Security and Co-operation in Europe, Transnational "
      "Threats Department\",2024,de,pdf,7,/srv/library/";
  const std::string csv = out.str();
  EXPECT_TRUE(csv.starts_with(expected_start)) << csv;
  EXPECT_TRUE(csv.ends_with("Maßnahmen …\r\n")) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
}

}  // namespace
}  // namespace cydex::cli
