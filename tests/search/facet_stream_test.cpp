// SPDX-License-Identifier: Apache-2.0
// Facet counts read through value streams: the same as Xapian's own
// ValueCountMatchSpy and as a brute-force count, for dense and sparse
// matches, in one database and over two local shards, and through a search.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <random>

#include "cydex/index/schema.h"
#include "cydex/search/searcher.h"
#include "facet_collector.h"
#include "index_builder.h"
#include "tag_count_spy.h"

namespace cydex::search {
namespace {

namespace schema = index::schema;

const std::vector<std::string> kTags = {"norm:13a", "norm:13j", "actor:de", "actor:fr", "actor:eu",
                                        "instrument:nis-directive"};
const std::vector<std::string> kOrganisations = {"SNV", "Council of Europe", "ENISA", "European Commission"};

/// 400 documents: every third has no tags; "rare" is on every seventh page,
/// "common" on all but every tenth.
std::vector<test::DocSpec> documents() {
  std::mt19937 random(11);
  std::vector<test::DocSpec> all;
  for (int i = 0; i < 400; ++i) {
    std::string text = i % 10 == 0 ? "word" : "common word";
    if (i % 7 == 0) text += " rare";
    test::DocSpec spec{.id = "d" + std::to_string(1000 + i), .title = "t",
                       .organisation = kOrganisations[random() % kOrganisations.size()],
                       .year = 2000 + static_cast<int>(random() % 20), .pages = {text}};
    if (i % 3 != 0) {
      for (const std::string& tag : kTags) {
        if (random() % 3 == 0) spec.mentions.push_back(corpus::Mention{tag, 1, 0, 4});
      }
    }
    all.push_back(std::move(spec));
  }
  return all;
}

struct Counts {
  std::map<std::string, int> tags;
  std::map<std::string, int> organisations;
  std::map<std::string, int> years;
  std::map<std::string, int> reference_organisations;  ///< By Xapian::ValueCountMatchSpy.
  int total = 0;
};

Counts count(const Xapian::Database& db, const Xapian::Query& query) {
  TagCountMatchSpy tags(schema::kTagsSlot, db);
  FacetCollector organisations("organisation", schema::kOrganisationSlot, db);
  FacetCollector years("year", schema::kYearSlot, db);
  Xapian::ValueCountMatchSpy reference(schema::kOrganisationSlot);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.add_matchspy(&tags);
  organisations.attach(enquire);
  years.attach(enquire);
  enquire.add_matchspy(&reference);
  const Xapian::MSet mset = enquire.get_mset(0, 5, db.get_doccount());
  Counts out;
  out.total = static_cast<int>(mset.get_matches_estimated());
  out.tags = tags.counts();
  for (const FacetValue& value : organisations.values()) out.organisations[value.value] = value.count;
  for (const FacetValue& value : years.values()) out.years[value.value] = value.count;
  for (Xapian::TermIterator it = reference.values_begin(); it != reference.values_end(); ++it) {
    out.reference_organisations[*it] = static_cast<int>(it.get_termfreq());
  }
  return out;
}

/// The counts a reader of every matching document's values gets.
Counts brute_force(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  Counts out;
  out.total = static_cast<int>(mset.size());
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string tags = doc.get_value(schema::kTagsSlot);
    std::size_t pos = 0;
    while (pos < tags.size()) {
      std::size_t end = tags.find('\n', pos);
      if (end == std::string::npos) end = tags.size();
      if (end > pos) ++out.tags[tags.substr(pos, end - pos)];
      pos = end + 1;
    }
    ++out.organisations[doc.get_value(schema::kOrganisationSlot)];
    ++out.years[doc.get_value(schema::kYearSlot)];
  }
  out.reference_organisations = out.organisations;
  return out;
}

class FacetStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<test::DocSpec> all = documents();
    test::write_index(dir_.path() / "one", all);
    test::write_index(dir_.path() / "shard1", std::vector<test::DocSpec>(all.begin(), all.begin() + 170));
    test::write_index(dir_.path() / "shard2", std::vector<test::DocSpec>(all.begin() + 170, all.end()));
  }
  testing::TempDir dir_;
};

void expect_same(const Counts& got, const Counts& expected, const std::string& what) {
  EXPECT_EQ(got.total, expected.total) << what;
  EXPECT_EQ(got.tags, expected.tags) << what;
  EXPECT_EQ(got.organisations, expected.organisations) << what;
  EXPECT_EQ(got.years, expected.years) << what;
  EXPECT_EQ(got.reference_organisations, got.organisations) << what << ": differs from ValueCountMatchSpy";
}

TEST_F(FacetStreamTest, StreamedCountsEqualBruteForceInOneDatabaseAndOverShards) {
  const Xapian::Database one((dir_.path() / "one").string());
  Xapian::Database sharded((dir_.path() / "shard1").string());
  sharded.add_database(Xapian::Database((dir_.path() / "shard2").string()));
  const std::vector<std::pair<std::string, Xapian::Query>> queries = {
      {"all documents", Xapian::Query::MatchAll},
      {"dense", Xapian::Query("common")},
      {"sparse", Xapian::Query("rare")},
      {"tag", Xapian::Query(schema::term(schema::kTagPrefix, "actor:de"))},
      {"nothing", Xapian::Query("absent")},
  };
  const Counts all = brute_force(one, Xapian::Query::MatchAll);
  ASSERT_EQ(all.total, 400);
  ASSERT_GT(all.tags.size(), 3u);
  for (const auto& [name, query] : queries) {
    const Counts expected = brute_force(one, query);
    expect_same(count(one, query), expected, name + ", one database");
    expect_same(count(sharded, query), expected, name + ", two shards");
  }
}

TEST_F(FacetStreamTest, MergedShardResultsEqualOneDatabase) {
  // As Xapian does for remote shards: one spy per shard, results serialised
  // and merged into a spy made by unserialise().
  const Xapian::Query query("common");
  TagCountMatchSpy merged_template(schema::kTagsSlot);
  std::unique_ptr<Xapian::MatchSpy> merged(
      merged_template.unserialise(merged_template.serialise(), Xapian::Registry()));
  for (const char* shard : {"shard1", "shard2"}) {
    const Xapian::Database db((dir_.path() / shard).string());
    TagCountMatchSpy spy(schema::kTagsSlot, db);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 0, db.get_doccount());
    merged->merge_results(spy.serialise_results());
  }
  const Xapian::Database one((dir_.path() / "one").string());
  EXPECT_EQ(static_cast<TagCountMatchSpy&>(*merged).counts(), brute_force(one, query).tags);
}

TEST_F(FacetStreamTest, SearcherFacetsOverManyMatchesAreExact) {
  auto searcher = Searcher::open(dir_.path() / "one");
  ASSERT_TRUE(searcher.has_value());
  SearchRequest request;
  request.query = "common";
  request.limit = 3;
  const auto result = searcher->search(request);
  ASSERT_TRUE(result.has_value()) << result.error().detail;
  const Counts expected = brute_force(Xapian::Database((dir_.path() / "one").string()), Xapian::Query("common"));
  EXPECT_EQ(result->total, expected.total);
  std::map<std::string, int> organisations;
  for (const FacetValue& value : result->facets.at("organisation")) organisations[value.value] = value.count;
  EXPECT_EQ(organisations, expected.organisations);
  std::map<std::string, int> tags;
  for (const char* category : {"norm", "actor", "instrument"}) {
    for (const FacetValue& value : result->facets.at(category)) tags[value.value] = value.count;
  }
  EXPECT_EQ(tags, expected.tags);
}

}  // namespace
}  // namespace cydex::search
