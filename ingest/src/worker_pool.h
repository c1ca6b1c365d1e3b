// SPDX-License-Identifier: Apache-2.0
/// @brief WorkerPool: extraction in N worker processes, with a time limit per file and crash isolation.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cydex/ingest/pipeline.h"
#include "worker_process.h"

namespace cydex::ingest {

struct PoolOptions {
  std::size_t workers = 1;              ///< Worker processes; at least one is started.
  std::chrono::seconds timeout{0};      ///< Per file; a worker over it is killed. Zero for none.
  WorkerSettings worker{};              ///< Limits inside each worker.
  /// Held while a replacement worker is forked, when set. A caller whose
  /// other thread consumes the results holds it while that thread works on
  /// one, so that no fork copies the process in the middle of that work
  /// (with a lock of its libraries taken). Not taken for the first workers,
  /// which are forked before any other thread exists.
  std::mutex* fork_gate = nullptr;
};

/// What the consumer of results wants next.
enum class PoolFlow {
  Continue,
  Stop,  ///< Hand out no more files; results in flight are dropped.
};

/// Called in the parent once per file, in the order results complete, with
/// the path as it was handed to run().
using ResultHandler = std::function<PoolFlow(const std::filesystem::path& path, ExtractResult result)>;

/// Runs the pipeline over files in worker processes, so that a file that
/// makes a library spin, exhaust memory or crash costs that file only.
///
/// run() works on the thread that made the pool: it hands out paths, waits
/// on the workers' channels with poll(), and kills a worker that exceeds
/// the time limit. A worker dies with that thread (PR_SET_PDEATHSIG). A worker that is killed or dies is reported against its file as
/// an IngestError (Timeout, TooLarge or Internal; stage "extract"), the file
/// is not retried, and a new worker is forked in its place. All workers are
/// reaped by run() and by the destructor, so no zombie is left.
class WorkerPool {
 public:
  /// Forks the workers. Call before the process starts any thread.
  WorkerPool(const Pipeline& pipeline, const PoolOptions& options);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  /// Extracts every path and passes each result to `on_result`. Every path
  /// gets exactly one result unless `on_result` asks to stop. When no
  /// worker can be forked at all, the remaining files fail as Internal
  /// errors naming the reason.
  void run(const std::vector<std::filesystem::path>& paths, const ResultHandler& on_result);

 private:
  /// One worker and the file it is working on.
  struct Slot {
    std::optional<WorkerProcess> worker{};
    std::optional<std::size_t> job{};  ///< Index into the paths of run().
    std::chrono::steady_clock::time_point deadline{};
  };

  /// The state of one run() call.
  struct Run {
    const std::vector<std::filesystem::path>* paths = nullptr;
    const ResultHandler* on_result = nullptr;
    std::size_t next = 0;   ///< The first path not yet handed out.
    bool stopping = false;  ///< on_result asked to stop.
  };

  void dispatch(Run& run);
  void wait_for_results(Run& run);
  void collect(Run& run, Slot& slot);
  void enforce_deadlines(Run& run);
  void fail_remaining(Run& run);
  static void deliver(Run& run, const std::filesystem::path& path, ExtractResult result);
  /// Forks a worker into `slot`, replacing any it had.
  void spawn(Slot& slot);
  /// spawn() through the fork gate.
  void respawn(Slot& slot);
  [[nodiscard]] corpus::IngestError worker_lost(Slot& slot, const std::filesystem::path& path, int status) const;
  [[nodiscard]] int poll_timeout_ms() const;
  void stop_all();

  const Pipeline* pipeline_;
  PoolOptions options_;
  std::vector<Slot> slots_;
  std::string spawn_error_;  ///< Why the last fork failed; empty after a fork that worked.
};

}  // namespace cydex::ingest
