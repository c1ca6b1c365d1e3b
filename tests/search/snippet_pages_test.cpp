// SPDX-License-Identifier: Apache-2.0
// Snippets found through the index's positions (only the pages holding
// matched words are read) are the snippets a full reading of every page gives.
#include <gtest/gtest.h>
#include <xapian.h>

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
