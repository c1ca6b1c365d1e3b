// SPDX-License-Identifier: Apache-2.0
// Broken, huge and disguised documents, one per run next to a good file.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <iostream>
#include <random>
#include <set>
#include <string>

#include "hostile_ingest.h"
#include "hostile_pdf.h"

namespace cydex::testing {
namespace {

std::string sample_pdf() { return read_file(sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf"); }

/// The sample PDF cut after `fraction` of its bytes.
std::string truncated_pdf(double fraction) {
  const std::string pdf = sample_pdf();
  return pdf.substr(0, static_cast<std::size_t>(static_cast<double>(pdf.size()) * fraction));
}

/// The sample PDF with `flips` random bits flipped (deterministic per seed).
std::string bit_flipped_pdf(std::uint32_t seed, int flips) {
  std::string pdf = sample_pdf();
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> position(0, pdf.size() - 1);
  std::uniform_int_distribution<int> bit(0, 7);
  for (int i = 0; i < flips; ++i) pdf[position(random)] ^= static_cast<char>(1 << bit(random));
  return pdf;
}

std::string deeply_nested_html(int depth) {
  std::string html = "<!DOCTYPE html><html><head><title>Deep</title></head><body>";
  html.reserve(static_cast<std::size_t>(depth) * 11 + 200);
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "Deeply nested cyber norms text.";
  for (int i = 0; i < depth; ++i) html += "</div>";
  return html + "</body></html>";
}

enum class Endian { Little, Big };

/// ASCII text as UTF-16 code units, without a byte-order mark.
std::string utf16_without_bom(const std::string& ascii, Endian endian) {
  std::string out;
  for (const char c : ascii) {
    if (endian == Endian::Big) out += '\0';
    out += c;
    if (endian == Endian::Little) out += '\0';
  }
  return out;
}

/// Little-endian 16-bit numbers below 32, as in a sound file or a table of counts.
std::string sixteen_bit_numbers(std::size_t count) {
  std::mt19937 random(9);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += static_cast<char>(random() % 32);
    out += '\0';
  }
  return out;
}

std::string binary_junk(std::size_t bytes) {
  std::mt19937 random(8);
  std::string out(bytes, '\0');
  for (char& c : out) c = static_cast<char>(random() & 0xFF);
  return out;
}

/// What a case's file must come to. Some damage is repaired by poppler and
/// some is not, depending on which bytes it hits; those cases only check
/// the invariants of HostileIngest::ingest.
enum class Outcome { Indexed, Failed, Either };

struct HostileCase {
  std::string name;
  std::string file;
  std::function<std::string()> content;
  Outcome outcome = Outcome::Either;
  std::string kind{};  ///< The failure's kind when Outcome::Failed.
};

/// Names the case in test listings instead of dumping its bytes.
void PrintTo(const HostileCase& c, std::ostream* out) { *out << c.name; }

class HostileDocument : public HostileIngest, public ::testing::WithParamInterface<HostileCase> {};

TEST_P(HostileDocument, IsReportedAndTheBatchCarriesOn) {
  const HostileCase& c = GetParam();
  const auto file = add(c.file, c.content());
  const HostileRun run = ingest();
  if (run.report.is_null() || run.report.is_discarded()) return;
  const bool indexed = run.indexed_paths.count(file.string()) == 1;
  // What happened, for docs/HOSTILE.md and for whoever reads the log.
  const std::string outcome =
      indexed ? "indexed" : (run.report["failed"].empty() ? "absent" : run.report["failed"][0]["kind"].get<std::string>());
  RecordProperty("outcome", outcome);
  std::cout << "outcome of " << c.name << ": " << outcome << "\n";
  switch (c.outcome) {
    case Outcome::Indexed:
      EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
      EXPECT_TRUE(indexed) << run.process.out;
      break;
    case Outcome::Failed:
      EXPECT_EQ(run.process.exit_code, 2) << run.process.err;
      EXPECT_FALSE(indexed);
      ASSERT_EQ(run.report["failed"].size(), 1u) << run.process.out;
      EXPECT_EQ(run.report["failed"][0]["path"], file.string());
      EXPECT_EQ(run.report["failed"][0]["kind"], c.kind) << run.process.err;
      break;
    case Outcome::Either:
      // Exactly one of: indexed, or failed and named.
      EXPECT_NE(indexed, run.process.exit_code == 2) << run.process.out << run.process.err;
      break;
  }
  EXPECT_EQ(run.indexed_paths.size(), indexed ? 2u : 1u);
}

using HostileEncoding = HostileIngest;

TEST_F(HostileEncoding, Utf16WithoutBomIsIndexedAndSearchable) {
  // Notepad's "Unicode" without its mark, and the big-endian twin, as text
  // and as web pages without a charset declaration: each is found by a word
  // only it holds.
  const auto le_text = add("le.txt", utf16_without_bom("Notes on attribution of cyber operations.\n", Endian::Little));
  const auto be_text = add("be.txt", utf16_without_bom("Notes on sovereignty in cyberspace.\n", Endian::Big));
  const auto le_html = add("le.html", utf16_without_bom("<html><head><title>Capacity building</title></head>"
                                                        "<body><p>Ministries discussed resilience.</p></body></html>",
                                                        Endian::Little));
  const auto be_html = add("be.html", utf16_without_bom("<!DOCTYPE html><html><body><p>Delegations debated "
                                                        "deterrence.</p></body></html>",
                                                        Endian::Big));
  const HostileRun run = ingest();
  EXPECT_EQ(run.process.exit_code, 0) << run.process.err;
  EXPECT_EQ(run.indexed_paths.size(), 5u) << run.process.out;
  EXPECT_EQ(paths_found("attribution"), std::set<std::string>{le_text.string()});
  EXPECT_EQ(paths_found("sovereignty"), std::set<std::string>{be_text.string()});
  EXPECT_EQ(paths_found("resilience"), std::set<std::string>{le_html.string()});
  EXPECT_EQ(paths_found("deterrence"), std::set<std::string>{be_html.string()});
}

INSTANTIATE_TEST_SUITE_P(
    Documents, HostileDocument,
    ::testing::Values(
        // An empty file is not a document.
        HostileCase{"ZeroBytePdf", "empty.pdf", [] { return std::string(); }, Outcome::Failed, "unsupported"},
        HostileCase{"ZeroByteHtml", "empty.html", [] { return std::string(); }, Outcome::Failed, "unsupported"},
        // Cut in the middle and near the end: poppler may reconstruct the xref.
        HostileCase{"TruncatedPdfHalf", "half.pdf", [] { return truncated_pdf(0.5); }},
        HostileCase{"TruncatedPdfAtTenPercent", "tenth.pdf", [] { return truncated_pdf(0.1); }},
        HostileCase{"TruncatedPdfHeaderOnly", "header.pdf", [] { return std::string("%PDF-1.7\n"); },
                    Outcome::Failed, "corrupt"},
        // Bit flips, fixed seeds so a failure can be reproduced.
        HostileCase{"BitFlippedPdfSeed1", "flip1.pdf", [] { return bit_flipped_pdf(1, 20); }},
        HostileCase{"BitFlippedPdfSeed2", "flip2.pdf", [] { return bit_flipped_pdf(2, 200); }},
        HostileCase{"BitFlippedPdfSeed3", "flip3.pdf", [] { return bit_flipped_pdf(3, 2000); }},
        // A /Pages node that is its own grandchild.
        HostileCase{"CyclicPageTree", "cycle.pdf", [] { return cyclic_page_tree_pdf(); }},
        // 50,000 one-line pages.
        HostileCase{"FiftyThousandPages", "pages.pdf", [] { return many_pages_pdf(50'000); }},
        // 200,000 objects in one object stream, reached by reconstruction.
        HostileCase{"HugeObjectStream", "objstm.pdf", [] { return huge_object_stream_pdf(200'000); }},
        // libxml2 stops at its nesting limit; what it parsed is kept.
        HostileCase{"HtmlNestedHundredThousandLevels", "deep.html", [] { return deeply_nested_html(100'000); }},
        // UTF-16 without a byte-order mark, as text and as a web page, is
        // recognised by its NUL bytes (the 100 MB content stream and the
        // 50 MB single-line page are in hostile_huge_test.cpp).
        HostileCase{"Utf16LeTextWithoutBom", "utf16le.txt",
                    [] { return utf16_without_bom("States discussed cyber norms and confidence building measures.\n",
                                                  Endian::Little); },
                    Outcome::Indexed},
        HostileCase{"Utf16BeTextWithoutBom", "utf16be.txt",
                    [] { return utf16_without_bom("States discussed cyber norms and confidence building measures.\n",
                                                  Endian::Big); },
                    Outcome::Indexed},
        HostileCase{"Utf16LeHtmlWithoutBom", "utf16le.html",
                    [] { return utf16_without_bom("<html><body><p>Cyber norms in UTF-16.</p></body></html>",
                                                  Endian::Little); },
                    Outcome::Indexed},
        HostileCase{"Utf16BeHtmlWithoutBom", "utf16be.html",
                    [] { return utf16_without_bom("<html><body><p>Cyber norms in UTF-16.</p></body></html>",
                                                  Endian::Big); },
                    Outcome::Indexed},
        // Binary data whose NUL bytes alternate like UTF-16's but whose code
        // units are small numbers (16-bit samples), not characters.
        HostileCase{"SixteenBitNumbersNamedTxt", "samples.txt", [] { return sixteen_bit_numbers(4096); },
                    Outcome::Failed, "unsupported"},
        HostileCase{"BinaryJunkNamedTxt", "junk.txt", [] { return binary_junk(4096); }, Outcome::Failed,
                    "unsupported"},
        // The name lies; the content decides.
        HostileCase{"PdfNamedHtml", "really-a-pdf.html", sample_pdf, Outcome::Indexed},
        HostileCase{"HtmlNamedPdf", "really-a-page.pdf",
                    [] { return std::string("<!DOCTYPE html><html><body><p>Cyber page.</p></body></html>"); },
                    Outcome::Indexed},
        // Random bytes are no document, whatever the name says.
        HostileCase{"BinaryJunkNamedPdf", "junk.pdf", [] { return binary_junk(4096); }, Outcome::Failed,
                    "unsupported"},
        HostileCase{"BinaryJunkAfterPdfHeader", "junk2.pdf", [] { return "%PDF-1.4\n" + binary_junk(4096); },
                    Outcome::Failed, "corrupt"}),
    [](const ::testing::TestParamInfo<HostileCase>& row) { return row.param.name; });

}  // namespace
}  // namespace cydex::testing
