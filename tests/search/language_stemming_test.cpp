// SPDX-License-Identifier: Apache-2.0
// Queries stem in each document's own language: German, French and Spanish texts beside English ones.
#include <gtest/gtest.h>

#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

class LanguageStemmingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::write_index(dir_.path(), {
        {.id = "de", .title = "Cyber-Außenpolitik", .organisation = "Auswärtiges Amt", .year = 2021,
         .pages = {"Die Verhandlungen über verantwortungsvolles Staatenverhalten im Cyberraum wurden in New York "
                   "fortgesetzt. Deutschland unterstützt die Vereinbarungen der Vereinten Nationen."},
         .language = "de"},
        {.id = "fr", .title = "Cyberdiplomatie", .organisation = "Ministère de l'Europe", .year = 2019,
         .pages = {"Les négociations sur la cybersécurité se poursuivent aux Nations unies. Les enjeux "
                   "stratégiques du comportement responsable des États."},
         .language = "fr"},
        {.id = "es", .title = "Ciberseguridad nacional", .organisation = "Gobierno de España", .year = 2019,
         .pages = {"Las negociaciones internacionales sobre normas de comportamiento responsable continúan. "
                   "Las estrategias nacionales de ciberseguridad."},
         .language = "es"},
        {.id = "en", .title = "Negotiating norms", .organisation = "Chatham House", .year = 2020,
         .pages = {"The negotiations at the United Nations on responsible state behaviour continue."},
         .language = "en"},
        {.id = "none", .title = "Untitled notes", .organisation = "Unknown", .year = 2018,
         .pages = {"Notes on the negotiations, without a language tag."}, .language = ""},
    });
    auto searcher = Searcher::open(dir_.path());
    ASSERT_TRUE(searcher.has_value()) << searcher.error().detail;
    searcher_.emplace(std::move(*searcher));
  }

  std::vector<std::string> ids(const SearchRequest& request) {
    auto result = searcher_->search(request);
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().detail);
    std::vector<std::string> out;
    if (result) {
      for (const Hit& hit : result->hits) out.push_back(hit.id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  testing::TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(LanguageStemmingTest, EachLanguageMatchesByItsOwnStemmer) {
  struct Case {
    const char* query;
    std::vector<std::string> expected;  // sorted ids
  };
  const Case cases[] = {
      // German stems: Verhandlung and Verhandlungen share "verhandl".
      {"Verhandlung", {"de"}},
      {"Vereinbarung", {"de"}},
      // French: stratégie and stratégiques share "strateg" (English would stem "strategi").
      {"stratégie", {"fr"}},
      // Accents are folded on both sides: négociation finds "négociations".
      {"negociation", {"fr"}},
      // Spanish: internacional and internacionales share "internacional" (English: "internacion"),
      // estrategia and estrategias "estrategi".
      {"internacional", {"es"}},
      {"estrategia", {"es"}},
      // English keeps its own stems, also for documents without a language.
      {"negotiation", {"en", "none"}},
      // Words in several languages at once: each document by its stemmer.
      {"Verhandlung OR stratégie OR estrategia", {"de", "es", "fr"}},
  };
  for (const Case& c : cases) EXPECT_EQ(ids({.query = c.query, .limit = 10}), c.expected) << c.query;
}

TEST_F(LanguageStemmingTest, PhrasesMatchTheExactWords) {
  EXPECT_EQ(ids({.query = "\"Verhandlung\""}), (std::vector<std::string>{}));
  EXPECT_EQ(ids({.query = "\"Die Verhandlungen\""}), (std::vector<std::string>{"de"}));
  EXPECT_EQ(ids({.query = "\"stratégie\""}), (std::vector<std::string>{}));
  EXPECT_EQ(ids({.query = "\"estrategia\""}), (std::vector<std::string>{}));
  EXPECT_EQ(ids({.query = "\"Les négociations\""}), (std::vector<std::string>{"fr"}));
  // A phrase reads the same to every stemmer, so one pass serves all
  // languages, including documents without one.
  EXPECT_EQ(ids({.query = "\"New York\" OR \"Nations unies\" OR \"the negotiations\""}),
            (std::vector<std::string>{"de", "en", "fr", "none"}));
  EXPECT_EQ(ids({.query = "\"New York\" OR \"Nations unies\"", .languages = {"fr"}}),
            (std::vector<std::string>{"fr"}));
  // A phrase beside a stemmed word: the phrase in every language, the word by each stemmer.
  EXPECT_EQ(ids({.query = "\"New York\" OR estrategia"}), (std::vector<std::string>{"de", "es"}));
}

TEST_F(LanguageStemmingTest, ALanguageFilterUsesThatLanguageOnly) {
  EXPECT_EQ(ids({.query = "Verhandlung", .languages = {"de"}}), (std::vector<std::string>{"de"}));
  EXPECT_EQ(ids({.query = "Verhandlung lang:de"}), (std::vector<std::string>{"de"}));
  EXPECT_EQ(ids({.query = "stratégie", .languages = {"fr"}}), (std::vector<std::string>{"fr"}));
  EXPECT_EQ(ids({.query = "estrategia", .languages = {"es"}}), (std::vector<std::string>{"es"}));
  EXPECT_EQ(ids({.query = "negotiation", .languages = {"en"}}), (std::vector<std::string>{"en"}));
  EXPECT_EQ(ids({.query = "stratégie", .languages = {"de"}}), (std::vector<std::string>{}));
  EXPECT_EQ(ids({.query = "Verhandlung OR stratégie", .languages = {"de", "fr"}}),
            (std::vector<std::string>{"de", "fr"}));
  // A lang: that does not narrow the whole query keeps every stemmer.
  EXPECT_EQ(ids({.query = "stratégie OR lang:de"}), (std::vector<std::string>{"de", "fr"}));
  EXPECT_EQ(ids({.query = "stratégie NOT lang:de"}), (std::vector<std::string>{"fr"}));
}

TEST_F(LanguageStemmingTest, SnippetsHighlightWordsFoundByTheirLanguagesStem) {
  auto result = searcher_->search({.query = "Verhandlung"});
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->hits.size(), 1u);
  EXPECT_EQ(result->suggestion, "") << "a word found by its German stem is no misspelling";
  const Snippet& snippet = result->hits[0].snippet;
  ASSERT_FALSE(snippet.highlights.empty());
  const auto [start, end] = snippet.highlights[0];
  EXPECT_EQ(snippet.text.substr(start, end - start), "Verhandlungen");
}

}  // namespace
}  // namespace cydex::search
