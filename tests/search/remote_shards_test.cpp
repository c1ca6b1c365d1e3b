// SPDX-License-Identifier: Apache-2.0
// Searching several shards as one, with one shard served by a real
// xapian-tcpsrv: totals and all seven facets equal brute force over the
// union and the counts of one index holding everything; hits of the remote
// shard carry snippets; what a remote shard cannot do degrades gracefully.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>

#include "cydex/index/schema.h"
#include "cydex/search/searcher.h"
#include "facet_collector.h"
#include "index_builder.h"
#include "xapian_server.h"

namespace cydex::search {
namespace {

constexpr int kDocuments = 260;
constexpr int kLocalDocuments = 110;  ///< Documents [0, 110) in the local shard, the rest remote.
const std::vector<std::string> kTags = {"norm:13a",  "norm:13j",         "actor:de",
                                        "actor:fr",  "actor:eu",         "instrument:nis-directive",
                                        "instrument:budapest-convention"};
const std::vector<std::string> kOrganisations = {"SNV", "Council of Europe", "ENISA", "Agence nationale (ANSSI)"};
const std::vector<std::string> kLanguages = {"en", "de", "fr"};
const std::vector<corpus::MediaType> kTypes = {corpus::MediaType::Pdf, corpus::MediaType::Html,
                                               corpus::MediaType::Text};

struct Doc {
  test::DocSpec spec;
  std::set<std::string> words;
  std::set<std::string> tags;
};

/// Every tenth document lacks "common", every seventh has "rare", every
/// eleventh has no year, every fourth no tags.
std::vector<Doc> documents() {
  std::mt19937 random(5150);
  std::vector<Doc> all;
  for (int i = 0; i < kDocuments; ++i) {
    Doc doc;
    doc.words = {"word"};
    if (i % 10 != 0) doc.words.insert("common");
    if (i % 7 == 0) doc.words.insert("rare");
    std::string text = "Some opening text about policy. ";
    for (const std::string& word : doc.words) text += word + " ";
    doc.spec = test::DocSpec{.id = "doc" + std::to_string(100000 + i),
                             .title = "Title " + std::to_string(random() % 1000),
                             .organisation = kOrganisations[random() % kOrganisations.size()],
                             .year = i % 11 == 0 ? std::nullopt : std::optional<int>(2000 + static_cast<int>(random() % 20)),
                             .pages = {"A first page without the words.", text},
                             .type = kTypes[random() % kTypes.size()],
                             .language = kLanguages[random() % kLanguages.size()]};
    if (i % 4 != 0) {
      for (const std::string& tag : kTags) {
        if (random() % 3 != 0) continue;
        doc.tags.insert(tag);
        doc.spec.mentions.push_back(corpus::Mention{tag, 2, 0, 4});
        doc.spec.mentions.push_back(corpus::Mention{tag, 2, 5, 9});  // Twice: still one document.
      }
    }
    all.push_back(std::move(doc));
  }
  return all;
}

using FacetCounts = std::map<std::string, std::map<std::string, int>>;  ///< Facet -> value -> documents.

struct Query {
  std::string text;
  bool (*matches)(const Doc&);
};

const std::vector<Query> kQueries = {
    {"", [](const Doc&) { return true; }},
    {"common", [](const Doc& doc) { return doc.words.count("common") > 0; }},
    {"rare", [](const Doc& doc) { return doc.words.count("rare") > 0; }},
    {"common -rare", [](const Doc& doc) { return doc.words.count("common") > 0 && doc.words.count("rare") == 0; }},
    {"norm:13j", [](const Doc& doc) { return doc.tags.count("norm:13j") > 0; }},
    {"absent", [](const Doc&) { return false; }},
};

/// What reading every matching document gives.
FacetCounts brute_force(const std::vector<Doc>& docs, const Query& query, int& total) {
  FacetCounts out;
  for (const std::string& name : kFacetNames) out[name];
  total = 0;
  for (const Doc& doc : docs) {
    if (!query.matches(doc)) continue;
    ++total;
    ++out["organisation"][doc.spec.organisation];
    if (doc.spec.year) ++out["year"][std::to_string(*doc.spec.year)];
    ++out["language"][doc.spec.language];
    ++out["format"][std::string(corpus::to_string(doc.spec.type))];
    for (const std::string& tag : doc.tags) ++out[tag.substr(0, tag.find(':'))][tag];
  }
  return out;
}

FacetCounts facet_counts(const SearchResult& result) {
  FacetCounts out;
  for (const std::string& name : kFacetNames) out[name];
  for (const auto& [name, values] : result.facets) {
    for (const FacetValue& value : values) out[name][value.value] = value.count;
  }
  return out;
}

class RemoteShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    docs_ = new std::vector<Doc>(documents());
    dir_ = new testing::TempDir();
    std::vector<test::DocSpec> all;
    for (const Doc& doc : *docs_) all.push_back(doc.spec);
    test::write_index(dir_->path() / "one", all);
    test::write_index(dir_->path() / "local", std::vector<test::DocSpec>(all.begin(), all.begin() + kLocalDocuments));
    test::write_index(dir_->path() / "remote", std::vector<test::DocSpec>(all.begin() + kLocalDocuments, all.end()));
    if (testing::XapianServer::program().empty()) return;
    try {
      server_ = new testing::XapianServer({dir_->path() / "remote"});
    } catch (const std::exception& error) {
      start_error_ = new std::string(error.what());
    }
  }
  static void TearDownTestSuite() {
    delete server_;  // Stops the server.
    server_ = nullptr;
    delete start_error_;
    start_error_ = nullptr;
    delete dir_;
    dir_ = nullptr;
    delete docs_;
    docs_ = nullptr;
  }
  void SetUp() override {
    if (testing::XapianServer::program().empty()) {
      GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools): remote shards not tested";
    }
    ASSERT_EQ(start_error_, nullptr) << *start_error_;
    ASSERT_NE(server_, nullptr);
  }

  static Searcher open(const std::vector<std::string>& locations) {
    auto searcher = Searcher::open(locations);
    if (!searcher) throw std::runtime_error(searcher.error().detail);
    return std::move(*searcher);
  }
  static std::string path(const char* name) { return (dir_->path() / name).string(); }
  static std::string remote() { return server_->location(); }

  static SearchResult search(Searcher& searcher, SearchRequest request) {
    auto result = searcher.search(request);
    if (!result) throw std::runtime_error(result.error().detail);
    return *result;
  }

  static std::vector<Doc>* docs_;
  static testing::TempDir* dir_;
  static testing::XapianServer* server_;
  static std::string* start_error_;
};

std::vector<Doc>* RemoteShardsTest::docs_ = nullptr;
testing::TempDir* RemoteShardsTest::dir_ = nullptr;
testing::XapianServer* RemoteShardsTest::server_ = nullptr;
std::string* RemoteShardsTest::start_error_ = nullptr;

TEST_F(RemoteShardsTest, TotalsAndAllSevenFacetsEqualBruteForceAndOneIndex) {
  Searcher one = open({path("one")});
  Searcher local_and_remote = open({path("local"), remote()});
  Searcher remote_and_local = open({remote(), path("local")});
  Searcher two_local = open({path("local"), path("remote")});
  ASSERT_EQ(local_and_remote.document_count(), static_cast<unsigned>(kDocuments));
  for (const Query& query : kQueries) {
    int expected_total = 0;
    const FacetCounts expected = brute_force(*docs_, query, expected_total);
    SearchRequest request;
    request.query = query.text;
    request.limit = 0;
    const SearchResult reference = search(one, request);
    EXPECT_EQ(reference.total, expected_total) << "'" << query.text << "', one index";
    EXPECT_EQ(facet_counts(reference), expected) << "'" << query.text << "', one index";
    const std::vector<std::pair<Searcher*, const char*>> sharded = {
        {&local_and_remote, "local + remote"}, {&remote_and_local, "remote + local"}, {&two_local, "two local shards"}};
    for (const auto& [searcher, what] : sharded) {
      const SearchResult result = search(*searcher, request);
      EXPECT_EQ(result.total, expected_total) << "'" << query.text << "', " << what;
      EXPECT_TRUE(result.total_exact) << what;
      EXPECT_EQ(facet_counts(result), expected) << "'" << query.text << "', " << what;
      EXPECT_EQ(facet_counts(result), facet_counts(reference)) << "'" << query.text << "', " << what;
    }
  }
  // The test can fail: the data has values and tags of every kind.
  int total = 0;
  const FacetCounts all = brute_force(*docs_, kQueries.front(), total);
  EXPECT_EQ(total, kDocuments);
  for (const std::string& name : kFacetNames) EXPECT_GE(all.at(name).size(), 2u) << name;
}

TEST_F(RemoteShardsTest, RemoteShardAloneCountsItsOwnDocuments) {
  Searcher remote_only = open({remote()});
  const std::vector<Doc> remote_docs(docs_->begin() + kLocalDocuments, docs_->end());
  for (const Query& query : kQueries) {
    int expected_total = 0;
    const FacetCounts expected = brute_force(remote_docs, query, expected_total);
    SearchRequest request;
    request.query = query.text;
    request.limit = 3;
    const SearchResult result = search(remote_only, request);
    EXPECT_EQ(result.total, expected_total) << "'" << query.text << "'";
    EXPECT_EQ(facet_counts(result), expected) << "'" << query.text << "'";
  }
}

TEST_F(RemoteShardsTest, FacetSelectionAndLimitApplyAsForOneIndex) {
  Searcher one = open({path("one")});
  Searcher sharded = open({path("local"), remote()});
  SearchRequest request;
  request.query = "common";
  request.facets = {"actor", "year"};
  request.facet_limit = 2;
  request.year_bucket = 5;
  const SearchResult expected = search(one, request);
  const SearchResult result = search(sharded, request);
  ASSERT_EQ(result.facets.size(), 2u);
  EXPECT_EQ(facet_counts(result), facet_counts(expected));
  EXPECT_EQ(result.facets.at("actor").size(), 2u);
}

TEST_F(RemoteShardsTest, HitsOfBothShardsCarrySnippetsAndOpenAsDocuments) {
  Searcher searcher = open({path("local"), remote()});
  SearchRequest request;
  request.query = "rare";
  request.limit = 1000;
  const SearchResult result = search(searcher, request);
  std::set<std::string> expected_ids;
  std::map<std::string, const Doc*> by_id;
  for (const Doc& doc : *docs_) {
    if (doc.words.count("rare") > 0) expected_ids.insert(doc.spec.id);
    by_id[doc.spec.id] = &doc;
  }
  std::set<std::string> ids;
  int remote_hits = 0;
  for (const Hit& hit : result.hits) {
    ids.insert(hit.id);
    EXPECT_NE(hit.snippet.text.find("rare"), std::string::npos) << hit.id << ": " << hit.snippet.text;
    EXPECT_FALSE(hit.snippet.highlights.empty()) << hit.id;
    // Only a paginated format reports the page, the second here.
    const bool paginated = by_id.at(hit.id)->spec.type == corpus::MediaType::Pdf;
    EXPECT_EQ(hit.snippet.page, paginated ? std::optional<int>(2) : std::nullopt) << hit.id;
    EXPECT_FALSE(hit.title.empty()) << hit.id;
    if (hit.id >= "doc" + std::to_string(100000 + kLocalDocuments)) ++remote_hits;
  }
  EXPECT_EQ(ids, expected_ids);
  EXPECT_GT(remote_hits, 5);

  // `show` reads a document through the remote backend, by id or path.
  const Doc& far = docs_->back();
  for (const std::string& key : {far.spec.id, "/corpus/" + far.spec.id}) {
    auto view = searcher.document(key);
    ASSERT_TRUE(view.has_value()) << key << ": " << view.error().detail;
    EXPECT_EQ(view->id, far.spec.id);
    ASSERT_EQ(view->pages.size(), 2u);
    EXPECT_EQ(view->pages[1].second, far.spec.pages[1]);
    EXPECT_EQ(view->tags.size(), far.tags.size());
  }
  // Tag document counts add up over both shards.
  std::map<std::string, int> tag_counts;
  for (const Doc& doc : *docs_) {
    for (const std::string& tag : doc.tags) ++tag_counts[tag];
  }
  EXPECT_EQ(searcher.tag_document_counts(), tag_counts);
}

TEST_F(RemoteShardsTest, SortingAndSpellingDegradeGracefully) {
  Searcher searcher = open({path("local"), remote()});
  SearchRequest request;
  request.query = "common";
  request.limit = 1000;
  request.sort = SortOrder::Date;
  const SearchResult newest = search(searcher, request);
  ASSERT_EQ(static_cast<int>(newest.hits.size()), newest.total);
  // By year, newest first; documents without a year last.
  for (std::size_t i = 1; i < newest.hits.size(); ++i) {
    const std::optional<int>& before = newest.hits[i - 1].year;
    const std::optional<int>& after = newest.hits[i].year;
    EXPECT_TRUE(!after || (before && *before >= *after)) << "rank " << i + 1;
  }
  request.sort = SortOrder::Title;
  const SearchResult by_title = search(searcher, request);
  for (std::size_t i = 1; i < by_title.hits.size(); ++i) {
    EXPECT_LE(by_title.hits[i - 1].title, by_title.hits[i].title) << "rank " << i + 1;
  }

  // Spelling data comes from the local shard; a remote shard alone offers none.
  SearchRequest misspelt;
  misspelt.query = "comon";
  EXPECT_EQ(search(searcher, misspelt).suggestion, "common");
  Searcher remote_only = open({remote()});
  const SearchResult result = search(remote_only, misspelt);
  EXPECT_EQ(result.total, 0);
}

TEST_F(RemoteShardsTest, UnreachableOrMalformedLocationsAreOneLineErrors) {
  const auto error_of = [](const std::vector<std::string>& locations) {
    auto searcher = Searcher::open(locations);
    EXPECT_FALSE(searcher.has_value());
    return searcher ? SearchError{} : searcher.error();
  };
  const SearchError unreachable = error_of({path("local"), "tcp://127.0.0.1:1"});
  EXPECT_TRUE(unreachable.detail.starts_with("tcp://127.0.0.1:1: ")) << unreachable.detail;
  EXPECT_EQ(unreachable.detail.find('\n'), std::string::npos) << unreachable.detail;

  const SearchError no_port = error_of({"tcp://127.0.0.1"});
  EXPECT_TRUE(no_port.detail.starts_with("tcp://127.0.0.1: ")) << no_port.detail;
  const SearchError bad_port = error_of({"tcp://127.0.0.1:99999"});
  EXPECT_NE(bad_port.detail.find("99999"), std::string::npos) << bad_port.detail;

  const SearchError missing = error_of({remote(), path("absent")});
  EXPECT_EQ(missing.kind, SearchErrorKind::NoIndex);
  EXPECT_TRUE(missing.detail.starts_with(path("absent") + ": ")) << missing.detail;

  const SearchError twice = error_of({path("local"), remote(), path("local")});
  EXPECT_NE(twice.detail.find("given twice"), std::string::npos) << twice.detail;
}

TEST_F(RemoteShardsTest, ServerGoneDuringASessionIsAnErrorNotACrash) {
  auto server = std::make_unique<testing::XapianServer>(std::vector<std::filesystem::path>{dir_->path() / "remote"});
  Searcher searcher = open({path("local"), server->location()});
  SearchRequest request;
  request.query = "common";
  EXPECT_TRUE(searcher.search(request).has_value());
  server.reset();
  const auto result = searcher.search(request);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, SearchErrorKind::Index);
  EXPECT_NE(result.error().detail.find("remote"), std::string::npos) << result.error().detail;
}

TEST(PortableFacetCounting, EqualsStreamingCountsWithoutAServer) {
  // The portable mode's splitting of tag combinations, on local databases:
  // one, and two shards combined.
  const testing::TempDir dir;
  const std::vector<Doc> docs = documents();
  std::vector<test::DocSpec> specs;
  for (const Doc& doc : docs) specs.push_back(doc.spec);
  test::write_index(dir.path() / "one", specs);
  test::write_index(dir.path() / "a", std::vector<test::DocSpec>(specs.begin(), specs.begin() + kLocalDocuments));
  test::write_index(dir.path() / "b", std::vector<test::DocSpec>(specs.begin() + kLocalDocuments, specs.end()));
  Xapian::Database sharded((dir.path() / "a").string());
  sharded.add_database(Xapian::Database((dir.path() / "b").string()));
  std::map<std::string, int> expected_tags;
  std::map<std::string, int> expected_languages;
  for (const Doc& doc : docs) {
    for (const std::string& tag : doc.tags) ++expected_tags[tag];
    ++expected_languages[doc.spec.language];
  }
  for (const Xapian::Database& db : {Xapian::Database((dir.path() / "one").string()), sharded}) {
    for (const FacetCollector::Mode mode : {FacetCollector::Mode::Streaming, FacetCollector::Mode::Portable}) {
      FacetCollector tags("tags", index::schema::kTagsSlot, db, mode);
      FacetCollector languages("language", index::schema::kLanguageSlot, db, mode);
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query::MatchAll);
      tags.attach(enquire);
      languages.attach(enquire);
      (void)enquire.get_mset(0, 0, db.get_doccount());
      const char* what = mode == FacetCollector::Mode::Portable ? "portable" : "streaming";
      EXPECT_EQ(tags.counts(), expected_tags) << what << ", " << db.size() << " shard(s)";
      EXPECT_EQ(languages.counts(), expected_languages) << what << ", " << db.size() << " shard(s)";
    }
  }
}

}  // namespace
}  // namespace cydex::search
