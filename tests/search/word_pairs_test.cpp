// SPDX-License-Identifier: Apache-2.0
// Phrases answered with the index's word pairs find exactly what Xapian's
// position checks find, with the same scores and order: two- and
// three-word phrases with common words, a phrase that would span two pages,
// title phrases, phrases under OR and NOT, ADJ and NEAR; and the pair terms
// the index holds are the ones the phrases need.
#include <gtest/gtest.h>
#include <xapian.h>

#include <random>

#include "cydex/index/schema.h"
#include "cydex/index/word_pairs.h"
#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

namespace schema = index::schema;

const std::vector<std::string> kWords = {"the", "court", "of", "justice", "protection", "data", "is", "and",
                                         "state", "to", "article", "on", "based", "in", "personal"};

/// 500 documents of random words (so most phrases occur in some documents
/// and not in others), some of two pages; titles of three words.
std::vector<test::DocSpec> documents() {
  std::mt19937 random(5);
  std::vector<test::DocSpec> all;
  const auto words = [&](int count) {
    std::string text;
    for (int w = 0; w < count; ++w) text += kWords[random() % kWords.size()] + " ";
    return text;
  };
  for (int i = 0; i < 500; ++i) {
    test::DocSpec spec{.id = "w" + std::to_string(1000 + i), .title = words(3)};
    spec.pages = {words(4 + static_cast<int>(random() % 30))};
    if (i % 4 == 0) spec.pages.push_back(words(4 + static_cast<int>(random() % 10)));
    all.push_back(std::move(spec));
  }
  // Page 1 ends with "of", page 2 begins with "the": "of the" must not match here.
  all.push_back(test::DocSpec{.id = "across", .title = "x", .pages = {"justice protection of", "the court"}});
  return all;
}

class WordPairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    with_pairs_ = dir_.path() / "pairs";
    test::write_index(with_pairs_, documents());
    // The same index, as one made without pairs: phrases checked by positions alone.
    without_pairs_ = dir_.path() / "positions";
    std::filesystem::copy(with_pairs_, without_pairs_);
    Xapian::WritableDatabase db(without_pairs_.string());
    db.set_metadata(schema::kPairsKey, "");
    db.commit();
  }

  testing::TempDir dir_;
  std::filesystem::path with_pairs_;
  std::filesystem::path without_pairs_;
};

TEST_F(WordPairsTest, ANewIndexRecordsItsPairsVersionAndHoldsThePairsOfEachPage) {
  const Xapian::Database db(with_pairs_.string());
  EXPECT_EQ(db.get_metadata(schema::kPairsKey), index::kWordPairsVersion);
  const Xapian::docid across = *db.postlist_begin(schema::term(schema::kIdPrefix, "across"));
  std::set<std::string> pairs;
  const std::string prefix(schema::kPairPrefix);
  for (Xapian::TermIterator it = db.termlist_begin(across); it != db.termlist_end(across); ++it) {
    if ((*it).starts_with(prefix)) pairs.insert((*it).substr(prefix.size()));
  }
  // "justice protection" has no common word; "of the" spans two pages.
  EXPECT_EQ(pairs, (std::set<std::string>{"protection of", "the court"}));
}

TEST_F(WordPairsTest, PhrasesFindWhatPositionChecksFindWithTheSameScores) {
  auto pairs = Searcher::open(with_pairs_);
  auto positions = Searcher::open(without_pairs_);
  ASSERT_TRUE(pairs.has_value() && positions.has_value());
  const std::vector<std::string> queries = {
      "\"of the\"",  "\"the court\"",  "\"court of justice\"",  "\"the court of\"", "\"protection of personal data\"",
      "\"justice protection\"",  // no common word: left to positions
      "\"data is based on the\"", "\"of article\" OR justice", "state NOT \"the court\"", "title:\"the court\"",
      "court ADJ/2 of", "the NEAR justice", "\"based on\" \"to article\"", "\"in\"",
  };
  int matched = 0;
  for (const std::string& query : queries) {
    const SearchRequest request{.query = query, .limit = 1000};
    const auto got = pairs->search(request);
    const auto expected = positions->search(request);
    ASSERT_TRUE(got.has_value() && expected.has_value()) << query;
    EXPECT_EQ(got->total, expected->total) << query;
    ASSERT_EQ(got->hits.size(), expected->hits.size()) << query;
    for (std::size_t i = 0; i < got->hits.size(); ++i) {
      EXPECT_EQ(got->hits[i].id, expected->hits[i].id) << query << ": hit " << i;
      EXPECT_DOUBLE_EQ(got->hits[i].score, expected->hits[i].score) << query << ": hit " << i;
      EXPECT_EQ(got->hits[i].snippet.text, expected->hits[i].snippet.text) << query << ": hit " << i;
    }
    if (got->total > 0 && got->total < 400) ++matched;
  }
  // The phrases must match some documents and not others, or nothing is shown.
  EXPECT_GE(matched, 8);
}

TEST_F(WordPairsTest, APhraseDoesNotMatchAcrossTwoPages) {
  auto pairs = Searcher::open(with_pairs_);
  ASSERT_TRUE(pairs.has_value());
  const auto result = pairs->search(SearchRequest{.query = "\"protection of the court\"", .limit = 100});
  ASSERT_TRUE(result.has_value());
  for (const Hit& hit : result->hits) EXPECT_NE(hit.id, "across");
}

TEST(WordPairs, CommonWordsAreTheFrequentFunctionWordsOfEachLanguage) {
  for (const char* word : {"the", "of", "and", "der", "und", "de", "la", "que", "y"}) {
    EXPECT_TRUE(index::is_common_word(word)) << word;
  }
  for (const char* word : {"court", "cyber", "norms", "", "thee", "ofx", "diplomacy"}) {
    EXPECT_FALSE(index::is_common_word(word)) << word;
  }
  EXPECT_EQ(index::pair_term("the", "court"), "XPthe court");
  EXPECT_TRUE(index::forms_pair("court", "of"));
  EXPECT_FALSE(index::forms_pair("court", "justice"));
}

}  // namespace
}  // namespace cydex::search
