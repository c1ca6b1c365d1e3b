// SPDX-License-Identifier: Apache-2.0
// `cydex reindex` as a nightly job runs it: killed mid-run, run twice at once,
// searched while it writes.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <utility>
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

/// 200 small documents, half text and half HTML, in ten folders.
fs::path make_collection(const TempDir& dir) {
  for (int i = 0; i < 200; ++i) {
    const std::string n = std::to_string(i);
    const std::string folder = "collection/f" + std::to_string(i % 10) + "/";
    if (i % 2 == 0) {
      dir.write(folder + "doc" + n + ".txt", "Report number " + n + "\nStates discussed cyber norms, item " + n + ".\n");
    } else {
      dir.write(folder + "page" + n + ".html",
                "<html lang=\"en\"><head><title>Statement " + n + "</title></head><body><main><h1>Statement " + n +
                    "</h1><p>Confidence building measures, paragraph " + n + ".</p></main></body></html>");
    }
  }
  return dir.path() / "collection";
}

/// Every document of the index as (path, title); throws when it does not open.
std::set<std::pair<std::string, std::string>> documents(const fs::path& index) {
  std::set<std::pair<std::string, std::string>> out;
  Xapian::Database db(index.string());
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto stored = index::StoredDocument::decode(db.get_document(*it).get_data());
    if (stored) out.emplace(stored->path, stored->title);
  }
  return out;
}

/// Documents committed so far, or 0 while the index does not open yet.
std::size_t committed_documents(const fs::path& index) {
  if (!fs::exists(index / "iamglass")) return 0;
  try {
    return Xapian::Database(index.string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

class ReindexE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    collection_ = make_collection(dir_);
    reference_ = dir_.path() / "reference";
    const auto result = run_cydex({"--index", reference_.string(), "reindex", "--quiet", collection_.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    expected_ = documents(reference_);
    ASSERT_EQ(expected_.size(), 200U);
  }

  TempDir dir_;
  fs::path collection_;
  fs::path reference_;
  std::set<std::pair<std::string, std::string>> expected_;
};

TEST_F(ReindexE2e, KillAtAnyMomentThenRerunGivesTheSameDocuments) {
  int killed_mid_run = 0;
  int killed_between_commits = 0;
  // Starts a run into a fresh index (one worker, batches of 10 documents, so
  // that a kill can land between commits), kills it once `wait` returns,
  // then checks that what was committed opens and that a rerun completes it.
  const auto kill_then_rerun = [&](const std::string& name, const std::function<void(const fs::path&)>& wait) {
    SCOPED_TRACE("killed " + name);
    const fs::path index = dir_.path() / ("killed-" + name);
    const pid_t pid = spawn_cydex(
        {"--index", index.string(), "reindex", "--jobs", "1", "--batch-size", "10", "--quiet", collection_.string()});
    ASSERT_GT(pid, 0);
    wait(index);
    kill(-pid, SIGKILL);
    if (wait_for(pid) == 128 + SIGKILL) ++killed_mid_run;
    // Whatever was committed opens; a kill before the first commit may leave
    // no database at all, which the rerun creates.
    if (fs::exists(index / "iamglass")) {
      std::size_t committed = 0;
      EXPECT_NO_THROW(committed = documents(index).size());
      if (committed > 0 && committed < expected_.size()) ++killed_between_commits;
    }
    const auto rerun = run_cydex({"--index", index.string(), "reindex", "--quiet", collection_.string()});
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(documents(index), expected_);
  };
  // Each delay kills the run at a different stage: opening the index, the
  // scan, mid-extraction, around a batch commit (a whole run takes about
  // 100-300 ms with one worker).
  for (const int delay_ms : {5, 15, 30, 45, 60, 80, 110, 150}) {
    kill_then_rerun("after-" + std::to_string(delay_ms) + "-ms",
                    [delay_ms](const fs::path&) { std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms)); });
  }
  // Fixed delays depend on the machine's speed (a sanitizer build is several
  // times slower); a kill timed by watching the index for its first commit
  // lands between commits on any machine.
  for (int attempt = 0; attempt < 3 && killed_between_commits == 0; ++attempt) {
    kill_then_rerun("after-the-first-commit-" + std::to_string(attempt), [](const fs::path& index) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (committed_documents(index) == 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  }
  // Most delays must have caught the run before its end, and some kill after
  // a commit with more to come, or the test proves nothing.
  EXPECT_GE(killed_mid_run, 3);
  EXPECT_GE(killed_between_commits, 1);
}

TEST_F(ReindexE2e, KilledNightlyRunAfterChangesEndsLikeAnUninterruptedOne) {
  // Changes for the night: one file rewritten, one removed, one moved, ten new.
  dir_.write("collection/f0/doc0.txt", "Report number zero, revised\nNew text.\n");
  fs::remove(collection_ / "f1/page1.html");
  fs::rename(collection_ / "f2/doc2.txt", collection_ / "f3/doc2-moved.txt");
  for (int i = 0; i < 10; ++i) dir_.write("collection/new/n" + std::to_string(i) + ".txt", "New " + std::to_string(i) + "\nAdded tonight.\n");
  const fs::path copy = dir_.path() / "copy";
  fs::copy(reference_, copy);
  const pid_t pid = spawn_cydex({"--index", copy.string(), "reindex", "--batch-size", "3", "--quiet"});
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  kill(-pid, SIGKILL);
  wait_for(pid);
  EXPECT_NO_THROW((void)documents(copy));
  const fs::path report = dir_.path() / "report.json";
  const auto rerun = run_cydex({"--index", copy.string(), "reindex", "--quiet", "--report", report.string()});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const auto clean = run_cydex({"--index", reference_.string(), "reindex", "--quiet"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(documents(copy), documents(reference_));
  EXPECT_EQ(documents(reference_).size(), 209U);
  std::ifstream in(report);
  const nlohmann::json json = nlohmann::json::parse(in);
  for (const char* key : {"added", "updated", "removed", "unchanged", "failed", "seconds"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
}

TEST_F(ReindexE2e, ReportCountsEachKindOfChange) {
  dir_.write("collection/f0/doc0.txt", "Report number zero, revised\nNew text.\n");  // updated
  fs::remove(collection_ / "f1/page1.html");                                       // removed
  fs::rename(collection_ / "f2/doc2.txt", collection_ / "f3/doc2-moved.txt");      // unchanged (moved)
  dir_.write("collection/new/n.txt", "New\nAdded tonight.\n");                       // added
  dir_.write("collection/new/bad.pdf", "%PDF-1.4\n" + std::string(500, '\x9C'));   // failed
  const fs::path report = dir_.path() / "report.json";
  const auto run = run_cydex({"--index", reference_.string(), "reindex", "--quiet", "--report", report.string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  std::ifstream in(report);
  const nlohmann::json json = nlohmann::json::parse(in);
  EXPECT_EQ(json["added"], 1);
  EXPECT_EQ(json["updated"], 1);
  EXPECT_EQ(json["removed"], 1);
  EXPECT_EQ(json["unchanged"], 198);
  ASSERT_EQ(json["failed"].size(), 1U);
  EXPECT_EQ(json["failed"][0]["path"], (collection_ / "new/bad.pdf").string());
  EXPECT_TRUE(json["seconds"].is_number());
  // The next night does not retry the failure, but still reports it.
  const auto again = run_cydex({"--index", reference_.string(), "reindex", "--quiet", "--report", report.string()});
  EXPECT_EQ(again.exit_code, 2) << again.err;
  std::ifstream in2(report);
  const nlohmann::json json2 = nlohmann::json::parse(in2);
  EXPECT_EQ(json2["unchanged"], 200);
  EXPECT_EQ(json2["failed"].size(), 1U);
}

TEST_F(ReindexE2e, MissingRootStopsTheRunAndDeletesNothing) {
  fs::rename(collection_, dir_.path() / "unmounted");
  const auto run = run_cydex({"--index", reference_.string(), "reindex"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(collection_.string()), std::string::npos) << run.err;
  EXPECT_EQ(documents(reference_), expected_);
}

TEST_F(ReindexE2e, NoRootsRememberedIsAClearError) {
  const auto run = run_cydex({"--index", (dir_.path() / "fresh").string(), "reindex"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("no roots remembered"), std::string::npos) << run.err;
}

TEST_F(ReindexE2e, SecondWriterStopsAtOnceAndSearchesGoOn) {
  // A fresh index of a larger collection: several seconds of work after its
  // first commit, however fast the machine, so that the runs overlap.
  for (int i = 0; i < 6000; ++i) {
    const std::string n = std::to_string(i);
    dir_.write("large/f" + std::to_string(i % 20) + "/note" + n + ".txt",
               "Note " + n + "\nConfidence building measures between states, item " + n + ".\n");
  }
  const fs::path large = dir_.path() / "large";
  const fs::path index = dir_.path() / "busy";
  const pid_t pid = spawn_cydex({"--index", index.string(), "reindex", "--jobs", "1", "--quiet", large.string()});
  // Once a first batch is committed, the run holds the lock and has more to do.
  const auto committed = [&] {
    try {
      return fs::exists(index / "iamglass") && Xapian::Database(index.string()).get_doccount() > 0;
    } catch (const Xapian::Error&) {
      return false;
    }
  };
  while (!committed()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const auto second = run_cydex({"--index", index.string(), "reindex", large.string()});
  // A searcher opens the last committed state while the writer works.
  EXPECT_NO_THROW((void)documents(index));
  const int first = wait_for(pid);
  EXPECT_EQ(first, 0);
  EXPECT_EQ(second.exit_code, 3) << second.err;
  EXPECT_NE(second.err.find("index is locked by another cydex process"), std::string::npos) << second.err;
}

}  // namespace
}  // namespace cydex
