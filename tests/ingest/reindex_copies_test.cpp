// SPDX-License-Identifier: Apache-2.0
// Byte-identical files under the roots: one document, a path per copy.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/reindex.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr const char* kNorms = "Norms of state behaviour\nStates agreed on eleven norms.\n";

void age(const fs::path& file, int seconds) {
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::seconds(seconds));
}

/// Every document's paths, primary first, read from a fresh reader.
std::vector<std::vector<std::string>> documents(const fs::path& index) {
  std::vector<std::vector<std::string>> out;
  Xapian::Database db(index.string());
  for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto stored = index::StoredDocument::decode(db.get_document(*it).get_data());
    if (stored) out.push_back(stored->paths);
  }
  std::sort(out.begin(), out.end());
  return out;
}

class ReindexCopiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "collection";
    dir_.write("collection/a.txt", kNorms);
    dir_.write("collection/b.txt", "Confidence building\nThe OSCE adopted measures.\n");
    for (const char* name : {"a.txt", "b.txt"}) age(root_ / name, 100);
    ASSERT_EQ(run().added, 2);
  }

  ReindexPlan plan() {
    auto planned = plan_reindex({root_}, *writer_, ReindexOptions{});
    if (!planned) throw std::runtime_error(planned.error());
    return std::move(planned).value();
  }

  ReindexReport run() {
    ReindexReport report = apply_reindex(plan(), *writer_, registry_, BatchOptions{.jobs = 2});
    EXPECT_FALSE(report.fatal.has_value());
    return report;
  }

  [[nodiscard]] std::string path(const char* name) const { return (root_ / name).string(); }
  std::vector<std::vector<std::string>> indexed() {
    EXPECT_TRUE(writer_->commit().has_value());
    return documents(dir_.path() / "index");
  }

  TempDir dir_;
  fs::path root_;
  std::optional<index::Writer> writer_{index::Writer::open(dir_.path() / "index", index::WriterOptions{}).value()};
  ExtractorRegistry registry_ = ExtractorRegistry::with_defaults();
};

TEST_F(ReindexCopiesTest, ACopyOfAnIndexedFileIsRecordedWithoutExtraction) {
  dir_.write("collection/copy/a.txt", kNorms);
  const ReindexPlan planned = plan();
  EXPECT_TRUE(planned.to_extract.empty());
  ASSERT_EQ(planned.copies.size(), 1U);
  const ReindexReport report = apply_reindex(planned, *writer_, registry_, BatchOptions{.jobs = 1});
  EXPECT_EQ(report.added, 1);
  const std::vector<std::vector<std::string>> expected = {{path("a.txt"), path("copy/a.txt")}, {path("b.txt")}};
  EXPECT_EQ(indexed(), expected);
  // And the next run finds nothing to do: both paths are unchanged.
  const ReindexPlan after = plan();
  EXPECT_TRUE(after.to_extract.empty());
  EXPECT_TRUE(after.copies.empty());
  EXPECT_EQ(after.unchanged, 3);
}

TEST_F(ReindexCopiesTest, IdenticalNewFilesInOneRunBecomeOneDocument) {
  for (int i = 0; i < 6; ++i) dir_.write("collection/new" + std::to_string(i) + ".txt", "Attribution\nSame bytes.\n");
  const ReindexReport report = run();
  EXPECT_EQ(report.added, 6);
  const auto docs = indexed();
  ASSERT_EQ(docs.size(), 3U);
  EXPECT_EQ(std::count_if(docs.begin(), docs.end(), [](const auto& paths) { return paths.size() == 6; }), 1);
}

TEST_F(ReindexCopiesTest, DeletingThePrimaryKeepsTheDocumentUnderTheCopy) {
  dir_.write("collection/copy.txt", kNorms);
  age(root_ / "copy.txt", 100);
  run();
  fs::remove(root_ / "a.txt");
  const ReindexReport report = run();
  EXPECT_EQ(report.removed, 1);
  EXPECT_EQ(report.added + report.updated, 0);  // Nothing extracted.
  const std::vector<std::vector<std::string>> expected = {{path("b.txt")}, {path("copy.txt")}};
  EXPECT_EQ(indexed(), expected);
  // The document now carries the copy's id, so `cydex show` by either works.
  Xapian::Database db((dir_.path() / "index").string());
  EXPECT_EQ(db.get_termfreq(index::schema::term(index::schema::kIdPrefix, corpus::document_id_for(path("copy.txt")))),
            1U);
}

TEST_F(ReindexCopiesTest, AMovedCopyIsUnchangedAndAModifiedCopySplitsOff) {
  dir_.write("collection/copy1.txt", kNorms);
  dir_.write("collection/copy2.txt", kNorms);
  for (const char* name : {"copy1.txt", "copy2.txt"}) age(root_ / name, 100);
  run();
  fs::rename(root_ / "copy1.txt", root_ / "renamed.txt");
  dir_.write("collection/copy2.txt", "Norms of state behaviour\nA different text now.\n");
  const ReindexReport report = run();
  EXPECT_EQ(report.unchanged, 3);  // a.txt, b.txt and the renamed copy.
  EXPECT_EQ(report.updated, 1);
  EXPECT_EQ(report.removed, 0);
  const std::vector<std::vector<std::string>> expected = {
      {path("a.txt"), path("renamed.txt")}, {path("b.txt")}, {path("copy2.txt")}};
  EXPECT_EQ(indexed(), expected);
}

TEST_F(ReindexCopiesTest, AFileChangedToAnIndexedContentJoinsThatDocument) {
  dir_.write("collection/b.txt", kNorms);
  const ReindexReport report = run();
  EXPECT_EQ(report.updated, 1);
  const std::vector<std::vector<std::string>> expected = {{path("a.txt"), path("b.txt")}};
  EXPECT_EQ(indexed(), expected);
}

TEST(BatchCopies, TwoWorkersExtractingIdenticalFilesWriteOneDocument) {
  TempDir dir;
  for (int i = 0; i < 8; ++i) dir.write("in/copy" + std::to_string(i) + ".txt", kNorms);
  auto writer = index::Writer::open(dir.path() / "index", index::WriterOptions{});
  ASSERT_TRUE(writer.has_value());
  const BatchReport report = ingest_paths({dir.path() / "in"}, *writer, ExtractorRegistry::with_defaults(),
                                          BatchOptions{.jobs = 2});
  EXPECT_EQ(report.indexed, 8);
  EXPECT_EQ(report.duplicates, 7);
  EXPECT_EQ(writer->document_count(), 1U);
  // Ingesting the same folder again changes nothing.
  const BatchReport again = ingest_paths({dir.path() / "in"}, *writer, ExtractorRegistry::with_defaults(),
                                         BatchOptions{.jobs = 2});
  EXPECT_EQ(again.indexed, 8);
  EXPECT_EQ(writer->document_count(), 1U);
  const auto docs = documents(dir.path() / "index");
  ASSERT_EQ(docs.size(), 1U);
  EXPECT_EQ(docs.front().size(), 8U);
}

}  // namespace
}  // namespace cydex::ingest
