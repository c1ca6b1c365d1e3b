// SPDX-License-Identifier: Apache-2.0
// Hostile file systems and configuration: permissions, symbolic links, file
// names, encryption, and a taxonomy and catalogue with errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cydex/search/searcher.h"
#include "hostile_ingest.h"
#include "hostile_pdf.h"

namespace cydex::testing {
namespace {

namespace fs = std::filesystem;

using HostileFiles = HostileIngest;

/// The failure reported for `path`, or null.
nlohmann::json failure_for(const HostileRun& run, const fs::path& path) {
  for (const auto& failure : run.report["failed"]) {
    if (failure["path"] == path.string()) return failure;
  }
  return nullptr;
}

TEST_F(HostileFiles, UnreadableFileIsReportedAsUnreadable) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: file permissions do not apply, nothing to test";
  const auto file = add("locked.txt", "Locked cyber text.\n");
  fs::permissions(file, fs::perms::none);
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 2);
  ASSERT_FALSE(failure_for(run, file).is_null()) << run.process.out;
  EXPECT_EQ(failure_for(run, file)["kind"], "unreadable");
  EXPECT_EQ(run.indexed_paths.size(), 1u);
}

/// Whether one of the run's warnings names `path`.
bool warns_about(const HostileRun& run, const fs::path& path) {
  for (const auto& warning : run.report["warnings"]) {
    if (warning.get<std::string>().starts_with(path.string() + ": ")) return true;
  }
  return false;
}

TEST_F(HostileFiles, DanglingSymlinkIsSkippedWithAWarning) {
  // What a file deleted between the folder scan and the read looks like. A
  // link to nothing is not a document that failed, so the exit code stays 0,
  // but the link is named.
  const auto link = corpus() / "vanished.pdf";
  fs::create_symlink(dir_.path() / "nowhere.pdf", link);
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_TRUE(warns_about(run, link)) << run.process.out;
  EXPECT_NE(run.process.err.find(link.string() + ": "), std::string::npos) << run.process.err;
  EXPECT_EQ(run.indexed_paths.size(), 1u);
}

TEST_F(HostileFiles, SymlinkLoopsAreSkipped) {
  // A folder link back to an ancestor is not followed (see `cydex ingest
  // --help`); two file links pointing at each other lead to no file and are
  // named in a warning, like a dangling link.
  fs::create_directories(corpus() / "sub");
  fs::create_directory_symlink(corpus(), corpus() / "sub" / "up");
  fs::create_symlink(corpus() / "b.txt", corpus() / "a.txt");
  fs::create_symlink(corpus() / "a.txt", corpus() / "b.txt");
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.indexed_paths.size(), 1u) << run.process.out;
  EXPECT_TRUE(warns_about(run, corpus() / "a.txt")) << run.process.out;
  EXPECT_TRUE(warns_about(run, corpus() / "b.txt")) << run.process.out;
}

TEST_F(HostileFiles, DanglingSymlinkNamedOnTheCommandLineIsAWarning) {
  // Asked for by name, a missing file is reported like a missing folder: a
  // warning naming it, and the other paths are ingested.
  const auto link = corpus() / "gone.txt";
  fs::create_symlink(dir_.path() / "nowhere.txt", link);
  const HostileRun run = ingest({good_file().string(), link.string()});
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_TRUE(warns_about(run, link)) << run.process.out;
  EXPECT_EQ(run.indexed_paths.size(), 1u);
}

TEST_F(HostileFiles, FileNameThatIsNotUtf8IsIndexed) {
  const auto file = add("caf\xE9-notes.txt", "Notes on cyber diplomacy in Latin-1 named files.\n");
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.indexed_paths.size(), 2u) << run.process.out;
}

TEST_F(HostileFiles, EncryptedPdfsMadeByQpdf) {
  const fs::path qpdf = "/usr/bin/qpdf";
  if (!fs::exists(qpdf)) GTEST_SKIP() << qpdf << " is absent (installed by .ci/install-deps)";
  const auto plain = dir_.write("plain.pdf", many_pages_pdf(2));
  const auto user = corpus() / "user-password.pdf";
  const auto owner = corpus() / "owner-only.pdf";
  ASSERT_EQ(run_process(qpdf, {"--encrypt", "secret", "owner", "256", "--", plain.string(), user.string()}).exit_code, 0);
  ASSERT_EQ(run_process(qpdf, {"--encrypt", "", "owner", "256", "--", plain.string(), owner.string()}).exit_code, 0);
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 2);
  ASSERT_FALSE(failure_for(run, user).is_null()) << run.process.out;
  EXPECT_EQ(failure_for(run, user)["kind"], "encrypted");
  // Readable without a password: only the owner's permissions are set.
  EXPECT_EQ(run.indexed_paths.count(owner.string()), 1u) << run.process.out;
}

TEST_F(HostileFiles, CatalogueWithErrorsIsReportedAndTheFilesStillIndexed) {
  add("catalogue.tsv", "title\torganisation\nno path column\tX\n");
  const HostileRun run = ingest();
  EXPECT_NE(run.process.err.find((corpus() / "catalogue.tsv").string()), std::string::npos) << run.process.err;
  EXPECT_EQ(run.indexed_paths.size(), 1u);
}

TEST_F(HostileFiles, TaxonomyWithErrorsStopsBeforeTouchingTheIndex) {
  ASSERT_EQ(ingest().process.exit_code, 0);
  const auto taxonomy = dir_.path() / "taxonomy";
  fs::create_directories(taxonomy);
  fs::copy(source_dir() / "corpus" / "taxonomy", taxonomy, fs::copy_options::recursive);
  {
    std::ofstream out(taxonomy / "norms.tsv", std::ios::app);
    out << "not-a-category:x\tbroken line\n";
  }
  add("second.txt", "A second file that must not be indexed.\n");
  const auto run = run_cydex({"ingest", "--index", index().string(), corpus().string()},
                             {{"CYDEX_TAXONOMY", taxonomy.string()}});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find((taxonomy / "norms.tsv").string() + ":"), std::string::npos) << run.err;
  auto searcher = search::Searcher::open(index());
  ASSERT_TRUE(searcher);
  EXPECT_EQ(searcher->document_count(), 1u);
}

}  // namespace
}  // namespace cydex::testing
