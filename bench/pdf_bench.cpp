// SPDX-License-Identifier: Apache-2.0
// Leftover line-end splits ("diplo- macy") per 10,000 words over a folder of
// PDFs, before and after dehyphenation, for cydex's text-box reading order
// and for poppler's layout text.
//
//   pdf_bench splits DIR
//   pdf_bench time DIR     in-process seconds per reading order, no process start-up
//
// Prints a Markdown table. "before" is the extractor's text with line-end
// hyphens as printed (after the shared cleaning); "after" is what cydex
// indexes (the registry's full pipeline).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cydex/ingest/pdf_extractor.h"
#include "cydex/ingest/registry.h"
#include "cydex/ingest/text_cleaner.h"
#include "dehyphenator.h"

namespace {

namespace fs = std::filesystem;
using cydex::ingest::LineEndSplits;

struct Variant {
  const char* name;
  cydex::ingest::PdfExtractorOptions options;
  bool full_pipeline;
};

LineEndSplits measure(const fs::path& file, const Variant& variant) {
  cydex::ingest::ExtractorRegistry registry = cydex::ingest::ExtractorRegistry::with_defaults();
  registry.add(cydex::corpus::MediaType::Pdf, std::make_unique<cydex::ingest::PdfExtractor>(variant.options));
  if (variant.full_pipeline) {
    const auto result = registry.extract_file(file, cydex::ingest::ReadOptions{});
    return result ? cydex::ingest::count_line_end_splits(result->pages) : LineEndSplits{};
  }
  cydex::corpus::SourceDocument source;
  source.path = file;
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto result = cydex::ingest::PdfExtractor(variant.options).extract(source, bytes);
  if (!result) return {};
  for (cydex::corpus::Page& page : result->pages) page.text = cydex::ingest::clean_text(page.text);
  return cydex::ingest::count_line_end_splits(result->pages);
}

}  // namespace

/// Seconds to extract every file once, in this process, through the registry.
double seconds(const std::vector<fs::path>& files, const cydex::ingest::PdfExtractorOptions& options) {
  cydex::ingest::ExtractorRegistry registry = cydex::ingest::ExtractorRegistry::with_defaults();
  registry.add(cydex::corpus::MediaType::Pdf, std::make_unique<cydex::ingest::PdfExtractor>(options));
  const auto start = std::chrono::steady_clock::now();
  for (const fs::path& file : files) (void)registry.extract_file(file, cydex::ingest::ReadOptions{});
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "splits" && mode != "time") {
    std::cerr << "usage: pdf_bench splits|time DIR\n";
    return 64;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(argv[2])) {
    if (entry.path().extension() == ".pdf") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  using cydex::ingest::PdfDehyphenation;
  using cydex::ingest::PdfReadingOrder;
  if (mode == "time") {
    // The first pass loads the word lists and warms the file cache.
    (void)seconds(files, {});
    std::cout << "| reading order | seconds (in process, median of 3) |\n|---|---|\n";
    for (const PdfReadingOrder order : {PdfReadingOrder::TextBoxes, PdfReadingOrder::PopplerLayout}) {
      std::vector<double> runs;
      for (int i = 0; i < 3; ++i) runs.push_back(seconds(files, {order, PdfDehyphenation::WithEvidence}));
      std::sort(runs.begin(), runs.end());
      std::cout << "| " << (order == PdfReadingOrder::TextBoxes ? "text boxes" : "poppler layout") << " | "
                << std::fixed << std::setprecision(2) << runs[1] << " |\n";
    }
    return 0;
  }
  const Variant variants[] = {
      {"text boxes, before dehyphenation", {PdfReadingOrder::TextBoxes, PdfDehyphenation::Off}, false},
      {"text boxes, after (cydex)", {PdfReadingOrder::TextBoxes, PdfDehyphenation::WithEvidence}, true},
      {"poppler layout, before dehyphenation", {PdfReadingOrder::PopplerLayout, PdfDehyphenation::Off}, false},
      {"poppler layout, after", {PdfReadingOrder::PopplerLayout, PdfDehyphenation::WithEvidence}, true},
  };
  std::cout << "| text | PDFs | words | line-end splits | per 10,000 words |\n|---|---|---|---|---|\n";
  for (const Variant& variant : variants) {
    LineEndSplits total;
    for (const fs::path& file : files) {
      const LineEndSplits count = measure(file, variant);
      total.words += count.words;
      total.splits += count.splits;
    }
    const double rate =
        total.words == 0 ? 0 : 10000.0 * static_cast<double>(total.splits) / static_cast<double>(total.words);
    std::cout << "| " << variant.name << " | " << files.size() << " | " << total.words << " | " << total.splits << " | "
              << std::fixed << std::setprecision(1) << rate << " |\n";
  }
  return 0;
}
