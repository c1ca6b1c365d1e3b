// SPDX-License-Identifier: Apache-2.0
#include "cydex/search/searcher.h"

#include <gtest/gtest.h>

#include "index_builder.h"

namespace cydex::search {
namespace {

using test::DocSpec;

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_index(dir_.path(), {
        {.id = "brochure", .title = "EU Cyber Diplomacy", .organisation = "European Union (EEAS)", .year = 2019,
         .pages = {"Cyber diplomacy is a new dimension in international relations.",
                   "The Cyber Diplomacy Toolbox is at the core of the joint diplomatic response.",
                   "Diplomatic démarches and political dialogues."}},
        {.id = "snv", .title = "Cyber Diplomacy and Cyber Foreign Policy", .organisation = "Stiftung Neue Verantwortung (SNV)",
         .year = 2024, .pages = {"Responsible disclosure of vulnerabilities at the national level."},
         .type = corpus::MediaType::Html},
        {.id = "office", .title = "International cyber policy", .organisation = "German Federal Foreign Office",
         .year = 2017, .pages = {"Protecting human rights and the freedom of the internet."},
         .type = corpus::MediaType::Html},
    });
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value()) << searcher.error().detail;
    searcher_.emplace(std::move(*searcher));
  }

  SearchResult search(SearchRequest request) {
    auto result = searcher_->search(request);
    EXPECT_TRUE(result.has_value()) << result.error().detail;
    return result.has_value() ? *result : SearchResult{};
  }

  static std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const Hit& hit : result.hits) out.push_back(hit.id);
    return out;
  }

  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(SearcherTest, StemsQueryWordsSoPluralsMatch) {
  const SearchResult result = search({.query = "vulnerability disclosure"});
  EXPECT_EQ(ids(result), (std::vector<std::string>{"snv"}));
  EXPECT_EQ(result.total, 1);
}

TEST_F(SearcherTest, FoldsAccentsAndCaseInTheQuery) {
  EXPECT_EQ(ids(search({.query = "DEMARCHES"})), (std::vector<std::string>{"brochure"}));
  EXPECT_EQ(ids(search({.query = "démarches"})), (std::vector<std::string>{"brochure"}));
}

TEST_F(SearcherTest, RanksTitleMatchesFirstAndNumbersRanks) {
  const SearchResult result = search({.query = "cyber diplomacy"});
  ASSERT_EQ(result.total, 2);
  EXPECT_EQ(result.hits[0].rank, 1);
  EXPECT_EQ(result.hits[1].rank, 2);
  EXPECT_GE(result.hits[0].score, result.hits[1].score);
}

TEST_F(SearcherTest, PhrasesFieldsBooleansAndWildcards) {
  struct Case {
    const char* query;
    std::vector<std::string> expected;  // sorted ids
  };
  const Case cases[] = {
      // Exact phrase.
      {"\"diplomacy toolbox\"", {"brochure"}},
      // A phrase that is not in that order anywhere.
      {"\"toolbox diplomacy\"", {}},
      // Title field.
      {"title:international", {"office"}},
      // Organisation words.
      {"org:snv", {"snv"}},
      // Boolean filters, and a year range in the query.
      {"year:2017", {"office"}},
      {"year:2018..2024", {"brochure", "snv"}},
      {"cyber year:2019..2019", {"brochure"}},
      {"format:html", {"office", "snv"}},
      // OR and NOT.
      {"internet OR vulnerabilities", {"office", "snv"}},
      {"cyber NOT toolbox", {"office", "snv"}},
      // Wildcard.
      {"diplom*", {"brochure", "snv"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = ids(search({.query = c.query, .limit = 50}));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, c.expected) << c.query;
  }
}

TEST_F(SearcherTest, FiltersByOrganisationNameOrItsWordsAndByYearRange) {
  EXPECT_EQ(ids(search({.query = "cyber", .organisations = {"European Union (EEAS)"}})),
            (std::vector<std::string>{"brochure"}));
  EXPECT_EQ(ids(search({.query = "cyber", .organisations = {"snv"}})), (std::vector<std::string>{"snv"}));
  EXPECT_EQ(search({.query = "cyber", .organisations = {"NATO"}}).total, 0);
  EXPECT_EQ(search({.query = "cyber", .year_from = 2018, .year_to = 2020}).total, 1);
  EXPECT_EQ(search({.query = "", .year_from = 2019}).total, 2);
  EXPECT_EQ(search({.query = "", .year_to = 2019}).total, 2);
}

TEST_F(SearcherTest, SnippetShowsTheBestPassageWithItsPageAndHighlights) {
  const SearchResult result = search({.query = "toolbox"});
  ASSERT_EQ(result.hits.size(), 1u);
  const Snippet& snippet = result.hits[0].snippet;
  EXPECT_EQ(snippet.page, 2);
  ASSERT_EQ(snippet.highlights.size(), 1u);
  const auto [start, end] = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(start, end - start), "Toolbox");
}

TEST_F(SearcherTest, HighlightsWordsAsWrittenAndHtmlHasNoPage) {
  const SearchResult result = search({.query = "vulnerability"});
  ASSERT_EQ(result.hits.size(), 1u);
  const Snippet& snippet = result.hits[0].snippet;
  EXPECT_FALSE(snippet.page.has_value());
  ASSERT_EQ(snippet.highlights.size(), 1u);
  EXPECT_EQ(snippet.text.substr(snippet.highlights[0].first, snippet.highlights[0].second - snippet.highlights[0].first),
            "vulnerabilities");
}

TEST_F(SearcherTest, PagingKeepsTheTotalAndRanks) {
  const SearchResult first = search({.query = "", .offset = 0, .limit = 2});
  const SearchResult second = search({.query = "", .offset = 2, .limit = 2});
  EXPECT_EQ(first.total, 3);
  EXPECT_EQ(second.total, 3);
  ASSERT_EQ(second.hits.size(), 1u);
  EXPECT_EQ(second.hits[0].rank, 3);
}

TEST_F(SearcherTest, MalformedQueryIsABadQueryError) {
  auto result = searcher_->search({.query = "cyber AND"});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, SearchErrorKind::BadQuery);
  EXPECT_EQ(result.error().detail, "malformed query 'cyber AND': 'AND' at column 7 needs a word after it");
  EXPECT_EQ(result.error().position, 6u);
  EXPECT_EQ(result.error().token, "AND");
}

TEST(Searcher, MissingIndexIsNoIndex) {
  const testing::TempDir dir;
  auto searcher = Searcher::open(dir.path() / "absent");
  ASSERT_FALSE(searcher.has_value());
  EXPECT_EQ(searcher.error().kind, SearchErrorKind::NoIndex);
  auto empty_folder = Searcher::open(dir.path());
  ASSERT_FALSE(empty_folder.has_value());
  EXPECT_EQ(empty_folder.error().kind, SearchErrorKind::NoIndex);
}

}  // namespace
}  // namespace cydex::search
