// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <map>
#include <thread>

#include "cydex/ingest/batch.h"
#include "worker_pool.h"

namespace cydex::ingest {

void extract_paths(const Pipeline& pipeline, const std::vector<std::filesystem::path>& paths, unsigned jobs,
                   const WorkerLimits& limits, const ExtractHandler& on_result) {
  if (paths.empty()) return;
  const std::size_t wanted = jobs > 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
  const PoolOptions options{.workers = std::max<std::size_t>(1, std::min(wanted, paths.size())),
                            .timeout = limits.timeout,
                            .worker = WorkerSettings{.memory_limit_mb = limits.memory_limit_mb}};
  // Absolute, as the registry names files, so that a timeout or a crash
  // reads like any other error about the file.
  std::vector<std::filesystem::path> absolute;
  absolute.reserve(paths.size());
  std::map<std::filesystem::path, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::absolute(paths[i], ec).lexically_normal();
    if (ec) path = paths[i];
    positions[path].push_back(i);
    absolute.push_back(std::move(path));
  }
  // Results come back as workers finish; they are handed on in the order
  // the files were named, holding back only those that finished early.
  std::vector<std::optional<ExtractResult>> held(paths.size());
  std::size_t next = 0;
  WorkerPool pool(pipeline, options);
  pool.run(absolute, [&](const std::filesystem::path& path, ExtractResult result) {
    std::vector<std::size_t>& waiting = positions[path];
    const std::size_t at = waiting.front();
    waiting.erase(waiting.begin());
    held[at].emplace(std::move(result));
    while (next < held.size() && held[next]) {
      on_result(paths[next], std::move(*held[next]));
      held[next].reset();
      ++next;
    }
    return PoolFlow::Continue;
  });
}

}  // namespace cydex::ingest
