// SPDX-License-Identifier: Apache-2.0
// Facet counts checked against brute force over a generated collection.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

constexpr int kDocuments = 400;
const std::vector<std::string> kOrganisations = {"European Union (EEAS)", "OSCE", "NATO", "United Nations", "SNV"};
const std::vector<std::string> kWords = {"cyber", "norms", "diplomacy", "attribution", "sanctions", "resilience"};

struct Generated {
  std::vector<test::DocSpec> specs;
  std::vector<std::set<std::string>> words;  ///< Per document.
};

Generated generate() {
  std::mt19937 random(20261123);
  Generated out;
  for (int i = 0; i < kDocuments; ++i) {
    test::DocSpec spec;
    spec.id = "doc" + std::to_string(i);
    spec.title = "Document " + std::to_string(i);
    spec.organisation = kOrganisations[random() % kOrganisations.size()];
    if (random() % 10 != 0) spec.year = 2010 + static_cast<int>(random() % 15);
    std::set<std::string> words;
    std::string text;
    for (const std::string& word : kWords) {
      if (random() % 3 == 0) {
        words.insert(word);
        text += word + " ";
      }
    }
    spec.pages = {text + "filler"};
    out.specs.push_back(std::move(spec));
    out.words.push_back(std::move(words));
  }
  return out;
}

TEST(Facets, CountsEqualBruteForceOverAllMatchesNotJustThePageShown) {
  const testing::TempDir dir;
  const Generated collection = generate();
  test::write_index(dir.path(), collection.specs);
  auto searcher = Searcher::open(dir.path());
  ASSERT_TRUE(searcher.has_value());

  const std::vector<std::vector<std::string>> queries = {{}, {"cyber"}, {"norms", "attribution"}, {"sanctions"}};
  for (const std::vector<std::string>& query_words : queries) {
    std::string query;
    for (const std::string& word : query_words) query += (query.empty() ? "" : " ") + word;
    std::map<std::string, int> organisations;
    std::map<std::string, int> years;
    int total = 0;
    for (std::size_t i = 0; i < collection.specs.size(); ++i) {
      const bool match = std::all_of(query_words.begin(), query_words.end(),
                                     [&](const std::string& w) { return collection.words[i].count(w) > 0; });
      if (!match) continue;
      ++total;
      ++organisations[collection.specs[i].organisation];
      if (collection.specs[i].year) ++years[std::to_string(*collection.specs[i].year)];
    }

    auto result = searcher->search({.query = query, .limit = 3});
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->total, total) << query;
    EXPECT_LE(result->hits.size(), 3u);
    std::map<std::string, int> got_organisations;
    for (const FacetValue& value : result->facets.at("organisation")) got_organisations[value.value] = value.count;
    std::map<std::string, int> got_years;
    for (const FacetValue& value : result->facets.at("year")) got_years[value.value] = value.count;
    EXPECT_EQ(got_organisations, organisations) << query;
    EXPECT_EQ(got_years, years) << query;

    // Sorted by count descending, then value.
    const std::vector<FacetValue>& list = result->facets.at("organisation");
    for (std::size_t i = 1; i < list.size(); ++i) {
      EXPECT_TRUE(list[i - 1].count > list[i].count ||
                  (list[i - 1].count == list[i].count && list[i - 1].value < list[i].value));
    }
  }
}

}  // namespace
}  // namespace cydex::search
