// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/registry.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "cydex/corpus/sha256.h"
#include "printers.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using namespace std::string_literals;
using testing::read_file;
using testing::source_dir;
using testing::TempDir;

std::filesystem::path fixture(const char* name) { return source_dir() / "tests" / "fixtures" / name; }

ExtractResult extract(const std::filesystem::path& path, const ReadOptions& options = {}) {
  return ExtractorRegistry::with_defaults().extract_file(path, options);
}

struct RefusalCase {
  const char* what;
  std::string content;
  std::string stage;
  corpus::ErrorKind kind;
  std::string detail;
};

TEST(Registry, RefusesFilesItCannotExtract) {
  const RefusalCase cases[] = {
      // An empty file: nothing to index, nothing to sniff.
      {"empty", "", "detect", corpus::ErrorKind::Unsupported, "empty file (0 bytes)"},
      // An executable that ended up in the collection.
      {"binary", "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"s, "detect", corpus::ErrorKind::Unsupported,
       "not PDF, HTML or text (binary content)"},
      // A PNG image.
      {"image", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"s, "detect", corpus::ErrorKind::Unsupported,
       "not PDF, HTML or text (binary content)"},
  };
  for (const RefusalCase& c : cases) {
    const TempDir dir;
    const std::filesystem::path path = dir.write("document.pdf", c.content);
    const ExtractResult result = extract(path);
    ASSERT_FALSE(result.has_value()) << c.what;
    EXPECT_EQ(result.error().kind, c.kind) << c.what;
    EXPECT_EQ(result.error().path, path) << c.what;
    EXPECT_EQ(result.error().stage, c.stage) << c.what;
    EXPECT_EQ(result.error().detail, c.detail) << c.what;
  }
}

TEST(Registry, MissingFileIsUnreadable) {
  const TempDir dir;
  const std::filesystem::path path = dir.path() / "gone.pdf";
  const ExtractResult result = extract(path);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::Unreadable);
  EXPECT_EQ(result.error().path, path);
  EXPECT_EQ(result.error().stage, "read");
  EXPECT_NE(result.error().detail.find("No such file or directory"), std::string::npos) << result.error().detail;
  EXPECT_EQ(result.error().message().rfind(path.string() + ": read: unreadable: ", 0), 0U) << result.error().message();
}

TEST(Registry, FolderIsUnreadable) {
  const TempDir dir;
  const ExtractResult result = extract(dir.path());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::Unreadable);
  EXPECT_EQ(result.error().path, dir.path());
  EXPECT_EQ(result.error().detail, "not a regular file");
}

TEST(Registry, RefusesFilesOverTheSizeLimit) {
  const TempDir dir;
  const std::filesystem::path path = dir.write("big.txt", std::string(100, 'x'));
  const ExtractResult result = extract(path, ReadOptions{.max_file_bytes = 64});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::TooLarge);
  EXPECT_EQ(result.error().path, path);
  EXPECT_EQ(result.error().stage, "read");
  EXPECT_EQ(result.error().detail, "100 bytes, over the limit of 64");
  // At the limit exactly, the file is read.
  EXPECT_TRUE(extract(path, ReadOptions{.max_file_bytes = 100}).has_value());
}

struct FormatCase {
  const char* what;
  const char* name;
  std::string content;
  corpus::MediaType type;
  std::string title;
};

// The format comes from the content; a file's extension is often wrong.
TEST(Registry, RecognisesFormatByContentNotName) {
  const FormatCase cases[] = {
      // A saved web page that was given a .txt name.
      {"html named txt", "page.txt",
       "<!DOCTYPE html><html><head><title>Cyber norms | Site</title></head><body><nav>Menu</nav>"
       "<main><p>Norm text.</p></main></body></html>",
       corpus::MediaType::Html, "Cyber norms"},
      // Plain text that was given an .html name.
      {"text named html", "notes.html", "Meeting notes\nThe group met twice.\n", corpus::MediaType::Text,
       "Meeting notes"},
      // A PDF without an extension.
      {"pdf without extension", "report", read_file(fixture("encrypted-owner-only.pdf")), corpus::MediaType::Pdf,
       "Norms of responsible state behaviour"},
  };
  for (const FormatCase& c : cases) {
    const TempDir dir;
    const ExtractResult result = extract(dir.write(c.name, c.content));
    ASSERT_TRUE(result.has_value()) << c.what << ": " << result.error().message();
    EXPECT_EQ(result->source.media_type, c.type) << c.what;
    EXPECT_EQ(result->metadata.title, c.title) << c.what;
  }
  const TempDir dir;
  const ExtractResult html = extract(dir.write("page.txt", cases[0].content));
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(html->pages[0].text, "Norm text.");
}

TEST(Registry, TitleFallsBackToTheFileName) {
  const TempDir dir;
  // A PDF whose Info title is a word processor's placeholder.
  const std::filesystem::path pdf =
      dir.write("un_norms-report 2021.pdf", read_file(fixture("placeholder-title.pdf")));
  const ExtractResult from_pdf = extract(pdf);
  ASSERT_TRUE(from_pdf.has_value()) << from_pdf.error().message();
  EXPECT_EQ(from_pdf->metadata.title, "un norms report 2021");
  // A text file whose first line is too long to be a title.
  const std::filesystem::path text = dir.write("oewg-final_report.txt", std::string(300, 'a') + "\n");
  const ExtractResult from_text = extract(text);
  ASSERT_TRUE(from_text.has_value()) << from_text.error().message();
  EXPECT_EQ(from_text->metadata.title, "oewg final report");
}

TEST(Registry, FillsTheSourceDocument) {
  const TempDir dir;
  const std::string content = "Cyber norms\nEleven norms were agreed in 2015.\n";
  const std::filesystem::path path = dir.write("norms/notes.txt", content);
  // A path with ".." in it is made lexically normal.
  const ExtractResult result = extract(dir.path() / "norms" / ".." / "norms" / "notes.txt");
  ASSERT_TRUE(result.has_value()) << result.error().message();
  const corpus::SourceDocument& source = result->source;
  EXPECT_EQ(source.path, path);
  EXPECT_EQ(source.id, corpus::document_id_for(path));
  EXPECT_EQ(source.id.size(), 16U);
  EXPECT_EQ(source.size, content.size());
  EXPECT_EQ(source.signature, corpus::sha256_hex(content));
  EXPECT_EQ(source.media_type, corpus::MediaType::Text);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  EXPECT_LE(std::abs(source.mtime - now), 600) << source.mtime;
}

// Every extractor's text goes through the same cleaning steps.
TEST(Registry, CleansAndDehyphenatesExtractedText) {
  const TempDir dir;
  const ExtractResult text = extract(dir.write(
      "memo.txt", "Memo\r\n\r\n\r\nThe \xEF\xAC\x81nance of dip-\r\nlomatic practices\xC2\xA0matters.\r\n"));
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->pages[0].text, "Memo\n\nThe finance of diplomatic\npractices matters.");
  // A web page is not dehyphenated: its line breaks are not a printer's.
  const ExtractResult html =
      extract(dir.write("page.html", "<html><body><p>EU\xC2\xAD" "wide dip-<br>lomatic</p></body></html>"));
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(html->pages[0].text, "EUwide dip-\nlomatic");
}

}  // namespace
}  // namespace cydex::ingest
