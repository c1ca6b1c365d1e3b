// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "cydex/ingest/pdf_extractor.h"
#include "cydex/ingest/registry.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using testing::read_file;

std::filesystem::path pdf_fixture(const std::string& name) {
  return testing::source_dir() / "tests" / "fixtures" / "pdf" / name;
}

ExtractResult extract_bytes(const std::filesystem::path& path, std::string_view bytes) {
  corpus::SourceDocument source;
  source.path = path;
  source.media_type = corpus::MediaType::Pdf;
  return PdfExtractor{}.extract(source, bytes);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PdfFixtures, KeepsRunningFurnitureOutOfTwoColumnPages) {
  for (const char* name : {"two-column-en.pdf", "two-column-de.pdf"}) {
    const ExtractResult result = ExtractorRegistry::with_defaults().extract_file(pdf_fixture(name), ReadOptions{});
    ASSERT_TRUE(result.has_value()) << result.error().message();
    ASSERT_EQ(result->pages.size(), 3U) << name;
    for (const corpus::Page& page : result->pages) {
      for (const char* furniture : {"Cyber Policy Review", "Geneva Policy Institute", "Cyberpolitische Rundschau",
                                    "Institut für Sicherheitspolitik", " of 3", " von 3"}) {
        EXPECT_FALSE(contains(page.text, furniture)) << name << " page " << page.number << ": " << furniture;
      }
    }
  }
}

struct PhraseCase {
  const char* file;
  const char* phrase;
  int page;
};

TEST(PdfFixtures, JoinsSplitWordsAndKeepsCompounds) {
  const PhraseCase cases[] = {
      // Compounds keep their hyphens wherever the line broke: "cyber-" / "diplomat-in-chief",
      // "rules-" / "based", and "state-" at the foot of one column, "sponsored" atop the next.
      {"two-column-en.pdf", "office of a cyber-diplomat-in-chief", 3},
      {"two-column-en.pdf", "non-state actors, rules-based approaches", 3},
      {"two-column-en.pdf", "measures against state-sponsored operations", 3},
      {"two-column-en.pdf", "multi-stakeholder by", 1},
      {"two-column-en.pdf", "An EU-wide framework", 2},
      // A capital after the hyphen: a German compound, lines joined, hyphen kept.
      {"two-column-de.pdf", "Cyber-Außenpolitik, KI-gestützte Angriffe, IT-Sicherheitsgesetze", 3},
      // A German word split across a column, under the figure caption.
      {"two-column-de.pdf", "nationale Doktrinen,", 1},
      {"two-column-de.pdf", "dem Multi-Stakeholder-Prinzip", 1},
      {"two-column-de.pdf", "Ein EU-weiter Rahmen", 2},
  };
  for (const PhraseCase& c : cases) {
    const ExtractResult result = ExtractorRegistry::with_defaults().extract_file(pdf_fixture(c.file), ReadOptions{});
    ASSERT_TRUE(result.has_value()) << result.error().message();
    for (const corpus::Page& page : result->pages) {
      std::string text = page.text;
      std::replace(text.begin(), text.end(), '\n', ' ');
      EXPECT_EQ(contains(text, c.phrase), page.number == c.page)
          << c.file << ": \"" << c.phrase << "\" on page " << page.number;
    }
  }
}

// Portrait, landscape, /Rotate 90, graphics only, portrait again.
TEST(PdfFixtures, ReadsMixedAndRotatedPages) {
  const ExtractResult result =
      ExtractorRegistry::with_defaults().extract_file(pdf_fixture("mixed-pages.pdf"), ReadOptions{});
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok);
  ASSERT_EQ(result->pages.size(), 5U);
  EXPECT_EQ(result->pages[0].text, "A portrait page about supply chain security.");
  EXPECT_EQ(result->pages[1].text, "A landscape page with a table of incident response teams.");
  EXPECT_EQ(result->pages[2].text, "A rotated page on vulnerability disclosure policies.");
  EXPECT_EQ(result->pages[3].text, "");
  EXPECT_EQ(result->pages[4].text, "A closing page on international cooperation.");
}

// A download cut off anywhere: refused as corrupt or recovered with a
// warning; never a crash, never a silent success.
TEST(PdfFixtures, TruncatedFilesAreReported) {
  const std::string bytes = read_file(pdf_fixture("two-column-en.pdf"));
  for (const std::size_t percent : {5U, 25U, 50U, 75U, 95U, 99U}) {
    const std::string_view cut = std::string_view(bytes).substr(0, bytes.size() * percent / 100);
    const ExtractResult result = extract_bytes("/collection/cut.pdf", cut);
    if (result) {
      EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded) << percent << "%";
      EXPECT_FALSE(result->warnings.empty()) << percent << "%";
    } else {
      EXPECT_EQ(result.error().kind, corpus::ErrorKind::Corrupt) << percent << "%";
    }
  }
}

// A cross-reference table whose offsets are wrong: poppler rebuilds it,
// the text comes back, and the document is marked degraded.
TEST(PdfFixtures, DamagedCrossReferenceIsRecoveredWithAWarning) {
  std::string bytes = read_file(pdf_fixture("two-column-en.pdf"));
  const std::size_t xref = bytes.rfind("\nxref");
  ASSERT_NE(xref, std::string::npos);
  for (std::size_t at = bytes.find(" 00000 n", xref); at != std::string::npos; at = bytes.find(" 00000 n", at + 1)) {
    bytes.replace(at - 10, 10, "0000000099");
  }
  const ExtractResult result = extract_bytes("/collection/damaged.pdf", bytes);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded);
  ASSERT_FALSE(result->warnings.empty());
  EXPECT_EQ(result->warnings.back().rfind("damaged PDF, text as far as poppler recovers it: ", 0), 0U)
      << result->warnings.back();
  ASSERT_EQ(result->pages.size(), 3U);
  EXPECT_TRUE(contains(result->pages[0].text, "Cyber diplomacy is a set")) << result->pages[0].text;
}

const char* const kTopics[] = {"attribution", "norms",      "sanctions", "capacity",   "resilience",
                               "deterrence",  "encryption", "elections", "satellites", "cables"};

/// The text of page `number` (1-based): a different topic on neighbouring
/// pages, so that no line repeats like a running header.
std::string page_line(int number) { return "Section " + std::to_string(number) + " on " + kTopics[number % 10]; }

/// A PDF of `count` pages, each showing page_line(N) in a shared font.
std::string many_page_pdf(int count) {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "",  // The page tree, filled in below.
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string kids;
  for (int i = 0; i < count; ++i) {
    const std::string content = "BT /F1 12 Tf 72 700 Td (" + page_line(i + 1) + ") Tj ET";
    const std::size_t page_object = objects.size() + 1;
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(page_object + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    kids += std::to_string(page_object) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>";
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Thousands of pages are read one at a time; every page keeps its number.
TEST(PdfFixtures, ReadsThousandsOfPages) {
  const int count = 3000;
  const std::string bytes = many_page_pdf(count);
  const ExtractResult result = extract_bytes("/collection/long.pdf", bytes);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok);
  ASSERT_EQ(result->pages.size(), static_cast<std::size_t>(count));
  for (const int number : {1, 1500, 3000}) {
    const corpus::Page& page = result->pages[static_cast<std::size_t>(number - 1)];
    EXPECT_EQ(page.number, number);
    EXPECT_EQ(page.text, page_line(number));
  }
}

// Extractors hold no global state: threads extracting at once (and loading
// the shared word lists at once) get the same text as one thread alone.
TEST(PdfFixtures, ThreadsExtractTheSameText) {
  const ExtractorRegistry registry = ExtractorRegistry::with_defaults();
  const char* const names[] = {"two-column-en.pdf", "two-column-de.pdf"};
  std::vector<std::string> expected;
  for (const char* name : names) {
    const ExtractResult alone = registry.extract_file(pdf_fixture(name), ReadOptions{});
    ASSERT_TRUE(alone.has_value()) << alone.error().message();
    expected.push_back(alone->pages[0].text + alone->pages[1].text);
  }
  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      const ExtractResult result = registry.extract_file(pdf_fixture(names[t % 2]), ReadOptions{});
      if (result) got[t] = result->pages[0].text + result->pages[1].text;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < got.size(); ++t) EXPECT_EQ(got[t], expected[t % 2]) << "thread " << t;
}

}  // namespace
}  // namespace cydex::ingest
