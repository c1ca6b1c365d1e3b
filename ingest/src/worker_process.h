// SPDX-License-Identifier: Apache-2.0
/// @brief WorkerProcess: one forked extraction worker and the parent's end of its channel.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "cydex/corpus/result.h"
#include "cydex/ingest/pipeline.h"

namespace cydex::ingest {

/// Limits applied inside each worker process.
struct WorkerSettings {
  std::uint64_t memory_limit_mb = 0;  ///< Address-space limit (RLIMIT_AS) in MiB; 0 for none.
};

/// The descriptor of the channel inside a worker process (after fork, every
/// descriptor above the standard three is closed and the channel moved here).
inline constexpr int kWorkerFd = 3;

/// Exit status of a worker that ran out of memory outside the per-document
/// catch-all (while encoding its result); the parent reports it as TooLarge.
inline constexpr int kWorkerOutOfMemoryExit = 75;

/// A worker process: forked from the parent, it reads file paths from its
/// channel (a Unix stream socket pair), runs process_file() on each and
/// writes back the encoded ExtractResult, one frame per file, until the
/// parent closes the channel.
///
/// The worker inherits the pipeline (registry, tagger, options) by fork, so
/// nothing but paths and results cross the channel. Move-only; destroying a
/// WorkerProcess that still runs kills it and reaps it, so no zombie stays.
class WorkerProcess {
 public:
  /// What receive() found.
  enum class ReadState {
    Waiting,   ///< Part of the result (or nothing) has arrived so far.
    Complete,  ///< A whole result is ready for take_payload().
    Closed,    ///< The worker closed its end: it exited or died.
  };

  /// Forks a worker. Must be called while the process has a single thread
  /// (fork copies only the calling thread, so a lock held by another thread
  /// would stay locked forever in the child). The error is errno's text.
  static corpus::Result<WorkerProcess, std::string> spawn(const Pipeline& pipeline,
                                                          const WorkerSettings& settings);

  WorkerProcess(WorkerProcess&& other) noexcept;
  WorkerProcess& operator=(WorkerProcess&& other) noexcept;
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;
  ~WorkerProcess();

  [[nodiscard]] pid_t pid() const { return pid_; }
  /// The parent's end of the channel, for poll().
  [[nodiscard]] int fd() const { return fd_; }

  /// Sends one path. False when the worker is gone (EPIPE; never SIGPIPE).
  [[nodiscard]] bool send(const std::filesystem::path& path);

  /// Reads whatever has arrived, without blocking.
  ReadState receive();

  /// The payload of the completed frame; the buffer is then empty again.
  std::string take_payload();

  /// Kills the worker (SIGKILL) and reaps it; returns its wait status.
  int kill_and_reap();

  /// Closes the channel, so the worker leaves its loop, and reaps it;
  /// returns its wait status.
  int close_and_reap();

 private:
  WorkerProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
  void release() noexcept;
  int reap() noexcept;

  pid_t pid_ = -1;
  int fd_ = -1;
  std::string buffer_;  ///< Bytes of the result frame received so far.
};

/// Describes how a worker ended, from its wait status: "signal 11: SIGSEGV",
/// "exit status 70".
std::string describe_wait_status(int status);

}  // namespace cydex::ingest
