// SPDX-License-Identifier: Apache-2.0
// Search latency over a large index: per query class, p50/p95/p99/max of
//  - a search in process (one Searcher, opened once; the query with all facets
//    and the snippets of the first 10 hits, as `cydex search` runs it);
//  - `cydex search --json` as a whole process, and Xapian's `quest` on the
//    same index with the same queries and prefixes, alternating query by query.
//
//   search_bench tags INDEX                  tag<TAB>documents, for make_queries.py
//   search_bench inprocess INDEX QUERIES [RUNS]
//   search_bench processes CYDEX INDEX QUERIES [SAMPLE]
//
// QUERIES is the TSV of bench/synth/make_queries.py (class, query, org, years,
// quest). inprocess runs every query once untimed (warm cache), then RUNS
// (default 3) timed passes and takes each query's median. processes runs every
// k-th query (SAMPLE of them, default all) once per tool, after one untimed
// pass over the same sample. Prints Markdown tables.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cydex/search/searcher.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Query {
  std::string cls;
  std::string text;
  std::string org;
  std::string years;
  std::string quest;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return out;
}

std::vector<Query> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "search_bench: %s: cannot read\n", path.c_str());
    std::exit(1);
  }
  std::vector<Query> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::vector<std::string> cols = split_tabs(line);
    if (cols.size() < 5) continue;
    out.push_back(Query{cols[0], cols[1], cols[2], cols[3], cols[4]});
  }
  return out;
}

double nearest_rank(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size(), std::max<std::size_t>(rank, 1)) - 1];
}

double median(std::vector<double> values) { return nearest_rank(std::move(values), 0.5); }

/// Class name -> times in ms, plus "all".
using Times = std::map<std::string, std::vector<double>>;

const std::vector<std::string>& class_order() {
  static const std::vector<std::string> order = {"term",     "and",   "or",    "phrase", "near", "wildcard",
                                                 "field",    "range", "option", "broad", "all"};
  return order;
}

cydex::search::SearchRequest request_for(const Query& query) {
  cydex::search::SearchRequest request;
  request.query = query.text;
  request.limit = 10;
  if (!query.org.empty()) request.organisations.push_back(query.org);
  if (!query.years.empty()) {
    const std::size_t dots = query.years.find("..");
    request.year_from = std::stoi(query.years.substr(0, dots));
    request.year_to = std::stoi(query.years.substr(dots + 2));
  }
  return request;  // facets empty: all of them
}

int tags(const std::string& index) {
  auto searcher = cydex::search::Searcher::open(index);
  if (!searcher) {
    std::fprintf(stderr, "search_bench: %s\n", searcher.error().detail.c_str());
    return 1;
  }
  for (const auto& [tag, count] : searcher->tag_document_counts()) std::printf("%s\t%d\n", tag.c_str(), count);
  return 0;
}

double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void print_latency_table(const std::vector<Query>& queries, const std::vector<std::vector<double>>& wall,
                         const std::vector<std::vector<double>>& cpu, const std::vector<int>& totals) {
  Times wall_by_class;
  Times cpu_by_class;
  std::map<std::string, std::vector<double>> matches;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    if (wall[i].empty()) continue;
    for (const std::string& cls : {queries[i].cls, std::string("all")}) {
      wall_by_class[cls].push_back(median(wall[i]));
      cpu_by_class[cls].push_back(median(cpu[i]));
      matches[cls].push_back(totals[i]);
    }
  }
  std::printf("| class | queries | median matches | p50 ms | p95 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const std::string& cls : class_order()) {
    const auto found = wall_by_class.find(cls);
    if (found == wall_by_class.end()) continue;
    const std::vector<double>& t = found->second;
    const std::vector<double>& c = cpu_by_class[cls];
    std::printf("| %s | %zu | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |\n", cls.c_str(), t.size(),
                median(matches[cls]), nearest_rank(t, 0.5), nearest_rank(t, 0.95), nearest_rank(t, 0.99),
                nearest_rank(t, 1.0), nearest_rank(c, 0.5), nearest_rank(c, 0.99));
  }
}

int inprocess(const std::string& index, const std::vector<Query>& queries, int runs, unsigned slices) {
  const auto opened_at = Clock::now();
  auto searcher = cydex::search::Searcher::open(index);
  if (!searcher) {
    std::fprintf(stderr, "search_bench: %s\n", searcher.error().detail.c_str());
    return 1;
  }
  const double open_ms = std::chrono::duration<double, std::milli>(Clock::now() - opened_at).count();
  if (slices > 0) searcher->set_parallelism(slices, cydex::search::Searcher::kParallelMinDocuments);
  // Two settings, taking turns query by query: 10 hits with snippets and all
  // facets (`cydex search`), and all facets without hits (`cydex search -n 0`).
  constexpr int kLimits[] = {10, 0};
  std::vector<std::vector<double>> wall[2];
  std::vector<std::vector<double>> cpu[2];
  for (int s = 0; s < 2; ++s) {
    wall[s].assign(queries.size(), {});
    cpu[s].assign(queries.size(), {});
  }
  std::vector<int> totals(queries.size(), 0);
  int errors = 0;
  for (int pass = 0; pass <= runs; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      for (int s = 0; s < 2; ++s) {
        cydex::search::SearchRequest request = request_for(queries[i]);
        request.limit = kLimits[s];
        const double cpu_start = process_cpu_ms();
        const auto start = Clock::now();
        auto result = searcher->search(request);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        const double cpu_ms = process_cpu_ms() - cpu_start;
        if (!result) {
          if (pass == 0 && s == 0) {
            ++errors;
            std::fprintf(stderr, "search_bench: query '%s': %s\n", queries[i].text.c_str(),
                         result.error().detail.c_str());
          }
          continue;
        }
        if (pass == 0) {
          totals[i] = result->total;
          continue;  // warm-up
        }
        wall[s][i].push_back(ms);
        cpu[s][i].push_back(cpu_ms);
      }
    }
  }
  const std::string slicing = slices == 1 ? std::string("each match on one thread")
                                           : "matches split over " + (slices == 0 ? std::string("the default number of") : std::to_string(slices)) + " threads";
  std::string failed;
  if (errors > 0) {
    failed = " ";
    failed += std::to_string(errors);
    failed += " queries failed.";
  }
  std::printf("In process: %zu queries, %u documents, Searcher opened once (%.1f ms); per query the median of %d "
              "timed runs after one warm-up run; wall time, and the process's CPU time over all its threads (less "
              "sensitive to other load on the machine). Every query counts all facets; %s.%s\n\n",
              queries.size(), searcher->document_count(), open_ms, runs, slicing.c_str(), failed.c_str());
  if (const char* dump = std::getenv("SEARCH_BENCH_PER_QUERY")) {
    // One line per query, for finding the slow ones: class, matches, median
    // wall ms with hits and with facets only, the query.
    if (FILE* out = std::fopen(dump, "w")) {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        std::fprintf(out, "%s\t%d\t%.1f\t%.1f\t%s\n", queries[i].cls.c_str(), totals[i], median(wall[0][i]),
                     median(wall[1][i]), queries[i].text.c_str());
      }
      std::fclose(out);
    }
  }
  std::printf("As `cydex search` runs it: 10 hits with snippets, all facets:\n\n");
  print_latency_table(queries, wall[0], cpu[0], totals);
  std::printf("\nFacets only, no hits (`cydex search -n 0`):\n\n");
  print_latency_table(queries, wall[1], cpu[1], totals);
  return 0;
}

/// Runs argv with stdout and stderr to /dev/null; returns wall ms, or -1 when
/// the process did not exit with status 0.
double run_process(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

std::vector<std::string> cydex_args(const std::string& cydex, const std::string& index, const Query& query) {
  std::vector<std::string> args = {cydex, "search", "--json", "--index", index};
  if (!query.org.empty()) args.insert(args.end(), {"--org", query.org});
  if (!query.years.empty()) args.insert(args.end(), {"--year", query.years});
  args.push_back(query.text);
  return args;
}

std::vector<std::string> quest_args(const std::string& index, unsigned documents, const Query& query) {
  // cydex's query language, prefixes and exact counting (check at least every
  // document), without facets, snippets, folding of accents or alias expansion.
  return {"quest", "-d", index, "-m", "10", "-c", std::to_string(documents), "-o", "and", "-f",
          "default,wildcard,pure_not", "-p", "title:S", "-p", "author:A", "-p", "org:XO", "-b", "year:Y",
          "-b", "lang:L", "-b", "format:T", "-b", "id:Q", "-b", "norm:XTnorm:", "-b", "actor:XTactor:",
          "-b", "instrument:XTinstrument:", query.quest};
}

int processes(const std::string& cydex, const std::string& index, const std::vector<Query>& all, std::size_t sample) {
  unsigned documents = 0;
  {
    auto searcher = cydex::search::Searcher::open(index);
    if (!searcher) {
      std::fprintf(stderr, "search_bench: %s\n", searcher.error().detail.c_str());
      return 1;
    }
    documents = searcher->document_count();
  }
  std::vector<Query> queries;
  const std::size_t step = sample == 0 || sample >= all.size() ? 1 : all.size() / sample;
  for (std::size_t i = 0; i < all.size() && (sample == 0 || queries.size() < sample); i += step) {
    queries.push_back(all[i]);
  }
  for (const Query& query : queries) {  // warm-up: page cache, binaries
    (void)run_process(cydex_args(cydex, index, query));
    (void)run_process(quest_args(index, documents, query));
  }
  Times cydex_times;
  Times quest_times;
  int cydex_failed = 0;
  int quest_failed = 0;
  for (const Query& query : queries) {
    const double c = run_process(cydex_args(cydex, index, query));
    const double q = run_process(quest_args(index, documents, query));
    if (c < 0) ++cydex_failed;
    if (q < 0) ++quest_failed;
    if (c < 0 || q < 0) continue;
    cydex_times[query.cls].push_back(c);
    cydex_times["all"].push_back(c);
    quest_times[query.cls].push_back(q);
    quest_times["all"].push_back(q);
  }
  std::printf("Whole processes: %zu of %zu queries (every %zu-th), %u documents, one untimed pass, then one timed "
              "run per query and tool, alternating. cydex: `cydex search --json` (10 hits with snippets, all "
              "facets); quest: 10 hits, no facets, no snippets. Failed (exit status not 0): cydex %d, quest %d.\n\n",
              queries.size(), all.size(), step, documents, cydex_failed, quest_failed);
  std::printf("| class | queries | cydex p50 ms | p95 | p99 | max | quest p50 ms | p95 | p99 | max | cydex / quest (p50) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const std::string& cls : class_order()) {
    const auto found = cydex_times.find(cls);
    if (found == cydex_times.end()) continue;
    const std::vector<double>& c = found->second;
    const std::vector<double>& q = quest_times[cls];
    std::printf("| %s | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |\n", cls.c_str(), c.size(),
                nearest_rank(c, 0.5), nearest_rank(c, 0.95), nearest_rank(c, 0.99), nearest_rank(c, 1.0),
                nearest_rank(q, 0.5), nearest_rank(q, 0.95), nearest_rank(q, 0.99), nearest_rank(q, 1.0),
                nearest_rank(c, 0.5) / nearest_rank(q, 0.5));
  }
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: search_bench tags INDEX\n"
               "       search_bench inprocess INDEX QUERIES [RUNS [SLICES]]\n"
               "       search_bench processes CYDEX INDEX QUERIES [SAMPLE]\n");
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string command = argv[1];
  if (command == "tags" && argc == 3) return tags(argv[2]);
  if (command == "inprocess" && argc >= 4 && argc <= 6) {
    // SLICES: threads one match is split over (1: none); default as `cydex search`.
    return inprocess(argv[2], read_queries(argv[3]), argc >= 5 ? std::max(1, std::atoi(argv[4])) : 3,
                     argc == 6 ? static_cast<unsigned>(std::max(1, std::atoi(argv[5]))) : 0U);
  }
  if (command == "processes" && (argc == 5 || argc == 6)) {
    const std::size_t sample = argc == 6 ? static_cast<std::size_t>(std::max(0, std::atoi(argv[5]))) : 0;
    return processes(argv[2], argv[3], read_queries(argv[4]), sample);
  }
  return usage();
}
