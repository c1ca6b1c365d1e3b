// SPDX-License-Identifier: Apache-2.0
#include "hostile_ingest.h"

#include "cydex/search/searcher.h"

namespace cydex::testing {

HostileIngest::HostileIngest()
    : good_(dir_.write("corpus/good.txt", std::string("Cyber diplomacy notes. The word ") + kGoodWord +
                                               " appears in this file only.\n")) {}

std::filesystem::path HostileIngest::add(const std::string& name, std::string_view content) const {
  return dir_.write("corpus/" + name, content);
}

HostileRun HostileIngest::ingest(std::vector<std::string> paths, const std::map<std::string, std::string>& env,
                                 int timeout_seconds) const {
  if (paths.empty()) paths.push_back(corpus().string());
  std::vector<std::string> args{"ingest", "--json", "--timeout", std::to_string(timeout_seconds),
                                "--jobs", "2", "--index", index().string()};
  args.insert(args.end(), paths.begin(), paths.end());
  HostileRun run;
  run.process = run_cydex(args, env);
  const auto& err = run.process.err;
  // A worker that trips a sanitizer dies like any crashing worker; its report
  // on the shared stderr is what tells the two apart.
  EXPECT_EQ(err.find("Sanitizer"), std::string::npos) << err;
  EXPECT_EQ(err.find("runtime error:"), std::string::npos) << err;
  EXPECT_TRUE(run.process.exit_code == 0 || run.process.exit_code == 2) << run.process.exit_code << "\n" << err;
  if (run.process.exit_code != 0 && run.process.exit_code != 2) return run;
  run.report = nlohmann::json::parse(run.process.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(run.report.is_discarded()) << run.process.out;
  if (run.report.is_discarded()) return run;
  EXPECT_EQ(run.process.exit_code == 2, !run.report["failed"].empty()) << run.process.out;
  for (const auto& failure : run.report["failed"]) {
    const std::string line = failure["path"].get<std::string>() + ": ";
    EXPECT_NE(err.find(line), std::string::npos) << "stderr does not name " << line << "\n" << err;
  }

  auto searcher = search::Searcher::open(index());
  EXPECT_TRUE(searcher) << "the index does not open";
  if (!searcher) return run;
  EXPECT_EQ(searcher->document_count(), run.report["indexed"].get<unsigned>()) << run.process.out;
  auto all = searcher->search({.query = "", .limit = 1000});
  EXPECT_TRUE(all);
  if (all) {
    for (const auto& hit : all->hits) run.indexed_paths.insert(hit.path);
  }
  auto good = searcher->search({.query = kGoodWord});
  EXPECT_TRUE(good && good->total == 1 && good->hits[0].path == good_.string()) << "the good file is not found";
  return run;
}

std::set<std::string> HostileIngest::paths_found(const std::string& query) const {
  std::set<std::string> paths;
  auto searcher = search::Searcher::open(index());
  EXPECT_TRUE(searcher) << "the index does not open";
  if (!searcher) return paths;
  auto found = searcher->search({.query = query, .limit = 1000});
  EXPECT_TRUE(found) << query;
  if (found) {
    for (const auto& hit : found->hits) paths.insert(hit.path);
  }
  return paths;
}

}  // namespace cydex::testing
