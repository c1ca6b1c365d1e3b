// SPDX-License-Identifier: Apache-2.0
// Snippets found through the index's positions (only the pages holding
// matched words are read) are the snippets a full reading of every page gives.
#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <random>

#include "cydex/index/stored_document.h"
#include "index_builder.h"
#include "query_builder.h"
#include "snippeter.h"

namespace cydex::search {
namespace {

std::string filler(int words, const std::string& word) {
  std::string out;
  for (int i = 0; i < words; ++i) out += word + std::to_string(i % 7) + " ";
  return out;
}

TEST(SnippetPages, PositionsFindTheSamePassageAsReadingEveryPage) {
  const testing::TempDir dir;
  test::write_index(dir.path(), {
      {.id = "long",
       .title = "Negotiations on norms",
       .pages = {filler(300, "preamble") + "negotiation once.",
                 filler(200, "annex"),
                 "Long negotiations on norms of responsible state behaviour; negotiators negotiated the norms. " +
                     filler(100, "tail"),
                 "norms again, and negotiations " + filler(50, "end")}},
      {.id = "tie", .title = "Tie", .pages = {"norms first page", "norms second page"}},
      {.id = "title-only", .title = "Negotiations", .pages = {filler(40, "body")}},
      {.id = "german",
       .title = "Verhandlungen",
       .pages = {filler(20, "seite"), "Die Verhandlungen über Normen gehen weiter. Verhandlung um Verhandlung."},
       .language = "de"},
  });
  const Xapian::Database db(dir.path().string());
  QueryBuilder builder(db);
  Snippeter by_positions;
  Snippeter by_reading;
  int compared = 0;
  for (const char* text : {"negotiation norms", "norms", "\"responsible state\"", "negotiations", "verhandlung",
                           "norms OR tail3", "behaviour NEAR negotiators"}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(SearchRequest{.query = text}));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      const auto stored = index::StoredDocument::decode(it.get_document().get_data());
      ASSERT_TRUE(stored.has_value());
      const MatchedTerms terms = body_terms(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
      const Snippet fast = by_positions.best_passage(*stored, terms, &db, *it);
      const Snippet full = by_reading.best_passage(*stored, terms);
      EXPECT_EQ(fast.text, full.text) << text << " in " << stored->id;
      EXPECT_EQ(fast.page, full.page) << text << " in " << stored->id;
      EXPECT_EQ(fast.highlights, full.highlights) << text << " in " << stored->id;
      ++compared;
    }
  }
  EXPECT_GE(compared, 8);
}

/// Compares, for every hit of every query, the passage found through the
/// index's positions and page anchors with the one a full reading gives.
/// `spoil` may change the stored document before the fast reading.
int compare_passages(const std::filesystem::path& index, const std::vector<std::string>& queries,
                     const std::function<void(index::StoredDocument&)>& spoil = {}) {
  const Xapian::Database db(index.string());
  QueryBuilder builder(db);
  Snippeter by_positions;
  Snippeter by_reading;
  int compared = 0;
  for (const std::string& text : queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(SearchRequest{.query = text}));
    const Xapian::MSet mset = enquire.get_mset(0, 50);
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      auto stored = index::StoredDocument::decode(it.get_document().get_data());
      EXPECT_TRUE(stored.has_value());
      if (!stored) continue;
      const MatchedTerms terms = body_terms(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
      const Snippet full = by_reading.best_passage(*stored, terms);
      if (spoil) spoil(*stored);
      const Snippet fast = by_positions.best_passage(*stored, terms, &db, *it);
      EXPECT_EQ(fast.text, full.text) << text << " in " << stored->id;
      EXPECT_EQ(fast.page, full.page) << text << " in " << stored->id;
      EXPECT_EQ(fast.highlights, full.highlights) << text << " in " << stored->id;
      ++compared;
    }
  }
  return compared;
}

/// Long pages of words drawn at random (short and long, accented,
/// punctuated), so that windows, ties and the blocks between page anchors
/// fall everywhere.
std::vector<test::DocSpec> random_documents() {
  const std::vector<std::string> words = {"norms", "state", "of", "the", "cyber-security", "Verhandlungen", "élysée",
                                          "a", "responsible", "behaviour,", "attribution.", "(UN)", "U.S.",
                                          "diplomacy;", "négociations", "x", "supercalifragilisticexpialidocious"};
  std::mt19937 random(42);
  std::vector<test::DocSpec> out;
  for (int d = 0; d < 30; ++d) {
    test::DocSpec spec{.id = "r" + std::to_string(d), .title = "Random " + std::to_string(d)};
    const int pages = 1 + static_cast<int>(random() % 3);
    for (int p = 0; p < pages; ++p) {
      std::string text;
      const int count = 200 + static_cast<int>(random() % 3000);
      for (int w = 0; w < count; ++w) {
        text += words[random() % words.size()];
        text += random() % 9 == 0 ? "\n" : " ";
      }
      spec.pages.push_back(text);
    }
    out.push_back(std::move(spec));
  }
  return out;
}

TEST(SnippetPages, PositionsAndAnchorsFindTheSamePassageOnLongRandomPages) {
  const testing::TempDir dir;
  test::write_index(dir.path(), random_documents());
  const int compared = compare_passages(dir.path(), {"norms", "responsible state", "attribution diplomacy",
                                                      "négociations OR verhandlungen", "\"the norms\"", "us cyber",
                                                      "x"});
  EXPECT_GE(compared, 100);
}

TEST(SnippetPages, AnchorsThatDoNotMatchThePageFallBackToReadingIt) {
  const testing::TempDir dir;
  test::write_index(dir.path(), random_documents());
  // Anchors shifted by a byte: every block disagrees with them.
  const int compared = compare_passages(dir.path(), {"norms", "attribution diplomacy"}, [](index::StoredDocument& doc) {
    for (index::StoredPage& page : doc.pages) {
      for (std::uint32_t& anchor : page.anchors) anchor = anchor > 0 ? anchor - 1 : anchor;
    }
  });
  EXPECT_GE(compared, 30);
}

TEST(SnippetPages, TheBestPageIsFoundAmongLongOnes) {
  const testing::TempDir dir;
  test::write_index(dir.path(), {{.id = "long",
                                  .title = "Report",
                                  .pages = {filler(400, "alpha"), filler(400, "beta"),
                                            "The negotiations on cyber norms ended. " + filler(50, "gamma")}}});
  const Xapian::Database db(dir.path().string());
  QueryBuilder builder(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(builder.build(SearchRequest{.query = "negotiation norm"}));
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  ASSERT_EQ(mset.size(), 1u);
  const auto stored = index::StoredDocument::decode(mset.begin().get_document().get_data());
  Snippeter snippeter;
  const Snippet snippet = snippeter.best_passage(
      *stored, body_terms(enquire.get_matching_terms_begin(mset.begin()), enquire.get_matching_terms_end(mset.begin())),
      &db, *mset.begin());
  EXPECT_EQ(snippet.page, 3);
  ASSERT_EQ(snippet.highlights.size(), 2u);
  EXPECT_EQ(snippet.text.substr(snippet.highlights[0].first, snippet.highlights[0].second - snippet.highlights[0].first),
            "negotiations");
  EXPECT_EQ(snippet.text.substr(snippet.highlights[1].first, snippet.highlights[1].second - snippet.highlights[1].first),
            "norms");
}

}  // namespace
}  // namespace cydex::search
