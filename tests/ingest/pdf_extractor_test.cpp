// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/pdf_extractor.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "printers.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using testing::read_file;
using testing::sample_dir;
using testing::source_dir;

const std::filesystem::path kBrochure = sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf";

std::filesystem::path fixture(const char* name) { return source_dir() / "tests" / "fixtures" / name; }

ExtractResult extract_bytes(const std::filesystem::path& path, std::string_view bytes) {
  corpus::SourceDocument source;
  source.path = path;
  source.media_type = corpus::MediaType::Pdf;
  return PdfExtractor{}.extract(source, bytes);
}

ExtractResult extract_file(const std::filesystem::path& path) { return extract_bytes(path, read_file(path)); }

/// The brochure, extracted once for all tests that read it.
const corpus::ExtractedDocument& brochure() {
  static const ExtractResult result = extract_file(kBrochure);
  if (!result) ADD_FAILURE() << result.error().message();
  return result.value();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \f");
    const std::size_t last = line.find_last_not_of(" \f");
    lines.push_back(first == std::string::npos ? "" : line.substr(first, last - first + 1));
    start = end + 1;
  }
  return lines;
}

TEST(PdfExtractor, ExtractsEveryPageOfTheBrochure) {
  const corpus::ExtractedDocument& doc = brochure();
  EXPECT_EQ(doc.status, corpus::ExtractionStatus::Ok);
  EXPECT_TRUE(doc.warnings.empty());
  ASSERT_EQ(doc.pages.size(), 13U);
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    EXPECT_EQ(doc.pages[i].number, static_cast<int>(i) + 1);
    EXPECT_GT(doc.pages[i].text.size(), 100U) << "page " << i + 1;
  }
  EXPECT_EQ(doc.source.path, kBrochure);
}

struct PhraseCase {
  const char* phrase;
  int page;
};

TEST(PdfExtractor, PutsTextOnItsPrintedPage) {
  const PhraseCase cases[] = {
      // Printed "dip-" / "lomatic": one word, so a phrase search finds it.
      {"a set of diplomatic practices", 1},
      // A real compound at a line end keeps its hyphens.
      {"cyber-diplomat-in-chief", 1},
      // The ransomware infographic.
      {"NotPetya ransomware", 2},
      // Compounds printed as "Internet-" / "enabled" and "data-" / "driven" keep
      // their hyphens (poppler's own layout text joins them blindly).
      {"Internet-enabled platforms, data-driven innovation", 3},
      // The Budapest Convention figures.
      {"Budapest Convention as a guideline", 5},
      // The Cyber Diplomacy Toolbox section.
      {"The Cyber Diplomacy Toolbox is", 9},
      // The closing quotation.
      {"firm promoters of", 13},
  };
  const corpus::ExtractedDocument& doc = brochure();
  ASSERT_EQ(doc.pages.size(), 13U);
  for (const PhraseCase& c : cases) {
    for (const corpus::Page& page : doc.pages) {
      const bool found = page.text.find(c.phrase) != std::string::npos;
      EXPECT_EQ(found, page.number == c.page) << '"' << c.phrase << "\" on page " << page.number;
    }
  }
}

// The running header ("EU Cyber Diplomacy" left, "European External Action
// Service" right) and the page numbers are not part of any page's text.
TEST(PdfExtractor, RemovesRunningHeaderAndPageNumbers) {
  const corpus::ExtractedDocument& doc = brochure();
  ASSERT_EQ(doc.pages.size(), 13U);
  for (const corpus::Page& page : doc.pages) {
    for (const std::string& line : lines_of(page.text)) {
      EXPECT_NE(line, "EU Cyber Diplomacy") << "page " << page.number;
      EXPECT_NE(line, "European External Action Service") << "page " << page.number;
      EXPECT_NE(line, std::to_string(page.number)) << "page " << page.number;
    }
  }
}

TEST(PdfExtractor, ReadsTheInfoDictionary) {
  const corpus::ExtractedDocument& doc = brochure();
  EXPECT_EQ(doc.metadata.title, "EU Cyber Diplomacy");
  EXPECT_EQ(doc.metadata.authors, std::vector<std::string>{"European External Action Service (EEAS)"});
  EXPECT_EQ(doc.metadata.date, "2019-12-02");
  EXPECT_EQ(doc.metadata.year, 2019);
}

// Five single-column pages with a header line and a two-line footer
// (publisher, "Page N of 5"); the body's middle line is the same on every page.
TEST(PdfExtractor, RemovesHeadersAndMultiLineFooters) {
  const ExtractResult result = extract_file(fixture("running-header.pdf"));
  ASSERT_TRUE(result.has_value()) << result.error().message();
  ASSERT_EQ(result->pages.size(), 5U);
  const char* const topics[] = {"attribution", "due diligence", "critical infrastructure", "supply chains",
                                "capacity building"};
  for (const corpus::Page& page : result->pages) {
    const std::string topic = topics[page.number - 1];
    const std::vector<std::string> lines = lines_of(page.text);
    std::vector<std::string> text_lines;
    for (const std::string& line : lines) {
      if (!line.empty()) text_lines.push_back(line);
    }
    const std::vector<std::string> expected = {
        "Chapter " + std::to_string(page.number) + " discusses " + topic + " in depth.",
        "The working group heard states and stakeholders.",
        "Its findings on " + topic + " close the chapter.",
    };
    EXPECT_EQ(text_lines, expected) << "page " << page.number;
  }
}

// A scan without OCR: indexed by its metadata, reported as degraded.
TEST(PdfExtractor, PdfWithoutTextIsDegraded) {
  const ExtractResult result = extract_file(fixture("no-text-layer.pdf"));
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded);
  ASSERT_EQ(result->warnings.size(), 1U);
  EXPECT_EQ(result->warnings[0], "no text layer: no text on any of 1 pages (a scan without OCR?)");
  EXPECT_EQ(result->metadata.title, "Scanned statement");
  ASSERT_EQ(result->pages.size(), 1U);
  EXPECT_EQ(result->pages[0].text.find_first_not_of(" \n\f"), std::string::npos);
}

TEST(PdfExtractor, RefusesPdfNeedingAUserPassword) {
  const std::filesystem::path path = fixture("encrypted-user-password.pdf");
  const ExtractResult result = extract_file(path);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::Encrypted);
  EXPECT_EQ(result.error().path, path);
  EXPECT_EQ(result.error().stage, "extract");
  EXPECT_EQ(result.error().detail, "needs a user password to open");
  EXPECT_EQ(result.error().message(), path.string() + ": extract: encrypted: needs a user password to open");
}

// Encrypted with an owner password only: anyone may open and read it.
TEST(PdfExtractor, ReadsPdfWithOnlyAnOwnerPassword) {
  const ExtractResult result = extract_file(fixture("encrypted-owner-only.pdf"));
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok);
  ASSERT_EQ(result->pages.size(), 1U);
  EXPECT_NE(result->pages[0].text.find("eleven voluntary norms of responsible behaviour"), std::string::npos)
      << result->pages[0].text;
  EXPECT_EQ(result->metadata.title, "Norms of responsible state behaviour");
}

// A download cut off half-way: either refused as corrupt or recovered with a
// warning, never a crash and never a silent success.
TEST(PdfExtractor, TruncatedPdfIsCorruptOrDegraded) {
  const std::string bytes = read_file(kBrochure);
  const std::filesystem::path path = "/collection/truncated.pdf";
  const ExtractResult result = extract_bytes(path, std::string_view(bytes).substr(0, bytes.size() / 2));
  if (result) {
    EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded);
    EXPECT_FALSE(result->warnings.empty());
  } else {
    EXPECT_EQ(result.error().kind, corpus::ErrorKind::Corrupt);
    EXPECT_EQ(result.error().path, path);
    EXPECT_NE(result.error().detail.find("poppler cannot open this PDF"), std::string::npos) << result.error().detail;
  }
}

TEST(PdfExtractor, GarbageAfterPdfHeaderIsCorrupt) {
  std::string bytes = "%PDF-1.4\n";
  std::mt19937 random(20240601);
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>(random() & 0xFF));
  const std::filesystem::path path = "/collection/garbage.pdf";
  const ExtractResult result = extract_bytes(path, bytes);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::Corrupt);
  EXPECT_EQ(result.error().path, path);
  EXPECT_EQ(result.error().stage, "extract");
  EXPECT_EQ(result.error().detail.rfind("poppler cannot open this PDF", 0), 0U) << result.error().detail;
}

TEST(PdfExtractor, HeaderOnlyIsCorrupt) {
  const ExtractResult result = extract_bytes("/collection/header.pdf", "%PDF-1.7\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, corpus::ErrorKind::Corrupt);
}

}  // namespace
}  // namespace cydex::ingest
