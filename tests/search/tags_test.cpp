// SPDX-License-Identifier: Apache-2.0
// Tags as query fields, facets (exact, also over shards) and mentions in context.
#include <gtest/gtest.h>
#include <xapian.h>

#include <random>

#include "cydex/search/searcher.h"
#include "index_builder.h"
#include "tag_count_spy.h"

namespace cydex::search {
namespace {

corpus::Mention mention(const std::string& tag, int page, std::size_t start, std::size_t end) {
  return corpus::Mention{tag, page, start, end};
}

class TagsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_index(dir_.path(), {
        {.id = "aaaaaaaa01", .title = "Disclosure", .organisation = "SNV", .year = 2023,
         .pages = {"Intro page.", "Coordinated vulnerability disclosure in Germany and the EU."},
         .mentions = {mention("norm:13j", 2, 12, 37), mention("actor:de", 2, 41, 48), mention("actor:eu", 2, 57, 59),
                      mention("norm:13j", 2, 12, 37)}},
        {.id = "bbbbbbbb02", .title = "Budapest", .organisation = "Council of Europe", .year = 2019,
         .pages = {"The Budapest Convention and the EU."},
         .mentions = {mention("instrument:budapest-convention", 1, 4, 23), mention("actor:eu", 1, 32, 34)}},
        {.id = "cccccccc03", .title = "Untagged", .organisation = "SNV", .year = 2020, .pages = {"Nothing here."}},
    });
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value());
    searcher_.emplace(std::move(*searcher));
  }
  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(TagsTest, TagIdsWorkAsQueryFields) {
  EXPECT_EQ(searcher_->search({.query = "norm:13j"})->total, 1);
  EXPECT_EQ(searcher_->search({.query = "actor:eu"})->total, 2);
  EXPECT_EQ(searcher_->search({.query = "instrument:budapest-convention"})->total, 1);
  EXPECT_EQ(searcher_->search({.query = "actor:eu NOT norm:13j"})->total, 1);
  EXPECT_EQ(searcher_->search({.query = "disclosure actor:de"})->total, 1);
  EXPECT_EQ(searcher_->search({.query = "actor:fr"})->total, 0);
}

TEST_F(TagsTest, TagFacetsCountDocumentsNotMentions) {
  const auto result = searcher_->search({.query = ""});
  ASSERT_TRUE(result.has_value());
  const auto& actors = result->facets.at("actor");
  ASSERT_EQ(actors.size(), 2u);
  EXPECT_EQ(actors[0].value, "actor:eu");
  EXPECT_EQ(actors[0].count, 2);
  EXPECT_EQ(actors[1].value, "actor:de");
  EXPECT_EQ(actors[1].count, 1);
  ASSERT_EQ(result->facets.at("norm").size(), 1u);
  EXPECT_EQ(result->facets.at("norm")[0].count, 1) << "two mentions in one document count once";
  EXPECT_EQ(result->facets.at("instrument")[0].value, "instrument:budapest-convention");
}

TEST_F(TagsTest, FacetSelectionAndLimit) {
  const auto result = searcher_->search({.query = "", .facets = {"actor", "year"}, .facet_limit = 1});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->facets.size(), 2u);
  EXPECT_EQ(result->facets.at("actor").size(), 1u);
  EXPECT_EQ(result->facets.at("year").size(), 1u);
  EXPECT_EQ(result->facets.count("organisation"), 0u);
}

TEST_F(TagsTest, DocumentShowsTagsAndMentionsInContext) {
  const auto doc = searcher_->document("aaaaaaaa");
  ASSERT_TRUE(doc.has_value()) << doc.error().detail;
  EXPECT_EQ(doc->id, "aaaaaaaa01");
  ASSERT_EQ(doc->tags.size(), 3u);
  EXPECT_EQ(doc->tags[0].id, "norm:13j");
  EXPECT_EQ(doc->tags[0].count, 2);
  ASSERT_EQ(doc->mentions.size(), 4u);
  EXPECT_EQ(doc->mentions[0].page, 2);
  EXPECT_NE(doc->mentions[0].context.find("vulnerability disclosure in Germany"), std::string::npos);
  EXPECT_EQ(searcher_->document("/corpus/bbbbbbbb02")->id, "bbbbbbbb02");
  EXPECT_EQ(searcher_->document("zzzzzzzz").error().kind, SearchErrorKind::NotFound);
  EXPECT_EQ(searcher_->document("abc").error().kind, SearchErrorKind::NotFound) << "too short a prefix";
}

TEST_F(TagsTest, CorpusWideTagCounts) {
  EXPECT_EQ(searcher_->tag_document_counts(),
            (std::map<std::string, int>{{"actor:de", 1}, {"actor:eu", 2}, {"instrument:budapest-convention", 1},
                                        {"norm:13j", 1}}));
}

TEST(TagCountMatchSpy, SerialisesAndMergesResults) {
  TagCountMatchSpy spy(7);
  Xapian::Document doc;
  doc.add_value(7, "actor:de\nnorm:13j");
  spy(doc, 1.0);
  spy(doc, 1.0);
  std::unique_ptr<Xapian::MatchSpy> other(spy.unserialise(spy.serialise(), Xapian::Registry()));
  other->merge_results(spy.serialise_results());
  other->merge_results(spy.serialise_results());
  EXPECT_EQ(static_cast<TagCountMatchSpy&>(*other).counts(),
            (std::map<std::string, int>{{"actor:de", 4}, {"norm:13j", 4}}));
  EXPECT_EQ(spy.name(), "cydex::TagCountMatchSpy");
}

TEST(TagFacets, ShardedDatabaseCountsEqualOneDatabaseAndBruteForce) {
  // The same 300 documents: in one database, and split over two shards.
  std::mt19937 random(7);
  const std::vector<std::string> tags = {"norm:13a", "norm:13j", "actor:de", "actor:fr", "actor:eu",
                                         "instrument:nis-directive"};
  std::vector<test::DocSpec> all;
  std::map<std::string, int> expected;
  for (int i = 0; i < 300; ++i) {
    test::DocSpec spec{.id = "d" + std::to_string(i), .title = "t", .organisation = "o", .year = 2020,
                       .pages = {"word"}};
    for (const std::string& tag : tags) {
      if (random() % 4 == 0) {
        spec.mentions.push_back(mention(tag, 1, 0, 4));
        ++expected[tag];
      }
    }
    all.push_back(std::move(spec));
  }
  const testing::TempDir dir;
  test::write_index(dir.path() / "one", all);
  test::write_index(dir.path() / "shard1", std::vector<test::DocSpec>(all.begin(), all.begin() + 150));
  test::write_index(dir.path() / "shard2", std::vector<test::DocSpec>(all.begin() + 150, all.end()));

  auto facet_counts = [](const Xapian::Database& db) {
    TagCountMatchSpy spy(7);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(&spy);
    (void)enquire.get_mset(0, 5, db.get_doccount());
    return spy.counts();
  };
  Xapian::Database sharded((dir.path() / "shard1").string());
  sharded.add_database(Xapian::Database((dir.path() / "shard2").string()));
  EXPECT_EQ(facet_counts(Xapian::Database((dir.path() / "one").string())), expected);
  EXPECT_EQ(facet_counts(sharded), expected);
}

}  // namespace
}  // namespace cydex::search

namespace cydex::search {
namespace {

TEST(QueryExpansion, AliasesFindTaggedDocumentsUnlessTurnedOffOrQuoted) {
  const testing::TempDir dir;
  test::write_index(dir.path(), {
      {.id = "long", .title = "Report", .organisation = "UN", .year = 2021,
       .pages = {"The Group of Governmental Experts met in New York."},
       .mentions = {mention("actor:un-gge", 1, 4, 38)}},
      {.id = "short", .title = "Note", .organisation = "SNV", .year = 2022, .pages = {"The GGE and the OEWG."},
       .mentions = {mention("actor:un-gge", 1, 4, 7)}},
      {.id = "other", .title = "Other", .organisation = "SNV", .year = 2022, .pages = {"Nothing on experts."}},
  });
  {
    auto writer = index::Writer::open(dir.path(), index::WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    ASSERT_TRUE(writer->set_synonyms({{"gge", {"XTactor:un-gge"}},
                                      {"group of governmental experts", {"XTactor:un-gge"}}}).has_value());
  }
  auto searcher = Searcher::open(dir.path());
  ASSERT_TRUE(searcher.has_value());
  EXPECT_EQ(searcher->search({.query = "GGE"})->total, 2) << "the acronym finds the spelled-out name";
  EXPECT_EQ(searcher->search({.query = "group of governmental experts"})->total, 2);
  EXPECT_EQ(searcher->search({.query = "GGE", .expand = false})->total, 1);
  EXPECT_EQ(searcher->search({.query = "\"governmental experts\""})->total, 1) << "phrases match the words";
}

TEST(SpellingSuggestion, OffersTheCorpusWordForAnUnknownOne) {
  const testing::TempDir dir;
  test::write_index(dir.path(), {{.id = "a", .title = "Strategy", .organisation = "X", .year = 2020,
                                  .pages = {"The national cybersecurity strategy of Botswana."}}});
  auto searcher = Searcher::open(dir.path());
  ASSERT_TRUE(searcher.has_value());
  EXPECT_EQ(searcher->search({.query = "cybersecurty strategy"})->suggestion, "cybersecurity strategy");
  EXPECT_EQ(searcher->search({.query = "cybersecurity strategy"})->suggestion, "") << "known words are not corrected";
  EXPECT_EQ(searcher->search({.query = "zzzzqqq"})->suggestion, "") << "nothing near";
}

}  // namespace
}  // namespace cydex::search
