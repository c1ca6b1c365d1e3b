// SPDX-License-Identifier: Apache-2.0
#include "pdf_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cydex/ingest/pdf_extractor.h"
#include "cydex/ingest/registry.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using testing::read_file;
using testing::source_dir;

std::filesystem::path pdf_fixture(const std::string& name) {
  return source_dir() / "tests" / "fixtures" / "pdf" / name;
}

// ---- Synthetic pages: words placed by hand. -------------------------------

/// A line of words starting at (left, top), 10 pt type, 5 pt per letter.
void place(std::vector<PositionedWord>& words, const std::string& line, double left, double top, double size = 10) {
  std::istringstream in(line);
  std::string word;
  double x = left;
  while (in >> word) {
    const double width = static_cast<double>(word.size()) * size / 2;
    words.push_back(PositionedWord{word, x, top, x + width, top + size, size, 0, true});
    x += width + size / 3;
  }
}

TEST(PdfLayout, ReadsColumnByColumnUnderAHeader) {
  std::vector<PositionedWord> words;
  place(words, "Running header", 40, 20, 7);
  // Two columns, 30 pt apart; each line of the left column ends where the
  // right column's line begins at the same height.
  place(words, "one two three", 40, 60);
  place(words, "four five six", 40, 72);
  place(words, "seven eight", 40, 84);
  place(words, "alpha beta gamma", 170, 60);
  place(words, "delta epsilon", 170, 72);
  place(words, "zeta eta theta", 170, 84);
  const PageLayout layout = lay_out_page(words, 300, 400);
  EXPECT_TRUE(layout.confident) << layout.doubt;
  EXPECT_EQ(layout.columns, 2);
  EXPECT_EQ(layout.text,
            "Running header\n\none two three\nfour five six\nseven eight\n\n"
            "alpha beta gamma\ndelta epsilon\nzeta eta theta");
}

TEST(PdfLayout, MovesACaptionInsideAColumnAfterTheBody) {
  std::vector<PositionedWord> words;
  place(words, "the sentence starts", 40, 60);
  place(words, "Figure 1: small print", 40, 90, 7);
  place(words, "and ends here", 40, 120);
  place(words, "more body text", 40, 132);
  const PageLayout layout = lay_out_page(words, 300, 400);
  EXPECT_EQ(layout.text, "the sentence starts\n\nand ends here\nmore body text\n\nFigure 1: small print");
}

TEST(PdfLayout, KeepsSmallPrintAtThePageEdgesInPlace) {
  std::vector<PositionedWord> words;
  place(words, "Header line", 40, 20, 7);
  place(words, "body text", 40, 60);
  place(words, "Page 3", 40, 300, 7);
  EXPECT_EQ(lay_out_page(words, 300, 400).text, "Header line\n\nbody text\n\nPage 3");
}

TEST(PdfLayout, DoubtsATableGrid) {
  std::vector<PositionedWord> words;
  for (int row = 0; row < 8; ++row) {
    const double top = 40 + 14 * row;
    place(words, "cell", 40, top);
    place(words, "42", 120, top);
    place(words, "yes", 200, top);
  }
  const PageLayout layout = lay_out_page(words, 300, 400);
  EXPECT_FALSE(layout.confident);
  EXPECT_EQ(layout.doubt, "a table grid");
  EXPECT_EQ(layout.text, "");
}

TEST(PdfLayout, ReadsTextRunningDownwardsUpright) {
  // A page turned with /Rotate 90: the words run top to bottom, and the
  // second line lies to the left of the first.
  const std::vector<PositionedWord> words = {{"first", 300, 40, 310, 65, 10, 1},
                                             {"line", 300, 70, 310, 90, 10, 1},
                                             {"second", 285, 40, 295, 70, 10, 1},
                                             {"line", 285, 75, 295, 95, 10, 1}};
  const PageLayout layout = lay_out_page(words, 400, 300);
  EXPECT_TRUE(layout.confident) << layout.doubt;
  EXPECT_EQ(layout.text, "first line\nsecond line");
}

TEST(PdfLayout, FindsTheProminentTitle) {
  std::vector<PositionedWord> words;
  place(words, "National Cyber Strategy", 40, 40, 22);
  place(words, "body text of the page", 40, 100);
  place(words, "more body text", 40, 112);
  EXPECT_EQ(lay_out_page(words, 600, 800).prominent, "National Cyber Strategy");
  std::vector<PositionedWord> plain;
  place(plain, "body text of the page", 40, 100);
  EXPECT_EQ(lay_out_page(plain, 600, 800).prominent, "");
}

// A page of many small separate labels (a map, a network diagram) is
// read in linear time: 50,000 blocks would take minutes if every line were
// compared with every block.
TEST(PdfLayout, ReadsAPageOfManyLabels) {
  std::vector<PositionedWord> words;
  for (int i = 0; i < 50000; ++i) place(words, "label" + std::to_string(i), 40, 30.0 * i);
  const PageLayout layout = lay_out_page(words, 300, 30.0 * 50000);
  EXPECT_TRUE(layout.confident);
  EXPECT_EQ(layout.text.substr(0, 15), "label0\n\nlabel1\n");
  EXPECT_EQ(layout.text.substr(layout.text.size() - 12), "\n\nlabel49999");
}

TEST(PdfLayout, EmptyPageIsEmpty) {
  const PageLayout layout = lay_out_page({}, 300, 400);
  EXPECT_TRUE(layout.confident);
  EXPECT_EQ(layout.text, "");
}

// ---- Generated fixtures with known text. ----------------------------------

/// Words of a text for comparison: split at white space, outer punctuation
/// dropped ("cyberspace." -> "cyberspace").
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    const std::size_t first = word.find_first_not_of(".,;:()\"'");
    const std::size_t last = word.find_last_not_of(".,;:()\"'");
    if (first != std::string::npos) words.push_back(word.substr(first, last - first + 1));
  }
  return words;
}

/// The known text written by make_pdf_fixtures.py, one entry per page.
std::vector<std::vector<std::string>> known_pages(const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> pages;
  std::istringstream in(read_file(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("=== page ", 0) == 0) {
      pages.emplace_back();
    } else if (!pages.empty()) {
      for (std::string& word : words_of(line)) pages.back().push_back(std::move(word));
    }
  }
  return pages;
}

std::size_t common_subsequence(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (const std::string& word : a) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = word == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// Neighbouring extracted words that are not neighbours in the known text:
/// each place where the reading jumps (a column read across, a caption in
/// a sentence, a header left in, a word left split).
std::size_t jumps(const std::vector<std::string>& known, const std::vector<std::string>& got) {
  std::map<std::pair<std::string, std::string>, int> pairs;
  for (std::size_t i = 0; i + 1 < known.size(); ++i) ++pairs[{known[i], known[i + 1]}];
  std::size_t count = 0;
  for (std::size_t i = 0; i + 1 < got.size(); ++i) {
    int& left = pairs[{got[i], got[i + 1]}];
    if (left > 0) {
      --left;
    } else {
      ++count;
    }
  }
  return count;
}

struct Score {
  std::size_t known_words = 0;
  std::size_t matched_words = 0;  ///< In order, on the right page.
  std::size_t extra_words = 0;    ///< Extracted but not in the known text (furniture, split halves).
  std::size_t jumps = 0;
  [[nodiscard]] double accuracy() const {
    return known_words == 0 ? 0 : 100.0 * static_cast<double>(matched_words) / static_cast<double>(known_words);
  }
};

Score score(const std::string& name, PdfReadingOrder order) {
  ExtractorRegistry registry = ExtractorRegistry::with_defaults();
  registry.add(corpus::MediaType::Pdf, std::make_unique<PdfExtractor>(PdfExtractorOptions{.reading_order = order}));
  const ExtractResult result = registry.extract_file(pdf_fixture(name + ".pdf"), ReadOptions{});
  Score total;
  if (!result) {
    ADD_FAILURE() << result.error().message();
    return total;
  }
  const auto known = known_pages(pdf_fixture(name + ".txt"));
  EXPECT_EQ(result->pages.size(), known.size()) << name;
  for (std::size_t p = 0; p < known.size() && p < result->pages.size(); ++p) {
    const std::vector<std::string> got = words_of(result->pages[p].text);
    const std::size_t matched = common_subsequence(known[p], got);
    total.known_words += known[p].size();
    total.matched_words += matched;
    total.extra_words += got.size() - matched;
    total.jumps += jumps(known[p], got);
  }
  return total;
}

struct FixtureCase {
  const char* name;
  double min_accuracy;  ///< Percent of known words, in order, on their page.
  std::size_t max_jumps;
};

// The figures of docs/PDF.md come from this test's output.
TEST(PdfLayout, ReadsTwoColumnFixturesInOrder) {
  const FixtureCase cases[] = {
      // English: a caption inside the right column, split words, compounds.
      {"two-column-en", 100.0, 0},
      // German: the same layout; a word split across pages under a caption.
      {"two-column-de", 100.0, 0},
  };
  for (const FixtureCase& c : cases) {
    const Score boxes = score(c.name, PdfReadingOrder::TextBoxes);
    const Score poppler = score(c.name, PdfReadingOrder::PopplerLayout);
    std::cout << c.name << ": " << boxes.known_words << " words; text boxes " << boxes.accuracy() << "% in order, "
              << boxes.extra_words << " extra, " << boxes.jumps << " jumps; poppler layout " << poppler.accuracy()
              << "% in order, " << poppler.extra_words << " extra, " << poppler.jumps << " jumps\n";
    EXPECT_GE(boxes.accuracy(), c.min_accuracy) << c.name;
    EXPECT_LE(boxes.jumps, c.max_jumps) << c.name;
    EXPECT_EQ(boxes.extra_words, 0U) << c.name;
  }
}

}  // namespace
}  // namespace cydex::ingest
