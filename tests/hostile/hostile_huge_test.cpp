// SPDX-License-Identifier: Apache-2.0
// Huge documents at the sizes a hostile corpus brings: a PDF page whose
// content stream is 100 MB and a web page of 50 MB on a single line. The
// files are written piece by piece into the test's folder.
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "hostile_ingest.h"
#include "hostile_pdf.h"

namespace cydex::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMegabyte = std::size_t{1} << 20;
/// cydex ingest's default time limit per file (`--timeout`).
constexpr int kDefaultTimeout = 120;

/// Writes a web page of at least `bytes` bytes whose body is one paragraph
/// on one line, without holding it in memory.
void write_single_line_html(const fs::path& path, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const std::string head = "<!DOCTYPE html><html><head><title>Long line</title></head><body><p>";
  const std::string words = "states agree on responsible behaviour in cyberspace ";
  std::string chunk;
  while (chunk.size() < kMegabyte) chunk += words;
  out << head;
  for (std::size_t written = head.size(); written < bytes; written += chunk.size()) out << chunk;
  out << "</p></body></html>";
  ASSERT_TRUE(out.flush()) << path;
}

/// The file's outcome, printed for the log and docs/HOSTILE.md.
void print_outcome(const std::string& name, const HostileRun& run, std::chrono::steady_clock::duration took) {
  const auto seconds = std::chrono::duration<double>(took).count();
  if (!run.report.is_object()) return;
  const std::string outcome =
      run.report["failed"].empty() ? "indexed" : run.report["failed"][0]["kind"].get<std::string>();
  std::cout << "outcome of " << name << ": " << outcome << " in " << seconds << " s\n";
  ::testing::Test::RecordProperty("outcome", outcome);
}

using HostileHuge = HostileIngest;

TEST_F(HostileHuge, StreamedPdfMatchesTheOneBuiltInMemory) {
  // The 100 MB file below is written in pieces; at a small size it must be
  // byte for byte the PDF that PdfWriter builds.
  for (const std::size_t size : {std::size_t{0}, std::size_t{1000}, std::size_t{300'000}}) {
    const fs::path path = dir_.path() / "streamed.pdf";
    write_huge_content_stream_pdf(path, size);
    // Not EXPECT_EQ: a diff of two large files would take longer than the test.
    EXPECT_TRUE(read_file(path) == huge_content_stream_pdf(size)) << size;
  }
}

TEST_F(HostileHuge, HundredMegabyteContentStreamIsIndexedWithinTheDefaultLimits) {
  // poppler reads the page in about 20 s and under 150 MB on two busy
  // cores, within the default limits of 120 s and 2048 MB.
  const fs::path file = corpus() / "content.pdf";
  write_huge_content_stream_pdf(file, 100 * kMegabyte);
  ASSERT_GE(fs::file_size(file), 100 * kMegabyte);
  const auto start = std::chrono::steady_clock::now();
  const HostileRun run = ingest({}, {}, kDefaultTimeout);
  ASSERT_TRUE(run.report.is_object()) << run.process.err;
  print_outcome("HundredMegabyteContentStream", run, std::chrono::steady_clock::now() - start);
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.indexed_paths, (std::set<std::string>{file.string(), good_file().string()})) << run.process.out;
  EXPECT_EQ(paths_found("\"huge content stream\""), std::set<std::string>{file.string()});
}

TEST_F(HostileHuge, HundredMegabyteContentStreamOverTheTimeLimitIsReported) {
  // With a limit it cannot meet, the file is named as a timeout and the
  // batch carries on with the good file.
  const fs::path file = corpus() / "content.pdf";
  write_huge_content_stream_pdf(file, 100 * kMegabyte);
  const HostileRun run = ingest({}, {}, 2);
  ASSERT_TRUE(run.report.is_object()) << run.process.err;
  EXPECT_EQ(run.process.exit_code, 2) << run.process.err;
  ASSERT_EQ(run.report["failed"].size(), 1u) << run.process.out;
  EXPECT_EQ(run.report["failed"][0]["path"], file.string());
  EXPECT_EQ(run.report["failed"][0]["kind"], "timeout");
  EXPECT_NE(run.process.err.find(file.string() + ": extract: timeout"), std::string::npos) << run.process.err;
  EXPECT_EQ(run.indexed_paths, std::set<std::string>{good_file().string()});
}

TEST_F(HostileHuge, FiftyMegabyteSingleLineHtmlIsIndexed) {
  // About 8 s in a release build and 20 s under the sanitizers, hence the
  // default time limit rather than the suite's 20 s.
  const fs::path file = corpus() / "line.html";
  write_single_line_html(file, 50 * kMegabyte);
  ASSERT_GE(fs::file_size(file), 50 * kMegabyte);
  const auto start = std::chrono::steady_clock::now();
  const HostileRun run = ingest({}, {}, kDefaultTimeout);
  ASSERT_TRUE(run.report.is_object()) << run.process.err;
  print_outcome("FiftyMegabyteSingleLineHtml", run, std::chrono::steady_clock::now() - start);
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.indexed_paths, (std::set<std::string>{file.string(), good_file().string()})) << run.process.out;
  EXPECT_EQ(paths_found("cyberspace"), std::set<std::string>{file.string()});
}

}  // namespace
}  // namespace cydex::testing
