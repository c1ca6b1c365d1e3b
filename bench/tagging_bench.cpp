// SPDX-License-Identifier: Apache-2.0
// Tagging throughput: MB of extracted text per second through the Tagger,
// with the shipped taxonomy and with one ten times larger (synthetic aliases
// made of words from the same texts, so many of them share prefixes and some
// match). Word breaking alone (index::Analyzer::tokenize) is the floor both
// are compared with.
//
//   tagging_bench RUNS TAXONOMY_DIR FILE_OR_DIR...
//
// Prints a Markdown table of medians over RUNS passes and the ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "cydex/corpus/taxonomy.h"
#include "cydex/index/analyzer.h"
#include "cydex/ingest/registry.h"
#include "cydex/ingest/tagger.h"

namespace {

namespace fs = std::filesystem;
using cydex::corpus::Page;
using cydex::corpus::Taxonomy;
using Documents = std::vector<std::vector<Page>>;

Documents extract(const std::vector<fs::path>& inputs, std::size_t& bytes) {
  const auto registry = cydex::ingest::ExtractorRegistry::with_defaults();
  std::vector<fs::path> files;
  for (const fs::path& input : inputs) {
    if (fs::is_directory(input)) {
      for (const auto& entry : fs::recursive_directory_iterator(input)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(input);
    }
  }
  std::sort(files.begin(), files.end());
  Documents documents;
  for (const fs::path& file : files) {
    auto document = registry.extract_file(file, cydex::ingest::ReadOptions{});
    if (!document) continue;
    for (const Page& page : document->pages) bytes += page.text.size();
    documents.push_back(std::move(document->pages));
  }
  return documents;
}

double seconds(const std::function<void()>& pass) {
  const auto start = std::chrono::steady_clock::now();
  pass();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

std::size_t alias_count(const Taxonomy& taxonomy) {
  std::size_t count = 0;
  for (const auto& tag : taxonomy.tags()) count += tag.aliases.size();
  return count;
}

/// The shipped files plus `extra` generated aliases of one to four words
/// taken from the documents' own vocabulary (fixed seed, so runs agree).
fs::path synthetic_taxonomy(const fs::path& shipped, const Documents& documents, std::size_t extra,
                            const fs::path& folder) {
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(shipped)) {
    if (entry.path().extension() == ".tsv") fs::copy_file(entry.path(), folder / entry.path().filename());
  }
  const cydex::index::Analyzer analyzer;
  std::set<std::string> words;
  for (const auto& pages : documents) {
    for (const Page& page : pages) {
      for (auto& token : analyzer.tokenize(page.text)) {
        if (token.term.find_first_of("\t,|") == std::string::npos) words.insert(std::move(token.term));
      }
    }
  }
  const std::vector<std::string> vocabulary(words.begin(), words.end());
  std::mt19937 random(20260101);
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(1, 4);
  std::ofstream out(folder / "zz-synthetic.tsv");
  out << "# Generated for the tagging benchmark only.\n";
  for (std::size_t i = 0; i < extra; ++i) {
    const std::string id = "actor:synthetic-" + std::to_string(i / 10);
    std::string text;
    for (int w = length(random); w > 0; --w) text += (text.empty() ? "" : " ") + vocabulary[pick(random)];
    out << id << '\t' << (i % 10 == 0 ? "label" : "alias") << "\ten\t" << text << " " << i << '\n';
  }
  return folder;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: tagging_bench RUNS TAXONOMY_DIR FILE_OR_DIR...\n");
    return 64;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  const fs::path shipped = argv[2];
  std::size_t bytes = 0;
  const Documents documents = extract({argv + 3, argv + argc}, bytes);
  const double megabytes = static_cast<double>(bytes) / (1024.0 * 1024.0);

  auto full = Taxonomy::load(shipped);
  if (!full) {
    std::fprintf(stderr, "%s\n", full.error().message().c_str());
    return 1;
  }
  const fs::path scratch = fs::temp_directory_path() / ("cydex-tagging-bench-" + std::to_string(::getpid()));
  // Ten times the shipped aliases in all: nine times as many again, generated.
  synthetic_taxonomy(shipped, documents, 9 * alias_count(*full), scratch);
  auto large = Taxonomy::load(scratch);
  fs::remove_all(scratch);
  if (!large) {
    std::fprintf(stderr, "%s\n", large.error().message().c_str());
    return 1;
  }

  // The three passes take turns within each run, so a burst of load on the
  // shared machine slows all three alike instead of one of them.
  const cydex::index::Analyzer analyzer;
  const cydex::ingest::Tagger shipped_tagger(*full);
  const cydex::ingest::Tagger large_tagger(*large);
  std::size_t sink = 0;
  std::size_t mentions[2] = {0, 0};
  const std::function<void()> passes[] = {
      [&] {
        for (const auto& pages : documents) {
          for (const Page& page : pages) sink += analyzer.tokenize(page.text).size();
        }
      },
      [&] {
        mentions[0] = 0;
        for (const auto& pages : documents) mentions[0] += shipped_tagger.tag(pages).size();
      },
      [&] {
        mentions[1] = 0;
        for (const auto& pages : documents) mentions[1] += large_tagger.tag(pages).size();
      }};
  std::vector<double> times[3];
  for (int run = 0; run < runs; ++run) {
    for (std::size_t i = 0; i < 3; ++i) times[i].push_back(seconds(passes[i]));
  }
  const double words_only = median(times[0]);
  struct Row {
    const char* name;
    const Taxonomy* taxonomy;
    double seconds = 0;
    std::size_t mentions = 0;
  };
  const Row rows[] = {{"shipped taxonomy", &*full, median(times[1]), mentions[0]},
                      {"10x taxonomy (synthetic aliases)", &*large, median(times[2]), mentions[1]}};

  std::printf("| what | tags | aliases | documents | MB of text | mentions | median s (%d runs) | MB/s |\n", runs);
  std::printf("|---|---|---|---|---|---|---|---|\n");
  std::printf("| word breaking and folding only | - | - | %zu | %.2f | - | %.3f | %.1f |\n", documents.size(),
              megabytes, words_only, megabytes / words_only);
  for (const Row& row : rows) {
    std::printf("| tagging, %s | %zu | %zu | %zu | %.2f | %zu | %.3f | %.1f |\n", row.name, row.taxonomy->tags().size(),
                alias_count(*row.taxonomy), documents.size(), megabytes, row.mentions, row.seconds,
                megabytes / row.seconds);
  }
  std::printf("\n10x taxonomy / shipped taxonomy time: %.2fx (goal: within 1.5x); shipped tagging / word breaking: %.2fx\n",
              rows[1].seconds / rows[0].seconds, rows[0].seconds / words_only);
  return sink == 0 ? 2 : 0;
}
