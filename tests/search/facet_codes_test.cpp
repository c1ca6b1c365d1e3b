// SPDX-License-Identifier: Apache-2.0
// Facets counted from the one slot of facet codes equal a brute-force count
// of the text slots and the counts of the text-slot spies, in one index and
// over two local shards; an index whose codes collide, and one made before
// the codes existed, are counted from the text slots until `retag` gives
// every document its codes.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <random>
#include <unordered_map>

#include "cydex/index/facet_codes.h"
#include "cydex/index/schema.h"
#include "cydex/index/writer.h"
#include "cydex/search/searcher.h"
#include "index_builder.h"

namespace cydex::search {
namespace {

namespace schema = index::schema;

const std::vector<std::string> kOrganisations = {"SNV", "Council of Europe", "ENISA", "European Commission",
                                                 "Élysée (présidence)"};
const std::vector<std::string> kTags = {"norm:13a", "norm:13j", "actor:de", "actor:fr", "actor:eu",
                                        "instrument:budapest-convention", "instrument:nis2-directive"};
const std::vector<std::string> kWords = {"cyber", "norms", "diplomacy", "attribution", "sanctions"};

/// 600 documents; some have no organisation, year, language or tags.
std::vector<test::DocSpec> documents(int first, int count) {
  std::mt19937 random(static_cast<unsigned>(first + 97));
  std::vector<test::DocSpec> all;
  for (int i = first; i < first + count; ++i) {
    test::DocSpec spec{.id = "c" + std::to_string(100000 + i), .title = "Paper " + std::to_string(i)};
    if (random() % 8 != 0) spec.organisation = kOrganisations[random() % kOrganisations.size()];
    if (random() % 6 != 0) spec.year = 2000 + static_cast<int>(random() % 25);
    spec.language = random() % 9 == 0 ? "" : (random() % 4 == 0 ? "de" : "en");
    spec.type = random() % 2 == 0 ? corpus::MediaType::Pdf : corpus::MediaType::Html;
    std::string text;
    for (const std::string& word : kWords) {
      if (random() % 3 == 0) text += word + " ";
    }
    spec.pages = {text + "filler"};
    if (random() % 5 != 0) {
      for (const std::string& tag : kTags) {
        if (random() % 3 == 0) spec.mentions.push_back(corpus::Mention{tag, 1, 0, 6});
      }
    }
    all.push_back(std::move(spec));
  }
  return all;
}

using FacetCounts = std::map<std::string, std::map<std::string, int>>;

/// Every facet of `result` as name -> value -> count.
FacetCounts facets_of(const SearchResult& result) {
  FacetCounts out;
  for (const auto& [name, values] : result.facets) {
    for (const FacetValue& value : values) out[name][value.value] = value.count;
    out[name];
  }
  return out;
}

/// The facets of every document `query` matches in `db`, read from its text
/// slots one by one.
FacetCounts brute_force(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount() + 1);
  FacetCounts out;
  for (const char* name : {"organisation", "year", "language", "format", "norm", "actor", "instrument"}) out[name];
  for (Xapian::MSetIterator it = all.begin(); it != all.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const auto add = [&](const char* name, Xapian::valueno slot) {
      const std::string value = doc.get_value(slot);
      if (!value.empty()) ++out[name][value];
    };
    add("organisation", schema::kOrganisationSlot);
    add("year", schema::kYearSlot);
    add("language", schema::kLanguageSlot);
    add("format", schema::kFormatSlot);
    const std::string tags = doc.get_value(schema::kTagsSlot);
    std::size_t pos = 0;
    while (pos < tags.size()) {
      std::size_t end = tags.find('\n', pos);
      if (end == std::string::npos) end = tags.size();
      const std::string tag = tags.substr(pos, end - pos);
      ++out[tag.substr(0, tag.find(':'))][tag];
      pos = end + 1;
    }
  }
  return out;
}

/// The queries compared, as typed and as Xapian terms for the brute-force
/// count: the words as written, which each document's own stemmer and the
/// query's stemmer for that document's language bring to the same stem.
const std::vector<std::pair<std::string, Xapian::Query>>& queries() {
  static const std::vector<std::pair<std::string, Xapian::Query>> all = {
      {"", Xapian::Query::MatchAll},
      {"cyber", Xapian::Query("cyber")},
      {"norm:13j", Xapian::Query("XTnorm:13j")},
      {"lang:de", Xapian::Query("Lde")},
      {"sanctions OR attribution", Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("sanctions"),
                                                 Xapian::Query("attribution"))},
  };
  return all;
}

std::string state_of(const std::filesystem::path& index) {
  return Xapian::Database(index.string()).get_metadata(schema::kFacetCodesKey);
}

TEST(FacetCodes, ANewIndexRecordsEveryCodeWithItsFieldAndValue) {
  const testing::TempDir dir;
  test::write_index(dir.path(), documents(0, 200));
  const Xapian::Database db(dir.path().string());
  EXPECT_EQ(db.get_metadata(schema::kFacetCodesKey), "1");
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    const std::vector<index::FacetValueCode> values = index::facet_values_of(doc);
    const std::string codes = doc.get_value(schema::kFacetCodesSlot);
    ASSERT_EQ(codes.size(), 4 * values.size()) << "document " << *it;
    for (const index::FacetValueCode& value : values) {
      EXPECT_EQ(db.get_metadata(index::facet_name_key(value.code)), index::facet_name_record(value));
    }
  }
}

TEST(FacetCodes, CountsFromCodesEqualBruteForceAndTheTextSlots) {
  const testing::TempDir dir;
  const std::filesystem::path coded = dir.path() / "coded";
  test::write_index(coded, documents(0, 600));
  // The same index told that its codes cannot be used: counted from the text slots.
  const std::filesystem::path slots = dir.path() / "slots";
  std::filesystem::copy(coded, slots);
  {
    Xapian::WritableDatabase db(slots.string());
    db.set_metadata(schema::kFacetCodesKey, "");
    db.commit();
  }
  auto from_codes = Searcher::open(coded);
  auto from_slots = Searcher::open(slots);
  ASSERT_TRUE(from_codes.has_value() && from_slots.has_value());
  const Xapian::Database db(coded.string());
  for (const auto& [text, query] : queries()) {
    const auto codes = from_codes->search(SearchRequest{.query = text, .limit = 3});
    const auto reference = from_slots->search(SearchRequest{.query = text, .limit = 3});
    ASSERT_TRUE(codes.has_value() && reference.has_value()) << text;
    EXPECT_EQ(codes->total, reference->total) << text;
    EXPECT_EQ(facets_of(*codes), brute_force(db, query)) << text;
    EXPECT_EQ(facets_of(*codes), facets_of(*reference)) << text;
  }
}

TEST(FacetCodes, TwoLocalShardsCountLikeOneIndex) {
  const testing::TempDir dir;
  const std::filesystem::path first = dir.path() / "a";
  const std::filesystem::path second = dir.path() / "b";
  const std::filesystem::path whole = dir.path() / "whole";
  test::write_index(first, documents(0, 300));
  test::write_index(second, documents(300, 300));
  std::vector<test::DocSpec> everything = documents(0, 300);
  for (test::DocSpec& spec : documents(300, 300)) everything.push_back(std::move(spec));
  test::write_index(whole, everything);
  auto shards = Searcher::open(std::vector<std::string>{first.string(), second.string()});
  auto one = Searcher::open(whole);
  ASSERT_TRUE(shards.has_value() && one.has_value());
  for (const auto& [text, query] : queries()) {
    const auto got = shards->search(SearchRequest{.query = text, .limit = 0});
    const auto expected = one->search(SearchRequest{.query = text, .limit = 0});
    ASSERT_TRUE(got.has_value() && expected.has_value()) << text;
    EXPECT_EQ(got->total, expected->total) << text;
    EXPECT_EQ(facets_of(*got), facets_of(*expected)) << text;
    EXPECT_EQ(facets_of(*got), brute_force(Xapian::Database(whole.string()), query)) << text;
  }
}

TEST(FacetCodes, CollidingCodesAreDetectedAndCountedFromTheTextSlots) {
  // Two organisation names with one code, found among generated names.
  std::unordered_map<std::uint32_t, std::string> seen;
  std::pair<std::string, std::string> pair;
  for (int i = 0; pair.first.empty(); ++i) {
    const std::string name = "Ministry " + std::to_string(i);
    const auto [at, added] = seen.emplace(index::facet_code(index::kOrganisationField, name), name);
    if (!added) pair = {at->second, name};
  }
  ASSERT_NE(pair.first, pair.second);
  std::vector<test::DocSpec> specs = documents(0, 40);
  for (std::size_t i = 0; i < specs.size(); ++i) specs[i].organisation = i % 3 == 0 ? pair.first : pair.second;
  const testing::TempDir dir;
  test::write_index(dir.path(), specs);
  EXPECT_EQ(state_of(dir.path()), "collision");
  auto searcher = Searcher::open(dir.path());
  ASSERT_TRUE(searcher.has_value());
  const auto result = searcher->search(SearchRequest{.query = "", .limit = 0});
  ASSERT_TRUE(result.has_value());
  const FacetCounts counts = facets_of(*result);
  EXPECT_EQ(counts.at("organisation").at(pair.first), 14);
  EXPECT_EQ(counts.at("organisation").at(pair.second), 26);
  EXPECT_EQ(counts, brute_force(Xapian::Database(dir.path().string()), Xapian::Query::MatchAll));
}

TEST(FacetCodes, AnIndexMadeBeforeTheCodesGetsThemFromRetag) {
  const testing::TempDir dir;
  test::write_index(dir.path(), documents(0, 150));
  {
    // As an earlier cydex left it: no codes slot, no names, no marker.
    Xapian::WritableDatabase db(dir.path().string());
    for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      doc.remove_value(schema::kFacetCodesSlot);
      db.replace_document(*it, doc);
    }
    const std::string prefix(schema::kFacetNamePrefix);
    std::vector<std::string> keys(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
    for (const std::string& key : keys) db.set_metadata(key, "");
    db.set_metadata(schema::kFacetCodesKey, "");
    db.commit();
  }
  const FacetCounts expected = brute_force(Xapian::Database(dir.path().string()), Xapian::Query("cyber"));
  {
    auto before = Searcher::open(dir.path());
    ASSERT_TRUE(before.has_value());
    const auto result = before->search(SearchRequest{.query = "cyber", .limit = 0});
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(facets_of(*result), expected);
  }
  {
    auto writer = index::Writer::open(dir.path(), index::WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    const auto changed = writer->retag([](const index::StoredDocument& stored) {
      std::vector<corpus::Mention> mentions;
      for (const index::StoredMention& m : stored.mentions) mentions.push_back(corpus::Mention{m.tag, m.page, m.start, m.end});
      return mentions;
    });
    ASSERT_TRUE(changed.has_value());
    EXPECT_EQ(*changed, 0);  // no tag changed; every document got its codes
  }
  EXPECT_EQ(state_of(dir.path()), "1");
  auto after = Searcher::open(dir.path());
  ASSERT_TRUE(after.has_value());
  const auto result = after->search(SearchRequest{.query = "cyber", .limit = 0});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(facets_of(*result), expected);
}

}  // namespace
}  // namespace cydex::search
