// SPDX-License-Identifier: Apache-2.0
// A search split into docid slices matched on parallel threads gives what
// one match of the whole index gives: the same total, facet counts, hits in
// the same order with the same scores and snippets, for every kind of query,
// sort order and page. An index with holes (deleted documents) and a writer
// committing during the search are covered.
#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <sstream>

#include "cydex/index/schema.h"
#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

const std::vector<std::string> kWords = {"cyber",  "norm",     "state",   "diplomacy", "sanction", "attribution",
                                         "report", "critical", "network", "incident",  "response", "capacity"};
const std::vector<std::string> kOrganisations = {"SNV", "Council of Europe", "ENISA", "European Commission", "EEAS"};
const std::vector<std::string> kTags = {"norm:13a", "norm:13j", "actor:de", "actor:fr", "instrument:nis-directive"};

/// 700 documents of random words, so that weights differ; some share a
/// title or a date (ties the merge must order as Xapian does).
std::vector<test::DocSpec> documents() {
  std::mt19937 random(7);
  std::vector<test::DocSpec> all;
  for (int i = 0; i < 700; ++i) {
    std::ostringstream text;
    const int length = 5 + static_cast<int>(random() % 60);
    for (int w = 0; w < length; ++w) text << kWords[random() % kWords.size()] << ' ';
    test::DocSpec spec{.id = "p" + std::to_string(10000 + i),
                       .title = "Paper " + std::to_string(random() % 90),
                       .organisation = kOrganisations[random() % kOrganisations.size()],
                       .year = 2005 + static_cast<int>(random() % 18),
                       .pages = {text.str(), kWords[random() % kWords.size()] + " annex"},
                       .language = random() % 5 == 0 ? "de" : "en"};
    if (i % 4 == 0) spec.date = std::to_string(*spec.year) + "-0" + std::to_string(1 + random() % 9) + "-15";
    for (const std::string& tag : kTags) {
      if (random() % 3 == 0) spec.mentions.push_back(corpus::Mention{tag, 1, 0, 4});
    }
    all.push_back(std::move(spec));
  }
  return all;
}

std::vector<SearchRequest> requests() {
  std::vector<SearchRequest> out;
  for (const char* query : {"cyber", "norm OR sanction", "state AND NOT network", "\"critical network\"",
                            "diplomacy NEAR/3 report", "attr*", "", "org:enisa incident", "year:2010..2015 capacity",
                            "norm:13j response", "annex"}) {
    out.push_back(SearchRequest{.query = query});
  }
  SearchRequest paged{.query = "cyber OR state", .offset = 37, .limit = 25};
  out.push_back(paged);
  SearchRequest all_hits{.query = "report", .limit = 1000};
  out.push_back(all_hits);
  for (const SortOrder order : {SortOrder::Date, SortOrder::Title}) {
    for (const bool reverse : {false, true}) {
      SearchRequest sorted{.query = "incident OR capacity", .limit = 40, .sort = order, .reverse = reverse};
      out.push_back(sorted);
    }
  }
  SearchRequest filtered{.query = "network", .organisations = {"EEAS"}, .year_from = 2008, .year_to = 2019,
                         .languages = {"en"}, .year_bucket = 5};
  out.push_back(filtered);
  SearchRequest nothing{.query = "nonexistentword"};
  out.push_back(nothing);
  return out;
}

std::string describe(const SearchRequest& request) {
  return "query '" + request.query + "' offset " + std::to_string(request.offset) + " limit " +
         std::to_string(request.limit) + " sort " + std::to_string(static_cast<int>(request.sort)) +
         (request.reverse ? " reversed" : "");
}

void expect_same(const SearchResult& got, const SearchResult& whole, const std::string& what) {
  EXPECT_EQ(got.total, whole.total) << what;
  EXPECT_EQ(got.total_exact, whole.total_exact) << what;
  EXPECT_EQ(got.suggestion, whole.suggestion) << what;
  ASSERT_EQ(got.facets.size(), whole.facets.size()) << what;
  for (const auto& [name, values] : whole.facets) {
    const auto found = got.facets.find(name);
    ASSERT_NE(found, got.facets.end()) << what << ": facet " << name;
    ASSERT_EQ(found->second.size(), values.size()) << what << ": facet " << name;
    for (std::size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(found->second[i].value, values[i].value) << what << ": facet " << name;
      EXPECT_EQ(found->second[i].count, values[i].count) << what << ": facet " << name << " " << values[i].value;
    }
  }
  ASSERT_EQ(got.hits.size(), whole.hits.size()) << what;
  for (std::size_t i = 0; i < whole.hits.size(); ++i) {
    EXPECT_EQ(got.hits[i].id, whole.hits[i].id) << what << ": hit " << i;
    EXPECT_EQ(got.hits[i].rank, whole.hits[i].rank) << what << ": hit " << i;
    EXPECT_DOUBLE_EQ(got.hits[i].score, whole.hits[i].score) << what << ": hit " << i;
    EXPECT_EQ(got.hits[i].snippet.text, whole.hits[i].snippet.text) << what << ": hit " << i;
    EXPECT_EQ(got.hits[i].snippet.highlights, whole.hits[i].snippet.highlights) << what << ": hit " << i;
  }
}

class ParallelSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_ = dir_.path() / "index";
    test::write_index(index_, documents());
    // Holes in the docids: every ninth document deleted.
    auto writer = index::Writer::open(index_, index::WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    for (int i = 0; i < 700; i += 9) ASSERT_TRUE(writer->remove("p" + std::to_string(10000 + i)).has_value());
    ASSERT_TRUE(writer->commit().has_value());
  }

  Searcher open(unsigned slices) {
    auto searcher = Searcher::open(index_);
    EXPECT_TRUE(searcher.has_value());
    searcher->set_parallelism(slices, 0);
    return std::move(*searcher);
  }

  testing::TempDir dir_;
  std::filesystem::path index_;
};

TEST_F(ParallelSearchTest, SlicedSearchEqualsOneMatchOfTheWholeIndex) {
  Searcher whole = open(1);
  for (const unsigned slices : {2U, 3U, 4U}) {
    Searcher sliced = open(slices);
    for (const SearchRequest& request : requests()) {
      const auto expected = whole.search(request);
      const auto got = sliced.search(request);
      ASSERT_TRUE(expected.has_value()) << describe(request);
      ASSERT_TRUE(got.has_value()) << describe(request) << ": " << got.error().detail;
      expect_same(*got, *expected, std::to_string(slices) + " slices, " + describe(request));
    }
  }
}

TEST_F(ParallelSearchTest, TotalsEqualXapiansOwnCountOfTheWholeIndex) {
  // The whole-index reference itself is checked: a match of everything
  // counts every live document once.
  Searcher sliced = open(3);
  const auto everything = sliced.search(SearchRequest{.query = "", .limit = 0});
  ASSERT_TRUE(everything.has_value());
  EXPECT_EQ(everything->total, static_cast<int>(Xapian::Database(index_.string()).get_doccount()));
  EXPECT_EQ(everything->total, 700 - 78);
  const auto annex = sliced.search(SearchRequest{.query = "annex", .limit = 1000});
  ASSERT_TRUE(annex.has_value());
  EXPECT_EQ(annex->total, 700 - 78);
  EXPECT_EQ(static_cast<int>(annex->hits.size()), 700 - 78);
}

TEST_F(ParallelSearchTest, ACommitDuringTheSessionDoesNotMixTwoStatesOfTheIndex) {
  const int total_at_open = 700 - 78;
  // Opened before the commit, first searching after it: the slices' own
  // handles would open the newer state, so this search must run whole on
  // the state the searcher opened.
  Searcher opened_before = open(2);
  Searcher searched_before = open(2);
  const auto first = searched_before.search(SearchRequest{.query = "annex", .limit = 0});
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->total, total_at_open);
  {
    // Deletes in the upper half of the docids, which a second slice reads.
    auto writer = index::Writer::open(index_, index::WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    for (int i = 601; i < 700; i += 9) ASSERT_TRUE(writer->remove("p" + std::to_string(10000 + i)).has_value());
    ASSERT_TRUE(writer->commit().has_value());
  }
  for (Searcher* searcher : {&opened_before, &searched_before}) {
    const auto after = searcher->search(SearchRequest{.query = "annex", .limit = 0});
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->total, total_at_open);
  }
  Searcher fresh = open(2);
  const auto now = fresh.search(SearchRequest{.query = "annex", .limit = 0});
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(now->total, total_at_open - 11);
}

}  // namespace
}  // namespace cydex::search
