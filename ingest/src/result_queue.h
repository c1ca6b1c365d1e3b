// SPDX-License-Identifier: Apache-2.0
/// @brief ResultQueue: extraction results handed from the worker pool's thread to the index writer's.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>

#include "cydex/index/prepared_document.h"
#include "cydex/ingest/pipeline.h"

namespace cydex::ingest {

/// One file's result on its way to the writer.
struct QueuedResult {
  std::filesystem::path path;
  ExtractResult result;
  /// The result's prepared form, decoded off the writer's thread (its
  /// `prepared` bytes are then cleared); empty when there is none.
  index::UnpackedDocument unpacked{};
  std::size_t bytes = 0;  ///< Approximate memory the result holds (texts and the prepared document).
};

/// The approximate memory `result` holds, for the queue's bound.
std::size_t result_bytes(const ExtractResult& result);

/// A bounded queue between one producer (the thread running the worker
/// pool) and one consumer (the thread writing the index), so that workers
/// keep extracting while the writer commits a batch. It holds at most
/// `capacity_bytes` of results, but always at least one, however large:
/// when it is full, push() waits, and the workers wait with it.
class ResultQueue {
 public:
  explicit ResultQueue(std::size_t capacity_bytes) : capacity_bytes_(capacity_bytes) {}
  ResultQueue(const ResultQueue&) = delete;
  ResultQueue& operator=(const ResultQueue&) = delete;

  /// Adds a result, waiting while the queue is full. False, with the result
  /// dropped, once the consumer has abandoned the queue.
  bool push(QueuedResult item);
  /// The oldest result, waiting while the queue is empty; nothing once the
  /// producer has closed the queue and every result was taken.
  std::optional<QueuedResult> pop();
  /// Producer: no more results will come.
  void close();
  /// Consumer: no more results are wanted; push() refuses from now on and
  /// results still queued are dropped.
  void abandon();
  /// Whether the consumer abandoned the queue.
  [[nodiscard]] bool abandoned() const;

 private:
  const std::size_t capacity_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<QueuedResult> items_;
  std::size_t bytes_ = 0;    ///< Sum of the queued items' bytes.
  bool closed_ = false;      ///< Set by close().
  bool abandoned_ = false;   ///< Set by abandon().
};

}  // namespace cydex::ingest
