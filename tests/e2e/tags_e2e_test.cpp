// SPDX-License-Identifier: Apache-2.0
// Tags through the CLI: extract, search fields and facets, show, tags, retag.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

constexpr const char* kSnvFocus = "002-snv-cyber-diplomacy-focus-area.html";
constexpr const char* kBrochure = "004-eeas-eu-cyber-diplomacy.pdf";

class TagsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto run = run_cydex({"ingest", "-q", "--index", index(), testing::sample_dir().string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string index() { return (dir_->path() / "index").string(); }
  static json run_json(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--json", "--index", index()});
    const auto run = run_cydex(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out);
  }
  static std::string file_of(const json& hit) {
    return std::filesystem::path(hit["path"].get<std::string>()).filename().string();
  }
  static testing::TempDir* dir_;
};

testing::TempDir* TagsCli::dir_ = nullptr;

TEST_F(TagsCli, ExtractListsTagsWithMentionsInContext) {
  const auto run = run_cydex({"extract", "--json", (testing::sample_dir() / kSnvFocus).string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json doc = json::parse(run.out);
  const json* disclosure = nullptr;
  for (const json& tag : doc["tags"]) {
    if (tag["id"] == "norm:13j") disclosure = &tag;
  }
  ASSERT_NE(disclosure, nullptr) << doc["tags"].dump();
  EXPECT_EQ((*disclosure)["count"], (*disclosure)["mentions"].size());
  const json& mention = (*disclosure)["mentions"][0];
  EXPECT_EQ(mention["page"], 1);
  const std::string text = doc["pages"][0]["text"];
  const std::string matched = text.substr(mention["start"], mention["end"].get<std::size_t>() - mention["start"].get<std::size_t>());
  EXPECT_NE(matched.find("disclosure"), std::string::npos) << matched;
  EXPECT_NE(mention["context"].get<std::string>().find(matched), std::string::npos);
}

TEST_F(TagsCli, TagIdsFilterAndFacetSearches) {
  const json result = run_json({"search", "norm:13j"});
  ASSERT_EQ(result["total"], 1);
  EXPECT_EQ(file_of(result["results"][0]), kSnvFocus);
  EXPECT_NE(result["results"][0]["snippet"].get<std::string>().find("disclosure of vulnerabilities"), std::string::npos)
      << "a tag-only query shows the passage of its mention";

  const json budapest = run_json({"search", "instrument:budapest-convention"});
  ASSERT_EQ(budapest["total"], 1);
  EXPECT_EQ(file_of(budapest["results"][0]), kBrochure);

  // Facets count documents per tag over all matches.
  const json all = run_json({"search", "--limit", "0", ""});
  std::map<std::string, int> actors;
  for (const json& value : all["facets"]["actor"]) actors[value["value"]] = value["count"];
  EXPECT_EQ(actors["actor:un"], run_json({"search", "--limit", "0", "actor:un"})["total"].get<int>());
  EXPECT_GE(actors["actor:eu"], 3);
  EXPECT_EQ(actors["actor:de"], run_json({"search", "--limit", "0", "actor:de"})["total"].get<int>());
  ASSERT_TRUE(all["facets"].contains("norm"));
  ASSERT_TRUE(all["facets"].contains("instrument"));
}

TEST_F(TagsCli, FacetOptionChoosesAndCaps) {
  const json result = run_json({"search", "--facet", "actor", "--facet-limit", "2", "cyber"});
  EXPECT_EQ(result["facets"].size(), 1u);
  EXPECT_EQ(result["facets"]["actor"].size(), 2u);
  const auto bad = run_cydex({"search", "--index", index(), "--facet", "colour", "cyber"});
  EXPECT_EQ(bad.exit_code, 64);
  EXPECT_NE(bad.err.find("unknown facet 'colour'"), std::string::npos);
}

TEST_F(TagsCli, ShowGivesTagsMentionsAndPagesToCite) {
  const json hit = run_json({"search", "\"Budapest Convention\""})["results"][0];
  const std::string id = hit["id"];
  const json doc = run_json({"show", id.substr(0, 8)});
  EXPECT_EQ(doc["id"], id);
  EXPECT_EQ(doc["metadata"]["title"], "EU Cyber Diplomacy");
  EXPECT_EQ(doc["page_count"], 13);
  bool budapest = false;
  for (const json& tag : doc["tags"]) {
    if (tag["id"] != "instrument:budapest-convention") continue;
    budapest = true;
    for (const json& mention : tag["mentions"]) {
      EXPECT_GE(mention["page"].get<int>(), 1);
      EXPECT_NE(mention["context"].get<std::string>().find("Budapest"), std::string::npos);
    }
  }
  EXPECT_TRUE(budapest);

  const auto page = run_cydex({"show", "--index", index(), "--page", "1", id});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  EXPECT_NE(page.out.find("diplomatic practices"), std::string::npos);
  const auto text = run_cydex({"show", "--index", index(), hit["path"]});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("instrument:budapest-convention"), std::string::npos);
  EXPECT_NE(text.out.find("p. "), std::string::npos) << "mentions in a PDF give their page";

  const auto missing = run_cydex({"show", "--index", index(), "ffffffffffff"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no document 'ffffffffffff'"), std::string::npos);
  const auto no_page = run_cydex({"show", "--index", index(), "--page", "99", id});
  EXPECT_EQ(no_page.exit_code, 2);
  EXPECT_NE(no_page.err.find("has no page 99 (it has 13)"), std::string::npos);
}

TEST_F(TagsCli, TagsListsTheWholeContractWithDocumentCounts) {
  const json tags = run_json({"tags"});
  std::map<std::string, int> documents;
  for (const json& tag : tags) documents[tag["id"]] = tag["documents"];
  for (const char* id : {"norm:13a", "norm:13e", "norm:13k", "norm:framework", "actor:de", "actor:gb", "actor:eu",
                         "actor:un", "actor:osce", "actor:nato", "actor:council-of-europe", "actor:african-union",
                         "actor:gfce", "actor:un-gge", "actor:icrc", "instrument:budapest-convention",
                         "instrument:nis2-directive", "instrument:eu-cyber-diplomacy-toolbox",
                         "instrument:wassenaar-arrangement"}) {
    EXPECT_EQ(documents.count(id), 1u) << id;
  }
  EXPECT_EQ(documents["instrument:budapest-convention"], 1);
  const json norms = run_json({"tags", "--category", "norm"});
  EXPECT_EQ(norms.size(), 12u);
}

TEST(TagsRetag, TaxonomyEditTakesEffectWithoutReextracting) {
  const testing::TempDir dir;
  const std::string index = (dir.path() / "index").string();
  std::filesystem::copy(testing::source_dir() / "corpus" / "taxonomy", dir.path() / "taxonomy");
  const std::string taxonomy = (dir.path() / "taxonomy").string();
  ASSERT_EQ(run_cydex({"ingest", "-q", "--index", index, "--taxonomy", taxonomy, testing::sample_dir().string()}).exit_code, 0);
  const auto before = run_cydex({"search", "--json", "--index", index, "actor:stiftung-neue-verantwortung"});
  const int tagged_before = json::parse(before.out)["total"];

  // A librarian removes the think tank from the actors.
  std::ifstream in(dir.path() / "taxonomy" / "organisations.tsv");
  std::string kept;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("actor:stiftung-neue-verantwortung\t")) kept += line + "\n";
  }
  in.close();
  std::ofstream(dir.path() / "taxonomy" / "organisations.tsv") << kept;

  const auto retag = run_cydex({"retag", "--index", index, "--taxonomy", taxonomy});
  ASSERT_EQ(retag.exit_code, 0) << retag.err;
  EXPECT_NE(retag.out.find("Re-tagged 5 documents"), std::string::npos) << retag.out;
  const auto after = run_cydex({"search", "--json", "--index", index, "actor:stiftung-neue-verantwortung"});
  EXPECT_GT(tagged_before, 0);
  EXPECT_EQ(json::parse(after.out)["total"], 0);
  EXPECT_EQ(json::parse(run_cydex({"search", "--json", "--index", index, "norm:13j"}).out)["total"], 1);
}

TEST(TagsRetag, BrokenTaxonomyIsReportedWithFileAndLine) {
  const testing::TempDir dir;
  std::filesystem::copy(testing::source_dir() / "corpus" / "taxonomy", dir.path() / "taxonomy");
  std::ofstream(dir.path() / "taxonomy" / "norms.tsv", std::ios::app) << "norm:13z\talias\ten\tsomething\n";
  const auto run = run_cydex({"tags", "--taxonomy", (dir.path() / "taxonomy").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find((dir.path() / "taxonomy" / "norms.tsv").string() + ":"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace cydex

namespace cydex {
namespace {

TEST(QueryExpansionCli, AcronymFindsTheSpelledOutNameAndNoExpandTurnsItOff) {
  const testing::TempDir dir;
  dir.write("docs/a.txt", "Report\n\nThe Group of Governmental Experts met in New York.\n");
  dir.write("docs/b.txt", "Note\n\nThe GGE met again.\n");
  const std::string index = (dir.path() / "index").string();
  ASSERT_EQ(run_cydex({"ingest", "-q", "--index", index, (dir.path() / "docs").string()}).exit_code, 0);
  EXPECT_EQ(json::parse(run_cydex({"search", "--json", "--index", index, "GGE"}).out)["total"], 2);
  EXPECT_EQ(json::parse(run_cydex({"search", "--json", "--no-expand", "--index", index, "GGE"}).out)["total"], 1);
}

TEST(QueryExpansionCli, DidYouMeanForAMisspeltQuery) {
  const testing::TempDir dir;
  dir.write("docs/a.txt", "Strategy\n\nThe national cybersecurity strategy.\n");
  const std::string index = (dir.path() / "index").string();
  ASSERT_EQ(run_cydex({"ingest", "-q", "--index", index, (dir.path() / "docs").string()}).exit_code, 0);
  const json result = json::parse(run_cydex({"search", "--json", "--index", index, "cybersecurty"}).out);
  EXPECT_EQ(result["total"], 0);
  EXPECT_EQ(result["suggestion"], "cybersecurity");
  const auto text = run_cydex({"search", "--index", index, "cybersecurty"});
  EXPECT_NE(text.out.find("Did you mean: cybersecurity"), std::string::npos) << text.out;
  EXPECT_TRUE(json::parse(run_cydex({"search", "--json", "--index", index, "strategy"}).out)["suggestion"].is_null());
}

}  // namespace
}  // namespace cydex
