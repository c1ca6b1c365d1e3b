// SPDX-License-Identifier: Apache-2.0
// Sorting by date and title, language and format facets and filters, year ranges, exact totals.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

using corpus::MediaType;

class OrderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_index(dir_.path(), {
        // "cyber" twice in "old-dated-twice": on a date tie it ranks above "old-dated".
        {.id = "old-dated", .title = "Zeta report", .year = 2015, .pages = {"cyber norms"}, .date = "2015-03-01"},
        {.id = "old-dated-twice", .title = "alpha paper", .year = 2015, .pages = {"cyber cyber norms"},
         .date = "2015-03-01"},
        {.id = "new-dated", .title = "Élysée statement", .year = 2023, .pages = {"cyber norms"}, .date = "2023-11-30"},
        {.id = "year-only-2019", .title = "Beta brief", .year = 2019, .pages = {"cyber norms"}},
        {.id = "year-only-2023", .title = "delta note", .year = 2023, .pages = {"cyber norms"}},
        {.id = "undated", .title = "Gamma", .pages = {"cyber norms"}},
        {.id = "untitled", .title = "", .year = 2020, .pages = {"cyber norms"}, .date = "2020-06-15"},
    });
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value()) << searcher.error().detail;
    searcher_.emplace(std::move(*searcher));
  }

  std::vector<std::string> order(SortOrder sort, bool reverse) {
    auto result = searcher_->search({.query = "cyber", .limit = 20, .sort = sort, .reverse = reverse});
    EXPECT_TRUE(result.has_value());
    std::vector<std::string> out;
    if (result) {
      for (const Hit& hit : result->hits) out.push_back(hit.id);
    }
    return out;
  }

  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(OrderTest, DateSortsNewestFirstYearOnlyByYearUndatedLast) {
  EXPECT_EQ(order(SortOrder::Date, false),
            (std::vector<std::string>{"new-dated", "year-only-2023", "untitled", "year-only-2019", "old-dated-twice",
                                      "old-dated", "undated"}));
}

TEST_F(OrderTest, ReverseDateIsOldestFirstWithUndatedStillLast) {
  EXPECT_EQ(order(SortOrder::Date, true),
            (std::vector<std::string>{"old-dated-twice", "old-dated", "year-only-2019", "untitled", "year-only-2023",
                                      "new-dated", "undated"}));
}

TEST_F(OrderTest, TitleSortsFoldedAToZWithUntitledLast) {
  EXPECT_EQ(order(SortOrder::Title, false),
            (std::vector<std::string>{"old-dated-twice", "year-only-2019", "year-only-2023", "new-dated", "undated",
                                      "old-dated", "untitled"}));
  EXPECT_EQ(order(SortOrder::Title, true),
            (std::vector<std::string>{"old-dated", "undated", "new-dated", "year-only-2023", "year-only-2019",
                                      "old-dated-twice", "untitled"}));
}

TEST_F(OrderTest, SortedPagesContinueTheOrderAndKeepTheTotal) {
  auto first = searcher_->search({.query = "cyber", .limit = 3, .sort = SortOrder::Date});
  auto second = searcher_->search({.query = "cyber", .offset = 3, .limit = 3, .sort = SortOrder::Date});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->total, 7);
  EXPECT_EQ(second->total, 7);
  ASSERT_EQ(second->hits.size(), 3u);
  EXPECT_EQ(second->hits[0].id, "year-only-2019");
  EXPECT_EQ(second->hits[0].rank, 4);
}

class FacetsAndFiltersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 random(42);
    const std::vector<std::string> languages = {"en", "de", "fr", "es", ""};
    const std::vector<MediaType> types = {MediaType::Pdf, MediaType::Html, MediaType::Text};
    std::vector<test::DocSpec> specs;
    for (int i = 0; i < 300; ++i) {
      test::DocSpec spec;
      spec.id = "doc" + std::to_string(i);
      spec.title = "Paper " + std::to_string(i);
      spec.language = languages[random() % languages.size()];
      spec.type = types[random() % types.size()];
      if (random() % 8 != 0) spec.year = 2001 + static_cast<int>(random() % 24);
      const bool cyber = random() % 2 == 0;
      spec.pages = {cyber ? "cyber 2024" : "other 2024"};
      if (cyber) {
        ++cyber_total_;
        ++languages_[spec.language.empty() ? "" : spec.language];
        ++formats_[std::string(corpus::to_string(spec.type))];
        if (spec.year) {
          const int first = *spec.year / 5 * 5;
          ++fives_[std::to_string(first) + "-" + std::to_string(first + 4)];
          const int decade = *spec.year / 10 * 10;
          ++decades_[std::to_string(decade) + "-" + std::to_string(decade + 9)];
        }
        if (spec.language == "de" && spec.type == MediaType::Pdf) ++german_pdfs_;
      }
      specs.push_back(std::move(spec));
    }
    test::write_index(dir_.path(), specs);
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value()) << searcher.error().detail;
    searcher_.emplace(std::move(*searcher));
  }

  static std::map<std::string, int> as_map(const std::vector<FacetValue>& values) {
    std::map<std::string, int> out;
    for (const FacetValue& value : values) out[value.value] = value.count;
    return out;
  }

  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
  int cyber_total_ = 0;
  int german_pdfs_ = 0;
  std::map<std::string, int> languages_;
  std::map<std::string, int> formats_;
  std::map<std::string, int> fives_;
  std::map<std::string, int> decades_;
};

TEST_F(FacetsAndFiltersTest, LanguageAndFormatFacetsEqualBruteForce) {
  auto result = searcher_->search({.query = "cyber", .limit = 1});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->total, cyber_total_);
  EXPECT_TRUE(result->total_exact);
  std::map<std::string, int> languages = languages_;
  languages.erase("");  // documents without a language have no value to count
  EXPECT_EQ(as_map(result->facets.at("language")), languages);
  EXPECT_EQ(as_map(result->facets.at("format")), formats_);
}

TEST_F(FacetsAndFiltersTest, YearBucketsSumExactCountsIntoAlignedRanges) {
  auto fives = searcher_->search({.query = "cyber", .limit = 0, .facets = {"year"}, .year_bucket = 5});
  ASSERT_TRUE(fives.has_value());
  EXPECT_EQ(as_map(fives->facets.at("year")), fives_);
  EXPECT_EQ(fives->facets.size(), 1u);
  for (std::size_t i = 1; i < fives->facets.at("year").size(); ++i) {
    EXPECT_GE(fives->facets.at("year")[i - 1].count, fives->facets.at("year")[i].count);
  }
  auto decades = searcher_->search({.query = "cyber", .limit = 0, .year_bucket = 10});
  ASSERT_TRUE(decades.has_value());
  EXPECT_EQ(as_map(decades->facets.at("year")), decades_);
  EXPECT_TRUE(decades->facets.at("year").size() <= 3u);
}

TEST_F(FacetsAndFiltersTest, LanguageAndFormatFiltersCombineWithTheQueryLanguage) {
  auto options = searcher_->search({.query = "cyber", .languages = {"de"}, .formats = {"pdf"}});
  ASSERT_TRUE(options.has_value());
  auto in_query = searcher_->search({.query = "cyber lang:de format:pdf"});
  ASSERT_TRUE(in_query.has_value());
  EXPECT_EQ(options->total, german_pdfs_);
  EXPECT_EQ(in_query->total, german_pdfs_);
  EXPECT_GT(german_pdfs_, 0);
  for (const Hit& hit : options->hits) {
    EXPECT_EQ(hit.language, "de");
    EXPECT_EQ(hit.format, "pdf");
  }
  // Options and query filters are AND-ed: German and French at once is nothing.
  auto both = searcher_->search({.query = "cyber lang:fr", .languages = {"de"}});
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->total, 0);
  // Repeated options are any-of.
  auto either = searcher_->search({.query = "cyber", .languages = {"de", "fr"}});
  ASSERT_TRUE(either.has_value());
  EXPECT_EQ(either->total, languages_["de"] + languages_["fr"]);
}

TEST_F(FacetsAndFiltersTest, TotalIsExactOrHonestlyMarkedAsAnEstimate) {
  // Every document has "cyber" or "other": 300 matches.
  auto exact = searcher_->search({.query = "cyber OR other", .limit = 1});
  ASSERT_TRUE(exact.has_value());
  EXPECT_TRUE(exact->total_exact);
  EXPECT_EQ(exact->total, 300);
  // Stopping early leaves Xapian unsure of the count, and the result says so.
  auto estimate = searcher_->search({.query = "cyber OR other", .limit = 1, .counting = Counting::Estimate});
  ASSERT_TRUE(estimate.has_value());
  EXPECT_FALSE(estimate->total_exact);
  EXPECT_GT(estimate->total, 0);
  EXPECT_TRUE(estimate->facets.empty()) << "an estimate counts no facets";
  ASSERT_EQ(estimate->hits.size(), 1u);
}

}  // namespace
}  // namespace cydex::search
