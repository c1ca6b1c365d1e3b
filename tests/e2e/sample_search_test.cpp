// SPDX-License-Identifier: Apache-2.0
// Per-query expectations over the bundled sample corpus, through the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

class SampleCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto ingest = run_cydex({"ingest", "--index", index(), testing::sample_dir().string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string index() { return (dir_->path() / "index").string(); }

  static json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json", "--index", index()});
    const auto result = run_cydex(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  static std::vector<std::string> files(const json& result) {
    std::vector<std::string> out;
    for (const json& hit : result["results"]) {
      out.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename().string());
    }
    return out;
  }

  static std::map<std::string, int> facet(const json& result, const std::string& name) {
    std::map<std::string, int> out;
    for (const json& value : result["facets"][name]) out[value["value"]] = value["count"];
    return out;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* SampleCorpus::dir_ = nullptr;

constexpr const char* kOffice = "000-federal-foreign-office-international-cyber-policy.html";
constexpr const char* kDsi = "001-dsi-cyber-policy-and-digital-diplomacy.html";
constexpr const char* kSnvFocus = "002-snv-cyber-diplomacy-focus-area.html";
constexpr const char* kSnvProjects = "003-snv-cyber-diplomacy-projects.html";
constexpr const char* kBrochure = "004-eeas-eu-cyber-diplomacy.pdf";

TEST_F(SampleCorpus, EveryDocumentIsIndexedWithTheCatalogueMetadata) {
  const json all = search({"--limit", "10"});
  EXPECT_EQ(all["total"], 5);
  EXPECT_EQ(facet(all, "organisation"), (std::map<std::string, int>{{"Digital Society Institute (ESMT Berlin)", 1},
                                                                    {"European Union (EEAS)", 1},
                                                                    {"German Federal Foreign Office", 1},
                                                                    {"Stiftung Neue Verantwortung (SNV)", 2}}));
  EXPECT_EQ(facet(all, "year"),
            (std::map<std::string, int>{{"2017", 1}, {"2019", 1}, {"2023", 2}, {"2024", 1}}));
  // Facet lists come sorted by count, then value.
  EXPECT_EQ(all["facets"]["organisation"][0]["value"], "Stiftung Neue Verantwortung (SNV)");
  EXPECT_EQ(all["facets"]["year"][0]["value"], "2023");
}

TEST_F(SampleCorpus, VulnerabilityDisclosureFindsTheSnvFocusArea) {
  const json result = search({"vulnerability", "disclosure"});
  EXPECT_EQ(result["query"], "vulnerability disclosure");
  EXPECT_EQ(files(result), (std::vector<std::string>{kSnvFocus}));
  const json& hit = result["results"][0];
  EXPECT_EQ(hit["organisation"], "Stiftung Neue Verantwortung (SNV)");
  EXPECT_EQ(hit["year"], 2024);
  EXPECT_EQ(hit["format"], "html");
  EXPECT_EQ(hit["rank"], 1);
  EXPECT_NE(hit["snippet"].get<std::string>().find("disclosure of vulnerabilities"), std::string::npos);
  EXPECT_EQ(facet(result, "organisation"), (std::map<std::string, int>{{"Stiftung Neue Verantwortung (SNV)", 1}}));
  EXPECT_EQ(facet(result, "year"), (std::map<std::string, int>{{"2024", 1}}));
}

TEST_F(SampleCorpus, BudapestConventionIsOnlyInTheBrochureWithItsPage) {
  const json result = search({"\"Budapest Convention\""});
  ASSERT_EQ(files(result), (std::vector<std::string>{kBrochure}));
  const json& hit = result["results"][0];
  EXPECT_EQ(hit["title"], "EU Cyber Diplomacy");
  EXPECT_EQ(hit["organisation"], "European Union (EEAS)");
  EXPECT_EQ(hit["year"], 2019);
  EXPECT_EQ(hit["format"], "pdf");
  EXPECT_TRUE(hit["page"].is_number_integer());
  EXPECT_NE(hit["snippet"].get<std::string>().find("Budapest"), std::string::npos);
}

TEST_F(SampleCorpus, HyphenatedLineBreaksInThePdfAreSearchableAsWholeWords) {
  // Printed as "dip-" / "lomatic practices" on page 1 of the brochure.
  const json result = search({"\"diplomatic practices\""});
  ASSERT_EQ(files(result), (std::vector<std::string>{kBrochure}));
  EXPECT_EQ(result["results"][0]["page"], 1);
}

TEST_F(SampleCorpus, RunningHeadersAreNotBodyText) {
  // Every brochure page carries "EU Cyber Diplomacy" and "European External
  // Action Service" as a running header; in the body the service is named
  // once, on page 12, and a search for it finds that page.
  const auto run = run_cydex({"extract", "--json", (testing::sample_dir() / kBrochure).string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json extracted = json::parse(run.out);
  int mentions = 0;
  for (const json& page : extracted["pages"]) {
    std::string text = page["text"];
    std::replace(text.begin(), text.end(), '\n', ' ');
    for (std::size_t at = text.find("External Action Service"); at != std::string::npos;
         at = text.find("External Action Service", at + 1)) {
      ++mentions;
    }
  }
  EXPECT_EQ(mentions, 1);
  const json result = search({"\"External Action Service\""});
  ASSERT_EQ(result["total"], 1);
  EXPECT_EQ(result["results"][0]["page"], 12);
}

TEST_F(SampleCorpus, FreedomOnlineCoalitionFacetsAcrossFourPublishers) {
  const json result = search({"\"Freedom Online Coalition\""});
  std::vector<std::string> found = files(result);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{kOffice, kSnvFocus, kSnvProjects, kBrochure}));
  EXPECT_EQ(facet(result, "organisation"), (std::map<std::string, int>{{"European Union (EEAS)", 1},
                                                                       {"German Federal Foreign Office", 1},
                                                                       {"Stiftung Neue Verantwortung (SNV)", 2}}));
  EXPECT_EQ(facet(result, "year"), (std::map<std::string, int>{{"2017", 1}, {"2019", 1}, {"2023", 1}, {"2024", 1}}));
}

TEST_F(SampleCorpus, OrganisationAndYearFiltersNarrowHitsAndFacets) {
  const json by_org = search({"--org", "SNV", "cyber", "diplomacy"});
  std::vector<std::string> found = files(by_org);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{kSnvFocus, kSnvProjects}));
  EXPECT_EQ(by_org["total"], 2);

  const json by_year = search({"--year", "2017..2019", "cyber"});
  found = files(by_year);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{kOffice, kBrochure}));
  EXPECT_EQ(facet(by_year, "year"), (std::map<std::string, int>{{"2017", 1}, {"2019", 1}}));

  const json single = search({"--year", "2023", "cyber"});
  found = files(single);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{kDsi, kSnvProjects}));
}

TEST_F(SampleCorpus, RanksDocumentsAboutTheQueryAbovePassingMentions) {
  // The SNV pages have both words in their title and throughout; the
  // brochure's title has both; the DSI page's title only "Diplomacy".
  std::vector<std::string> order = files(search({"cyber", "diplomacy"}));
  ASSERT_EQ(order.size(), 4u);
  std::sort(order.begin(), order.begin() + 2);
  EXPECT_EQ(order, (std::vector<std::string>{kSnvFocus, kSnvProjects, kBrochure, kDsi}));
  // The Foreign Office page is about freedom of the internet; the brochure mentions both words.
  EXPECT_EQ(files(search({"freedom", "internet"})), (std::vector<std::string>{kOffice, kBrochure}));
  EXPECT_EQ(files(search({"norms", "responsible", "behaviour"})), (std::vector<std::string>{kDsi, kBrochure}));
  const json ranked = search({"freedom", "internet"});
  EXPECT_GT(ranked["results"][0]["score"].get<double>(), ranked["results"][1]["score"].get<double>());
}

TEST_F(SampleCorpus, FurnitureOfTheWebPagesIsNotIndexed) {
  EXPECT_EQ(search({"\"Skip to main content\""})["total"], 0);
  EXPECT_EQ(search({"cookies"})["total"], 0);
  EXPECT_EQ(search({"\"Top of page\""})["total"], 0);
}

TEST_F(SampleCorpus, LimitAndOffsetPageThroughTheSameTotalAndFacets) {
  const json first = search({"--limit", "2", "cyber"});
  const json second = search({"--limit", "2", "--offset", "2", "cyber"});
  EXPECT_EQ(first["total"], second["total"]);
  EXPECT_EQ(first["facets"], second["facets"]);
  ASSERT_EQ(first["results"].size(), 2u);
  EXPECT_EQ(second["results"][0]["rank"], 3);
  EXPECT_EQ(second["offset"], 2);
  int total_in_facets = 0;
  for (const json& value : first["facets"]["organisation"]) total_in_facets += value["count"].get<int>();
  EXPECT_EQ(total_in_facets, first["total"]);
}

TEST_F(SampleCorpus, TextOutputIsReadableAndPlainWhenPiped) {
  const auto result = run_cydex({"search", "--index", index(), "vulnerability", "disclosure"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("1 document matches \"vulnerability disclosure\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Stiftung Neue Verantwortung (SNV) · 2024 · html"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Organisation:"), std::string::npos);
  EXPECT_NE(result.out.find("Year:"), std::string::npos);
  EXPECT_EQ(result.out.find("\x1b["), std::string::npos) << "no ANSI codes when piped";
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    std::size_t columns = 0;
    for (const char ch : line) columns += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
    EXPECT_LE(columns, 80u) << line;
  }
}

TEST_F(SampleCorpus, MalformedQueryExitsTwoWithOneLine) {
  const auto result = run_cydex({"search", "--index", index(), "cyber", "AND"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "cydex search: malformed query 'cyber AND': 'AND' at column 7 needs a word after it\n");
  EXPECT_EQ(result.out, "");
}

TEST_F(SampleCorpus, IndexFromTheEnvironment) {
  const auto result = run_cydex({"search", "--json", "Budapest"}, {{"CYDEX_INDEX", index()}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["total"], 1);
}

TEST_F(SampleCorpus, ReingestingReplacesInsteadOfDuplicating) {
  const auto again = run_cydex({"ingest", "--index", index(), testing::sample_dir().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(search({})["total"], 5);
}

}  // namespace
}  // namespace cydex
