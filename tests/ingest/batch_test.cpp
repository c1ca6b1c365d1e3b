// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/batch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "cydex/corpus/catalogue.h"
#include "printers.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using testing::read_file;
using testing::source_dir;
using testing::TempDir;

std::filesystem::path fixture(const char* name) { return source_dir() / "tests" / "fixtures" / name; }

index::Writer open_writer(const std::filesystem::path& dir) {
  auto opened = index::Writer::open(dir, index::WriterOptions{});
  if (!opened) throw std::runtime_error("cannot open index: " + opened.error().detail);
  return std::move(opened).value();
}

bool has_warning(const BatchReport& report, const std::string& text) {
  return std::any_of(report.warnings.begin(), report.warnings.end(),
                     [&](const std::string& warning) { return warning == text; });
}

/// A librarian's folder: good documents, a scan, a corrupt PDF, an empty
/// file, a hidden file, a catalogue for the top folder and a broken
/// catalogue in a subfolder.
class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    collection_ = dir_.path() / "collection";
    dir_.write("collection/norms.html",
               "<html lang=\"en\"><head><title>Cyber norms | Geneva Dialogue</title></head><body><nav>Menu</nav>"
               "<main><h1>Cyber norms</h1><p>States agreed on eleven norms.</p></main></body></html>");
    dir_.write("collection/notes.txt", "Working notes\nThe group met twice in Geneva.\n");
    dir_.write("collection/scan.pdf", read_file(fixture("no-text-layer.pdf")));
    dir_.write("collection/broken.pdf", "%PDF-1.4\n" + std::string(2000, '\x9C') + "\n%%EOF\n");
    dir_.write("collection/empty.txt", "");
    dir_.write("collection/.draft.txt", "A hidden draft.\n");
    dir_.write("collection/catalogue.tsv",
               "# Librarian's record\n"
               "path\ttitle\torganisation\tyear\n"
               "notes.txt\tNotes of the Geneva working group\tGeneva Dialogue\t2022\n");
    dir_.write("collection/sub/brief.txt", "Policy brief\nAttribution is a political decision.\n");
    dir_.write("collection/sub/catalogue.tsv",
               "path\ttitle\tyear\n"
               "brief.txt\tPolicy brief on attribution\t19x9\n");
  }

  BatchReport ingest(const std::vector<std::filesystem::path>& paths, index::Writer& writer,
                     const BatchOptions& options = {}) {
    return ingest_paths(paths, writer, registry_, options);
  }

  TempDir dir_;
  std::filesystem::path collection_;
  const ExtractorRegistry registry_ = ExtractorRegistry::with_defaults();
};

TEST_F(BatchTest, IndexesGoodFilesAndReportsTheRest) {
  index::Writer writer = open_writer(dir_.path() / "index");
  std::vector<std::size_t> totals;
  std::vector<std::filesystem::path> seen;
  BatchOptions options;
  options.on_progress = [&](const DocumentOutcome& outcome, std::size_t done, std::size_t total) {
    seen.push_back(outcome.path);
    totals.push_back(total);
    EXPECT_EQ(done, seen.size());
  };
  const BatchReport report = ingest({collection_}, writer, options);

  EXPECT_FALSE(report.fatal.has_value());
  EXPECT_EQ(report.indexed, 4);  // norms.html, notes.txt, scan.pdf, sub/brief.txt
  EXPECT_EQ(report.degraded, 1);  // scan.pdf
  EXPECT_EQ(writer.document_count(), 4U);

  // Workers finish in any order; the report promises one entry per file, not an order.
  std::vector<corpus::IngestError> failed = report.failed;
  std::sort(failed.begin(), failed.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  ASSERT_EQ(failed.size(), 2U);
  EXPECT_EQ(failed[0].path, collection_ / "broken.pdf");
  EXPECT_EQ(failed[0].kind, corpus::ErrorKind::Corrupt);
  EXPECT_EQ(failed[0].stage, "extract");
  EXPECT_EQ(failed[0].detail.rfind("poppler cannot open this PDF", 0), 0U) << failed[0].detail;
  EXPECT_EQ(failed[1].path, collection_ / "empty.txt");
  EXPECT_EQ(failed[1].kind, corpus::ErrorKind::Unsupported);
  EXPECT_EQ(failed[1].stage, "detect");
  EXPECT_EQ(failed[1].detail, "empty file (0 bytes)");

  // The hidden draft and the catalogues are not documents.
  EXPECT_EQ(seen.size(), 6U);
  EXPECT_EQ(std::count(totals.begin(), totals.end(), 6U), 6);
  EXPECT_EQ(std::find(seen.begin(), seen.end(), collection_ / ".draft.txt"), seen.end());
}

TEST_F(BatchTest, ReportsCatalogueErrorsWithFileAndLine) {
  index::Writer writer = open_writer(dir_.path() / "index");
  const BatchReport report = ingest({collection_}, writer);
  const std::filesystem::path bad = collection_ / "sub" / "catalogue.tsv";
  EXPECT_TRUE(has_warning(report, bad.string() + ":2: year '19x9' is not YYYY or YYYY-MM-DD"))
      << ::testing::PrintToString(report.warnings);
  // The top folder's catalogue is fine: no warning names it.
  const std::string good = (collection_ / "catalogue.tsv").string();
  for (const std::string& warning : report.warnings) EXPECT_NE(warning.rfind(good, 0), 0U) << warning;
  // A broken catalogue costs its records, not the documents.
  EXPECT_EQ(report.indexed, 4);
}

TEST_F(BatchTest, ReportsDegradedDocumentsInWarnings) {
  index::Writer writer = open_writer(dir_.path() / "index");
  const BatchReport report = ingest({collection_}, writer);
  EXPECT_TRUE(has_warning(report, (collection_ / "scan.pdf").string() +
                                      ": no text layer: no text on any of 1 pages (a scan without OCR?)"))
      << ::testing::PrintToString(report.warnings);
}

// The catalogue record overrides what the file says about itself.
TEST_F(BatchTest, CatalogueRecordOverridesFileMetadata) {
  corpus::Catalogue catalogue;
  const auto loaded = catalogue.load(collection_ / "catalogue.tsv");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message();
  EXPECT_EQ(loaded.value(), 1);
  const auto broken = catalogue.load(collection_ / "sub" / "catalogue.tsv");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().line, 2);

  ExtractResult notes = registry_.extract_file(collection_ / "notes.txt", ReadOptions{});
  ASSERT_TRUE(notes.has_value()) << notes.error().message();
  EXPECT_EQ(notes->metadata.title, "Working notes");
  const std::optional<corpus::DocumentMetadata> record = catalogue.find(notes->source.path);
  ASSERT_TRUE(record.has_value());
  notes->metadata.overlay(*record);
  EXPECT_EQ(notes->metadata.title, "Notes of the Geneva working group");
  EXPECT_EQ(notes->metadata.organisation, "Geneva Dialogue");
  EXPECT_EQ(notes->metadata.year, 2022);
  // The broken catalogue added nothing.
  EXPECT_FALSE(catalogue.find(collection_ / "sub" / "brief.txt").has_value());
}

// Naming single files works like naming their folder, and a missing path is
// a warning, not the end of the run.
TEST_F(BatchTest, AcceptsFilesAndReportsMissingPaths) {
  index::Writer writer = open_writer(dir_.path() / "index");
  const std::filesystem::path missing = collection_ / "missing.pdf";
  const BatchReport report = ingest({collection_ / "notes.txt", missing, collection_ / "empty.txt"}, writer);
  EXPECT_EQ(report.indexed, 1);
  ASSERT_EQ(report.failed.size(), 1U);
  EXPECT_EQ(report.failed[0].path, collection_ / "empty.txt");
  EXPECT_TRUE(has_warning(report, missing.string() + ": no such file or folder"))
      << ::testing::PrintToString(report.warnings);
  EXPECT_EQ(writer.document_count(), 1U);
}

// Indexing the same folder again replaces its documents instead of adding copies.
TEST_F(BatchTest, ReindexingReplacesDocuments) {
  index::Writer writer = open_writer(dir_.path() / "index");
  const BatchReport first = ingest({collection_}, writer);
  ASSERT_EQ(first.indexed, 4);
  dir_.write("collection/notes.txt", "Working notes, revised\nThe group met three times.\n");
  const BatchReport second = ingest({collection_}, writer);
  EXPECT_EQ(second.indexed, 4);
  EXPECT_EQ(writer.document_count(), 4U);
}

TEST_F(BatchTest, EmptyFolderIndexesNothing) {
  index::Writer writer = open_writer(dir_.path() / "index");
  std::filesystem::create_directories(dir_.path() / "nothing");
  const BatchReport report = ingest({dir_.path() / "nothing"}, writer);
  EXPECT_EQ(report.indexed, 0);
  EXPECT_TRUE(report.failed.empty());
  EXPECT_TRUE(report.warnings.empty());
  EXPECT_FALSE(report.fatal.has_value());
  EXPECT_EQ(writer.document_count(), 0U);
}

}  // namespace
}  // namespace cydex::ingest
