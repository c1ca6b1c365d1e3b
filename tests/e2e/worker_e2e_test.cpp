// SPDX-License-Identifier: Apache-2.0
// Parallel extraction through the CLI: the index does not depend on --jobs.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

/// One hit, without its rank: documents with equal scores may come in
/// either order, since their order of indexing follows extraction.
using Hit = std::tuple<std::string, std::string, std::string, json>;

std::vector<Hit> hits(const json& result) {
  std::vector<Hit> out;
  for (const json& hit : result["results"]) {
    out.emplace_back(hit["path"].get<std::string>(), hit["title"].get<std::string>(),
                     hit["snippet"].get<std::string>(), hit["page"]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class WorkerE2e : public ::testing::Test {
 protected:
  /// Ingests corpus/sample with `--jobs N` into its own index; returns the index.
  std::string ingest_with_jobs(const std::string& jobs) {
    const std::string index = (dir_.path() / ("index-" + jobs)).string();
    const auto result =
        run_cydex({"ingest", "--json", "--jobs", jobs, "--index", index, testing::sample_dir().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const json report = json::parse(result.out);
    EXPECT_EQ(report["indexed"], 5) << result.out;
    EXPECT_TRUE(report["failed"].empty()) << result.out;
    return index;
  }

  static json search(const std::string& index, std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json", "--limit", "20", "--index", index});
    const auto result = run_cydex(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  testing::TempDir dir_;
};

TEST_F(WorkerE2e, TwoJobsGiveTheSameSearchResultsAsOne) {
  const std::string one = ingest_with_jobs("1");
  const std::string two = ingest_with_jobs("2");
  const std::vector<std::vector<std::string>> queries = {
      {},                                    // every document, with facets
      {"vulnerability", "disclosure"},       // one HTML page
      {"cyber", "diplomacy"},                // most documents
      {"\"international law\""},             // a phrase
      {"format:pdf", "norms"},               // the PDF, with its page
      {"--org", "SNV", "diplomacy"},         // an organisation filter from the catalogue
  };
  for (const std::vector<std::string>& query : queries) {
    const json a = search(one, query);
    const json b = search(two, query);
    SCOPED_TRACE(a["query"].dump());
    EXPECT_EQ(a["total"], b["total"]);
    EXPECT_EQ(hits(a), hits(b));
    EXPECT_EQ(a["facets"], b["facets"]);
  }
  EXPECT_EQ(search(one, {})["total"], 5);
}

TEST_F(WorkerE2e, WorkerOptionsAreChecked) {
  struct Row {
    std::vector<std::string> args;
    const char* message;
  };
  const std::vector<Row> rows = {
      // No worker at all.
      {{"ingest", "--jobs", "0", "x"}, "--jobs takes a whole number from 1"},
      // Not a number.
      {{"ingest", "--timeout", "soon", "x"}, "--timeout takes a whole number from 0"},
      // Negative.
      {{"ingest", "--memory-limit", "-1", "x"}, "--memory-limit takes a whole number from 0"},
      // The same check on extract.
      {{"extract", "--timeout", "1.5", "x"}, "--timeout takes a whole number from 0"},
      // A batch must hold a document.
      {{"ingest", "--batch-size", "0", "x"}, "--batch-size takes a whole number from 1"},
      {{"reindex", "--batch-size", "many", "x"}, "--batch-size takes a whole number from 1"},
  };
  for (const Row& row : rows) {
    const auto result = run_cydex(row.args);
    EXPECT_EQ(result.exit_code, 64) << row.message;
    EXPECT_NE(result.err.find(row.message), std::string::npos) << result.err;
  }
}

TEST_F(WorkerE2e, ExtractRunsTheFileThroughAWorker) {
  const std::string pdf = (testing::sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf").string();
  const auto limited = run_cydex({"extract", "--json", "--timeout", "60", pdf});
  ASSERT_EQ(limited.exit_code, 0) << limited.err;
  const auto unlimited = run_cydex({"extract", "--json", "--timeout", "0", pdf});
  ASSERT_EQ(unlimited.exit_code, 0) << unlimited.err;
  EXPECT_EQ(json::parse(limited.out), json::parse(unlimited.out));
  EXPECT_GT(json::parse(limited.out)["pages"].size(), 1U);
}

}  // namespace
}  // namespace cydex
