// SPDX-License-Identifier: Apache-2.0
// Every real PDF of the shared corpus through cydex's extraction: no crash,
// scans flagged, problem files reported, known passages on their printed
// pages, and (almost) no words left split at line ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "cydex/ingest/registry.h"
#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

namespace fs = std::filesystem;

fs::path pdf_dir() { return testing::shared_corpus_dir() / "pdf"; }

class PdfCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(pdf_dir())) return;
    const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
    for (const auto& entry : fs::directory_iterator(pdf_dir())) {
      if (entry.path().extension() != ".pdf") continue;
      results_->emplace(entry.path().stem().string(), registry.extract_file(entry.path(), ingest::ReadOptions{}));
    }
  }
  void SetUp() override {
    if (!fs::is_directory(pdf_dir())) {
      GTEST_SKIP() << "real corpus not found at " << pdf_dir()
                   << " (it sits beside the checkout in CI; a user's clone has none)";
    }
  }
  static const ingest::ExtractResult& result(const std::string& id) {
    const auto found = results_->find(id);
    if (found == results_->end()) {
      static const ingest::ExtractResult missing =
          corpus::Unexpected(corpus::IngestError{id, "test", corpus::ErrorKind::Unreadable, "not in the corpus"});
      return missing;
    }
    return found->second;
  }
  static std::map<std::string, ingest::ExtractResult>* results_;
};

std::map<std::string, ingest::ExtractResult>* PdfCorpus::results_ = new std::map<std::string, ingest::ExtractResult>();

bool is_scan(const corpus::ExtractedDocument& doc) {
  return std::any_of(doc.warnings.begin(), doc.warnings.end(),
                     [](const std::string& warning) { return warning.rfind("no text layer: ", 0) == 0; });
}

TEST_F(PdfCorpus, EveryPdfIsExtractedOrReportedWithAReason) {
  ASSERT_EQ(results_->size(), 34U);
  for (const auto& [id, extracted] : *results_) {
    if (extracted) {
      EXPECT_FALSE(extracted->pages.empty()) << id;
      for (std::size_t i = 0; i < extracted->pages.size(); ++i) {
        EXPECT_EQ(extracted->pages[i].number, static_cast<int>(i) + 1) << id;
      }
      continue;
    }
    // Only the cut-off download fails, and it says so.
    EXPECT_EQ(id, "p073") << extracted.error().message();
    EXPECT_EQ(extracted.error().kind, corpus::ErrorKind::Corrupt) << id;
    EXPECT_EQ(extracted.error().detail.rfind("truncated: 221184 of 361028 bytes", 0), 0U) << extracted.error().detail;
  }
}

TEST_F(PdfCorpus, ScansAreFlaggedAndNothingElseIs) {
  // Office-scanner images, and a figure whose glyphs are drawn as paths.
  const std::vector<std::string> scans = {"p034", "p055", "p062"};
  for (const auto& [id, extracted] : *results_) {
    if (!extracted) continue;
    const bool expected = std::find(scans.begin(), scans.end(), id) != scans.end();
    EXPECT_EQ(is_scan(*extracted), expected) << id;
    if (expected) {
      EXPECT_EQ(extracted->status, corpus::ExtractionStatus::Degraded) << id;
    }
  }
}

struct PhraseCase {
  const char* id;
  int page;
  const char* phrase;
};

std::string flattened(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return std::regex_replace(text, std::regex(" +"), " ");
}

// Phrases read from `pdftotext -f N -l N` of each file.
TEST_F(PdfCorpus, KnownPhrasesAreOnTheirPages) {
  const PhraseCase cases[] = {
      // A national strategy, body text.
      {"p052", 7, "emergence of possible threats and risks against the National Critical"},
      // A 119-page judgment.
      {"p047", 40, "press information may be useful as evidence"},
      // German guidelines; the sentence runs over two lines.
      {"p078", 5, "Fachkräftemangels wirksam zu begegnen"},
      // Spanish threat report.
      {"p005", 6, "Cring es un código sencillo desarrollado"},
      // A heavily designed vendor report.
      {"p038", 3, "accepted state espionage"},
      // A scanned 1948 judgment with an OCR layer, French and English facing.
      {"p041", 3, "Proceedings instituted by application"},
      // A French two-column brochure.
      {"p029", 3, "Face à une cybermenace qui s’accroît"},
      // A landscape slide deck.
      {"p021", 10, "Product Security Incident Response Team"},
  };
  for (const PhraseCase& c : cases) {
    const ingest::ExtractResult& extracted = result(c.id);
    ASSERT_TRUE(extracted.has_value()) << extracted.error().message();
    for (const corpus::Page& page : extracted->pages) {
      const bool found = flattened(page.text).find(c.phrase) != std::string::npos;
      EXPECT_EQ(found, page.number == c.page) << c.id << ": \"" << c.phrase << "\" on page " << page.number;
    }
  }
}

struct LanguageCase {
  const char* id;
  const char* language;
};

TEST_F(PdfCorpus, RecognisesTheTextsLanguage) {
  const LanguageCase cases[] = {
      // English reports whose word processor declared Spanish.
      {"p001", "en"},
      {"p012", "en"},
      // Spanish, French, German.
      {"p005", "es"},
      {"p029", "fr"},
      {"p078", "de"},
  };
  for (const LanguageCase& c : cases) {
    const ingest::ExtractResult& extracted = result(c.id);
    ASSERT_TRUE(extracted.has_value()) << extracted.error().message();
    EXPECT_EQ(extracted->metadata.language, c.language) << c.id;
  }
  // The Spanish Info title of the English edition is not trusted, and the
  // librarian is told.
  ASSERT_TRUE(result("p012").has_value());
  EXPECT_EQ(result("p012")->metadata.title.find("Estudio"), std::string::npos) << result("p012")->metadata.title;
  const std::vector<std::string>& warnings = result("p012")->warnings;
  EXPECT_NE(std::find(warnings.begin(), warnings.end(),
                      "metadata not used: Info title \"Estudio del análisis de Anatsa\" is not in the text's "
                      "language (en)"),
            warnings.end());
  EXPECT_NE(
      std::find(warnings.begin(), warnings.end(), "metadata not used: declared language es is not the text's (en)"),
      warnings.end());
  EXPECT_EQ(result("p012")->status, corpus::ExtractionStatus::Ok);
}

// A word split at a line end that is still split in the text a user
// searches ("diplo- macy"): an ASCII letter, a hyphen, a line break, and a
// lower-case letter. Measured: see docs/PDF.md.
TEST_F(PdfCorpus, FewWordsStaySplitAtLineEnds) {
  const std::regex split("[A-Za-z]- *\\n[ \\n\\f]*[a-z]");
  const std::regex word("[A-Za-z]+");
  std::size_t words = 0;
  std::size_t splits = 0;
  for (const auto& [id, extracted] : *results_) {
    if (!extracted) continue;
    std::string all;
    for (const corpus::Page& page : extracted->pages) all += page.text + "\n";
    const std::size_t here = static_cast<std::size_t>(
        std::distance(std::sregex_iterator(all.begin(), all.end(), split), std::sregex_iterator()));
    words += static_cast<std::size_t>(
        std::distance(std::sregex_iterator(all.begin(), all.end(), word), std::sregex_iterator()));
    splits += here;
  }
  ASSERT_GT(words, 100000U);
  const double per_10000 = 10000.0 * static_cast<double>(splits) / static_cast<double>(words);
  RecordProperty("splits_per_10000_words", std::to_string(per_10000));
  EXPECT_LE(per_10000, 1.0) << splits << " splits in " << words << " words";
}

// The same through the CLI: a one-line reason and exit code 2.
TEST_F(PdfCorpus, TruncatedFileFailsWithAOneLineReason) {
  const fs::path file = pdf_dir() / "p073.pdf";
  const auto run = testing::run_cydex({"extract", "--json", file.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind(file.string() + ": extract: corrupt: truncated: ", 0), 0U) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace cydex
