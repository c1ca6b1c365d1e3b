// SPDX-License-Identifier: Apache-2.0
// Web-page extraction, measured two ways:
//   html_bench score DIR          token-level precision/recall/F1 of the main
//                                 text of every DIR/NAME.html against
//                                 DIR/NAME.gold.txt (a Markdown table);
//   html_bench score-text DIR OUT as above, for texts another extractor wrote
//                                 to OUT/NAME.txt (to compare with a peer);
//   html_bench speed RUNS FILE... MB of HTML per second over the files,
//                                 median of RUNS passes;
//   html_bench dump FILE          the text and metadata cydex extracts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cydex/ingest/html_extractor.h"
#include "token_f1.h"

namespace {

namespace fs = std::filesystem;
using cydex::ingest::HtmlExtractor;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

using Score = cydex::testing::TokenScore;

Score score(const std::string& extracted, const std::string& gold) { return cydex::testing::token_score(extracted, gold); }

std::string extract_text(const fs::path& path) {
  cydex::corpus::SourceDocument source;
  source.path = path;
  source.media_type = cydex::corpus::MediaType::Html;
  const auto result = HtmlExtractor{}.extract(source, slurp(path));
  if (!result || result->pages.empty()) return {};
  return result->pages.front().text;
}

int score_command(const fs::path& dir, const fs::path& peer_texts) {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".html") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  // Pages kept out of tuning (one name a line) get a mean of their own.
  std::set<std::string> held_out;
  std::istringstream held_out_list(slurp(dir / "held-out.txt"));
  for (std::string line; std::getline(held_out_list, line);) {
    if (!line.empty()) held_out.insert(line);
  }
  std::printf("| page | precision | recall | F1 |\n|---|---|---|---|\n");
  Score total;
  Score held_out_total;
  for (const fs::path& page : pages) {
    const std::string name = page.stem().string();
    const std::string text = peer_texts.empty() ? extract_text(page) : slurp(peer_texts / (name + ".txt"));
    const Score one = score(text, slurp(dir / (name + ".gold.txt")));
    std::printf("| %s | %.3f | %.3f | %.3f |\n", name.c_str(), one.precision, one.recall, one.f1);
    for (Score* sum : {&total, held_out.contains(name) ? &held_out_total : nullptr}) {
      if (sum == nullptr) continue;
      sum->precision += one.precision;
      sum->recall += one.recall;
      sum->f1 += one.f1;
    }
  }
  const auto print_mean = [](const char* what, const Score& sum, std::size_t count) {
    const auto n = static_cast<double>(count);
    std::printf("| **%s %zu** | %.3f | %.3f | %.3f |\n", what, count, sum.precision / n, sum.recall / n, sum.f1 / n);
  };
  if (!held_out.empty()) print_mean("mean of held-out", held_out_total, held_out.size());
  print_mean("mean of", total, pages.size());
  return 0;
}

int speed_command(int runs, const std::vector<fs::path>& files) {
  std::vector<std::string> contents;
  std::size_t bytes = 0;
  for (const fs::path& file : files) {
    contents.push_back(slurp(file));
    bytes += contents.back().size();
  }
  std::vector<double> seconds;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < files.size(); ++i) {
      cydex::corpus::SourceDocument source;
      source.path = files[i];
      const auto result = HtmlExtractor{}.extract(source, contents[i]);
      if (!result) std::fprintf(stderr, "failed: %s\n", files[i].c_str());
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double megabytes = static_cast<double>(bytes) / 1048576.0;
  std::printf("%zu\t%.2f\t%.4f\t%.1f\n", files.size(), megabytes, median, megabytes / median);
  return 0;
}

int dump_command(const fs::path& file) {
  cydex::corpus::SourceDocument source;
  source.path = file;
  const auto result = HtmlExtractor{}.extract(source, slurp(file));
  if (!result) {
    std::cerr << "failed: " << result.error().detail << "\n";
    return 1;
  }
  const auto& meta = result->metadata;
  std::cout << "title: " << meta.title << "\norganisation: " << meta.organisation << "\ndate: " << meta.date
            << "\nyear: " << (meta.year ? std::to_string(*meta.year) : "") << "\nlanguage: " << meta.language
            << "\nurl: " << meta.url << "\ndescription: " << meta.description << "\n";
  for (const auto& warning : result->warnings) std::cout << "warning: " << warning << "\n";
  std::cout << "----\n" << result->pages.front().text << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "score") return score_command(args[1], {});
  if (args.size() == 3 && args[0] == "score-text") return score_command(args[1], args[2]);
  if (args.size() >= 3 && args[0] == "speed") {
    return speed_command(std::stoi(args[1]), std::vector<fs::path>(args.begin() + 2, args.end()));
  }
  if (args.size() == 2 && args[0] == "dump") return dump_command(args[1]);
  std::cerr << "usage: html_bench score DIR | score-text DIR TEXTS | speed RUNS FILE... | dump FILE\n";
  return 64;
}
