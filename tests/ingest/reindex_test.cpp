// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/reindex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "cydex/index/schema.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

index::Writer open_writer(const fs::path& dir) {
  auto opened = index::Writer::open(dir, index::WriterOptions{});
  if (!opened) throw std::runtime_error("cannot open index: " + opened.error().detail);
  return std::move(opened).value();
}

/// Moves a file's mtime `seconds` into the past, so that a rewrite within
/// the same second still shows as a change.
void age(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::seconds(seconds));
}

std::vector<std::string> indexed_paths(const index::Writer& writer) {
  std::vector<std::string> out;
  const auto sources = writer.indexed_sources();
  if (!sources) throw std::runtime_error(sources.error().detail);
  for (const index::IndexedSource& source : sources.value()) out.push_back(source.path);
  std::sort(out.begin(), out.end());
  return out;
}

/// A collection of three text files and a broken PDF, indexed once.
class ReindexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "collection";
    dir_.write("collection/a.txt", "Norms of state behaviour\nStates agreed on eleven norms.\n");
    dir_.write("collection/b.txt", "Confidence building\nThe OSCE adopted measures.\n");
    dir_.write("collection/sub/c.txt", "Attribution\nAttribution is a political decision.\n");
    dir_.write("collection/broken.pdf", "%PDF-1.4\n" + std::string(2000, '\x9C') + "\n%%EOF\n");
    for (const char* name : {"a.txt", "b.txt", "sub/c.txt", "broken.pdf"}) age(root_ / name, 100);
    first_ = run();
  }

  ReindexPlan plan(const ReindexOptions& options = {}) {
    auto planned = plan_reindex({root_}, writer_, options);
    if (!planned) throw std::runtime_error(planned.error());
    return std::move(planned).value();
  }

  ReindexReport run(const ReindexOptions& options = {}) {
    return apply_reindex(plan(options), writer_, registry_, BatchOptions{.jobs = 1});
  }

  TempDir dir_;
  fs::path root_;
  index::Writer writer_ = open_writer(dir_.path() / "index");
  ExtractorRegistry registry_ = ExtractorRegistry::with_defaults();
  ReindexReport first_;
};

TEST_F(ReindexTest, FirstRunAddsEveryFileAndRemembersTheFailure) {
  EXPECT_EQ(first_.added, 3);
  EXPECT_EQ(first_.unchanged, 0);
  ASSERT_EQ(first_.failed.size(), 1U);
  EXPECT_EQ(first_.failed[0].path, (root_ / "broken.pdf").string());
  EXPECT_FALSE(writer_.metadata(std::string(index::schema::kFailedKeyPrefix) + first_.failed[0].path).empty());
}

TEST_F(ReindexTest, SecondRunWithoutChangesExtractsNothing) {
  const ReindexPlan second = plan();
  EXPECT_TRUE(second.to_extract.empty());
  EXPECT_TRUE(second.repoint.empty());
  EXPECT_EQ(second.unchanged, 3);
  // The failure is listed again, but not retried.
  ASSERT_EQ(second.still_failed.size(), 1U);
  EXPECT_EQ(plan(ReindexOptions{.retry_failed = true}).to_extract.size(), 1U);
}

TEST_F(ReindexTest, ClassifiesEachKindOfChange) {
  // Touched: same content, new mtime.
  fs::last_write_time(root_ / "a.txt", fs::last_write_time(root_ / "a.txt") + std::chrono::seconds(50));
  // Modified.
  dir_.write("collection/b.txt", "Confidence building measures\nThe OSCE adopted sixteen measures.\n");
  // Moved to another folder.
  fs::rename(root_ / "sub/c.txt", root_ / "moved-c.txt");
  // New.
  dir_.write("collection/d.txt", "Capacity building\nA new programme.\n");
  const ReindexReport report = run();
  EXPECT_EQ(report.added, 1);
  EXPECT_EQ(report.updated, 1);
  EXPECT_EQ(report.removed, 0);
  EXPECT_EQ(report.unchanged, 2);  // a.txt touched, c.txt moved.
  const std::vector<std::string> expected = {(root_ / "a.txt").string(), (root_ / "b.txt").string(),
                                             (root_ / "d.txt").string(), (root_ / "moved-c.txt").string()};
  EXPECT_EQ(indexed_paths(writer_), expected);
  // The touched file's new mtime is stored: the next run does not hash it.
  const ReindexPlan after = plan();
  EXPECT_TRUE(after.repoint.empty());
  EXPECT_EQ(after.unchanged, 4);
}

TEST_F(ReindexTest, MovedFileKeepsItsDocumentWithoutExtraction) {
  fs::rename(root_ / "sub/c.txt", root_ / "renamed.txt");
  const ReindexPlan moved = plan();
  EXPECT_TRUE(moved.to_extract.empty());
  EXPECT_EQ(moved.moved, 1);
  EXPECT_TRUE(moved.remove.empty());
}

TEST_F(ReindexTest, DeletedFilesLeaveTheIndexAndTheirFailuresAreForgotten) {
  fs::remove(root_ / "b.txt");
  fs::remove(root_ / "broken.pdf");
  const ReindexReport report = run();
  EXPECT_EQ(report.removed, 1);
  EXPECT_TRUE(report.failed.empty());
  EXPECT_EQ(indexed_paths(writer_).size(), 2U);
  EXPECT_TRUE(writer_.metadata_with_prefix(index::schema::kFailedKeyPrefix).empty());
}

TEST_F(ReindexTest, MissingOrEmptiedRootIsAnErrorAndDeletesNothing) {
  // An unmounted share shows as a missing folder.
  fs::rename(root_, dir_.path() / "elsewhere");
  auto missing = plan_reindex({root_}, writer_, ReindexOptions{});
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().find(root_.string()), std::string::npos) << missing.error();
  // ... or as an empty mount point.
  fs::create_directories(root_);
  auto empty = plan_reindex({root_}, writer_, ReindexOptions{});
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().find("empty"), std::string::npos) << empty.error();
  EXPECT_EQ(indexed_paths(writer_).size(), 3U);
}

TEST_F(ReindexTest, DocumentsOutsideTheRootsAreLeftAlone) {
  const fs::path other = dir_.path() / "other";
  dir_.write("other/e.txt", "Elsewhere\nA file outside the root.\n");
  ASSERT_EQ(apply_reindex(plan_reindex({other}, writer_, {}).value(), writer_, registry_, BatchOptions{.jobs = 1}).added, 1);
  const ReindexReport report = run();
  EXPECT_EQ(report.removed, 0);
  EXPECT_EQ(indexed_paths(writer_).size(), 4U);
}

TEST_F(ReindexTest, RootsAreRememberedOnceEach) {
  ASSERT_TRUE(remember_roots(writer_, {root_, root_ / "sub" / ".."}).has_value());
  ASSERT_TRUE(remember_roots(writer_, {dir_.path() / "other"}).has_value());
  const std::vector<fs::path> expected = {root_, dir_.path() / "other"};
  EXPECT_EQ(remembered_roots(writer_), expected);
}

}  // namespace
}  // namespace cydex::ingest
