// SPDX-License-Identifier: Apache-2.0
// Byte-identical files are one document: search shows the content once,
// with every path.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cydex/index/stored_document.h"

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

namespace fs = std::filesystem;
using testing::run_cydex;
using testing::spawn_cydex;
using testing::wait_for;
using testing::TempDir;

constexpr const char* kPage =
    "<html lang=\"en\"><head><title>Responsible disclosure</title></head><body><main><h1>Responsible "
    "disclosure</h1><p>States should encourage responsible reporting of ICT vulnerabilities.</p></main></body></html>";

class CopiesE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = dir_.write("collection/ministry/statement.html", kPage).string();
    second_ = dir_.write("collection/mirror/statement-copy.html", kPage).string();
    dir_.write("collection/other.txt", "Capacity building\nA programme for vulnerabilities elsewhere.\n");
    index_ = (dir_.path() / "index").string();
  }

  nlohmann::json search_json(const std::string& query) {
    const auto run = run_cydex({"--index", index_, "search", "--json", query});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return nlohmann::json::parse(run.out);
  }

  TempDir dir_;
  std::string first_;
  std::string second_;
  std::string index_;
};

TEST_F(CopiesE2e, IngestShowsTwoIdenticalFilesAsOneHitWithBothPaths) {
  const auto ingest = run_cydex({"--index", index_, "ingest", "-q", "--jobs", "2", (dir_.path() / "collection").string()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  const nlohmann::json result = search_json("responsible reporting");
  EXPECT_EQ(result["total"], 1) << result.dump(2);
  ASSERT_EQ(result["results"].size(), 1U) << result.dump(2);
  const nlohmann::json& hit = result["results"][0];
  std::vector<std::string> paths = hit["paths"].get<std::vector<std::string>>();
  ASSERT_EQ(paths.size(), 2U);
  EXPECT_EQ(hit["path"], paths.front());  // "path" stays: the primary path.
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{first_, second_}));  // Sorted: ministry, mirror.

  // The text output lists both paths under the one hit.
  const auto text = run_cydex({"--index", index_, "search", "responsible reporting"});
  EXPECT_NE(text.out.find("statement.html"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("statement-copy.html"), std::string::npos) << text.out;

  // Either path finds the document, and show lists both.
  for (const std::string& path : {first_, second_}) {
    const auto show = run_cydex({"--index", index_, "show", "--json", path});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_EQ(nlohmann::json::parse(show.out)["paths"].size(), 2U) << show.out;
  }
}

TEST_F(CopiesE2e, ReindexKeepsTheDocumentWhenThePrimaryCopyIsDeleted) {
  const auto first = run_cydex({"--index", index_, "reindex", "-q", "--jobs", "2", (dir_.path() / "collection").string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(search_json("responsible reporting")["total"], 1);
  const std::string primary = search_json("responsible reporting")["results"][0]["path"];
  const std::string other = primary == first_ ? second_ : first_;
  fs::remove(primary);
  const fs::path report = dir_.path() / "report.json";
  const auto second = run_cydex({"--index", index_, "reindex", "-q", "--report", report.string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const nlohmann::json counts = nlohmann::json::parse(testing::read_file(report));
  EXPECT_EQ(counts["removed"], 1) << counts.dump(2);
  EXPECT_EQ(counts["added"], 0) << counts.dump(2);
  const nlohmann::json result = search_json("responsible reporting");
  ASSERT_EQ(result["total"], 1);
  EXPECT_EQ(result["results"][0]["path"], other);
  EXPECT_EQ(result["results"][0]["paths"], nlohmann::json::array({other}));
}

/// Every document's paths, sorted; throws when the index does not open.
std::set<std::vector<std::string>> path_sets(const fs::path& index) {
  std::set<std::vector<std::string>> out;
  Xapian::Database db(index.string());
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto stored = index::StoredDocument::decode(db.get_document(*it).get_data());
    if (!stored) continue;
    std::vector<std::string> paths = stored->paths;
    std::sort(paths.begin(), paths.end());
    out.insert(paths);
  }
  return out;
}


TEST(CopiesKillE2e, KilledRunWithCopiesThenRerunGivesOneDocumentPerContent) {
  TempDir dir;
  // 80 contents, each in two folders: 160 files.
  for (int i = 0; i < 80; ++i) {
    const std::string text = "Report " + std::to_string(i) + "\nStates discussed cyber norms, item " +
                             std::to_string(i) + ".\n";
    dir.write("collection/a/r" + std::to_string(i) + ".txt", text);
    dir.write("collection/b/copy-of-r" + std::to_string(i) + ".txt", text);
  }
  const std::string collection = (dir.path() / "collection").string();
  const fs::path reference = dir.path() / "reference";
  ASSERT_EQ(run_cydex({"--index", reference.string(), "reindex", "-q", collection}).exit_code, 0);
  const auto expected = path_sets(reference);
  ASSERT_EQ(expected.size(), 80U);
  for (const int delay_ms : {20, 40, 60, 90, 130}) {
    SCOPED_TRACE("killed after " + std::to_string(delay_ms) + " ms");
    const fs::path index = dir.path() / ("killed-" + std::to_string(delay_ms));
    const pid_t pid =
        spawn_cydex({"--index", index.string(), "reindex", "--jobs", "2", "--batch-size", "10", "-q", collection});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(-pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(index / "iamglass")) {
      EXPECT_NO_THROW((void)path_sets(index));
    }
    const auto rerun = run_cydex({"--index", index.string(), "reindex", "-q", collection});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(path_sets(index), expected);
  }
}

}  // namespace
}  // namespace cydex
