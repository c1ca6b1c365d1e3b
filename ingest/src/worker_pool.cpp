// SPDX-License-Identifier: Apache-2.0
#include "worker_pool.h"

#include <poll.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <limits>

#include "dehyphenation_evidence.h"
#include "wire_codec.h"

namespace cydex::ingest {
namespace {

using Clock = std::chrono::steady_clock;

corpus::IngestError extract_error(const std::filesystem::path& path, corpus::ErrorKind kind, std::string detail) {
  return corpus::IngestError{path, "extract", kind, std::move(detail)};
}

}  // namespace

WorkerPool::WorkerPool(const Pipeline& pipeline, const PoolOptions& options)
    : pipeline_(&pipeline), options_(options), slots_(std::max<std::size_t>(options.workers, 1)) {
  // Several workers would each read the spelling word lists of the
  // dehyphenator (about 0.1 s): read them once, here, and fork them along.
  if (slots_.size() > 1) WordLists::system().preload();
  // All workers are forked now, while the caller is still single-threaded;
  // replacements are forked later by run(), through the fork gate.
  for (Slot& slot : slots_) spawn(slot);
}

WorkerPool::~WorkerPool() { stop_all(); }

void WorkerPool::respawn(Slot& slot) {
  if (options_.fork_gate == nullptr) {
    spawn(slot);
    return;
  }
  const std::lock_guard gate(*options_.fork_gate);
  spawn(slot);
}

void WorkerPool::spawn(Slot& slot) {
  slot.worker.reset();
  auto spawned = WorkerProcess::spawn(*pipeline_, options_.worker);
  if (spawned) {
    slot.worker.emplace(std::move(spawned).value());
    spawn_error_.clear();
  } else {
    spawn_error_ = std::move(spawned).error();
  }
}

void WorkerPool::stop_all() {
  for (Slot& slot : slots_) {
    if (!slot.worker) continue;
    // An idle worker leaves its loop when its channel closes; a busy one
    // may be stuck in the very file it was given, so it is killed.
    if (slot.job) {
      slot.worker->kill_and_reap();
    } else {
      slot.worker->close_and_reap();
    }
    slot.worker.reset();
    slot.job.reset();
  }
}

corpus::IngestError WorkerPool::worker_lost(Slot& slot, const std::filesystem::path& path, int status) const {
  slot.worker.reset();
  slot.job.reset();
  if (WIFEXITED(status) && WEXITSTATUS(status) == kWorkerOutOfMemoryExit) {
    const std::uint64_t limit = options_.worker.memory_limit_mb;
    return extract_error(path, corpus::ErrorKind::TooLarge,
                         limit > 0 ? "extractor ran out of memory (limit " + std::to_string(limit) + " MB)"
                                   : std::string("extractor ran out of memory"));
  }
  if (WIFSIGNALED(status)) {
    return extract_error(path, corpus::ErrorKind::Internal,
                         "extractor crashed (" + describe_wait_status(status) + ")");
  }
  return extract_error(path, corpus::ErrorKind::Internal,
                       "extractor exited unexpectedly (" + describe_wait_status(status) + ")");
}

int WorkerPool::poll_timeout_ms() const {
  if (options_.timeout.count() == 0) return -1;
  const Clock::time_point now = Clock::now();
  auto wait = std::chrono::milliseconds(std::numeric_limits<int>::max());
  for (const Slot& slot : slots_) {
    if (!slot.job) continue;
    // Rounded up, so the loop wakes after the deadline, not just before it.
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(slot.deadline - now);
    wait = std::min(wait, std::max(left, std::chrono::milliseconds(0)));
  }
  return static_cast<int>(wait.count());
}

void WorkerPool::deliver(Run& run, const std::filesystem::path& path, ExtractResult result) {
  if (!run.stopping && (*run.on_result)(path, std::move(result)) == PoolFlow::Stop) run.stopping = true;
}

void WorkerPool::dispatch(Run& run) {
  const std::vector<std::filesystem::path>& paths = *run.paths;
  for (Slot& slot : slots_) {
    if (run.next >= paths.size() || run.stopping) break;
    if (slot.job) continue;
    if (!slot.worker) respawn(slot);  // the replacement for a worker that was lost
    if (!slot.worker) continue;
    slot.job = run.next++;
    slot.deadline = Clock::now() + options_.timeout;
    if (!slot.worker->send(paths[*slot.job])) {
      const std::filesystem::path& path = paths[*slot.job];
      const int status = slot.worker->kill_and_reap();
      deliver(run, path, corpus::Unexpected(worker_lost(slot, path, status)));
    }
  }
}

void WorkerPool::collect(Run& run, Slot& slot) {
  const std::filesystem::path& path = (*run.paths)[*slot.job];
  const WorkerProcess::ReadState state = slot.worker->receive();
  if (state == WorkerProcess::ReadState::Waiting) return;
  if (state == WorkerProcess::ReadState::Closed) {
    const int status = slot.worker->close_and_reap();
    deliver(run, path, corpus::Unexpected(worker_lost(slot, path, status)));
    return;
  }
  slot.job.reset();
  DecodeResult decoded = decode_result(slot.worker->take_payload());
  if (decoded) {
    // The worker gets its next file before the result is handed on, so it
    // extracts while the writer adds this one (and perhaps commits).
    dispatch(run);
    deliver(run, path, std::move(decoded).value());
    return;
  }
  // The channel is out of step; this worker cannot be trusted with more.
  slot.worker->kill_and_reap();
  slot.worker.reset();
  deliver(run, path,
          corpus::Unexpected(extract_error(path, corpus::ErrorKind::Internal,
                                           "garbled result from extractor: " + decoded.error().detail)));
}

void WorkerPool::wait_for_results(Run& run) {
  // Idle workers are watched too: one that dies between files (the kernel's
  // out-of-memory killer) is replaced without charging the next file.
  std::vector<pollfd> fds;
  std::vector<Slot*> watched;
  for (Slot& slot : slots_) {
    if (!slot.worker) continue;
    fds.push_back(pollfd{.fd = slot.worker->fd(), .events = POLLIN, .revents = 0});
    watched.push_back(&slot);
  }
  // On EINTR the loop simply comes round again; the deadlines are absolute.
  if (::poll(fds.data(), fds.size(), poll_timeout_ms()) <= 0) return;
  for (std::size_t i = 0; i < watched.size() && !run.stopping; ++i) {
    Slot& slot = *watched[i];
    if (fds[i].revents == 0) continue;
    if (slot.job) {
      collect(run, slot);
    } else {
      slot.worker->close_and_reap();
      slot.worker.reset();
    }
  }
}

void WorkerPool::enforce_deadlines(Run& run) {
  if (options_.timeout.count() == 0) return;
  const Clock::time_point now = Clock::now();
  for (Slot& slot : slots_) {
    if (run.stopping || !slot.job || now < slot.deadline) continue;
    collect(run, slot);  // it may have finished while the parent was busy writing the index
    if (!slot.job) continue;
    const std::filesystem::path& path = (*run.paths)[*slot.job];
    slot.worker->kill_and_reap();
    slot.worker.reset();
    slot.job.reset();
    deliver(run, path,
            corpus::Unexpected(extract_error(path, corpus::ErrorKind::Timeout,
                                             "extraction took longer than " +
                                                 std::to_string(options_.timeout.count()) + " s")));
  }
}

void WorkerPool::fail_remaining(Run& run) {
  while (!run.stopping && run.next < run.paths->size()) {
    const std::filesystem::path& path = (*run.paths)[run.next++];
    deliver(run, path,
            corpus::Unexpected(extract_error(path, corpus::ErrorKind::Internal,
                                             "cannot start an extraction worker: " + spawn_error_)));
  }
}

void WorkerPool::run(const std::vector<std::filesystem::path>& paths, const ResultHandler& on_result) {
  Run run{.paths = &paths, .on_result = &on_result};
  while (!run.stopping) {
    dispatch(run);
    const bool in_flight =
        std::any_of(slots_.begin(), slots_.end(), [](const Slot& slot) { return slot.job.has_value(); });
    if (!in_flight) {
      // A worker lost while taking a file is replaced on the next round.
      if (run.next < paths.size() && spawn_error_.empty()) continue;
      // Otherwise all is done, or no worker can be forked.
      fail_remaining(run);
      break;
    }
    wait_for_results(run);
    enforce_deadlines(run);
  }
  // After a stop, files in flight are abandoned: their workers are killed
  // now rather than left to finish work nobody will read.
  for (Slot& slot : slots_) {
    if (!slot.job) continue;
    slot.worker->kill_and_reap();
    slot.worker.reset();
    slot.job.reset();
  }
}

}  // namespace cydex::ingest
