// SPDX-License-Identifier: Apache-2.0
#include "result_queue.h"

#include <utility>

namespace cydex::ingest {
namespace {

/// What a result costs besides its texts: paths, metadata, containers.
constexpr std::size_t kResultOverheadBytes = 1024;

}  // namespace

std::size_t result_bytes(const ExtractResult& result) {
  if (!result) return kResultOverheadBytes;
  const corpus::ExtractedDocument& doc = result.value();
  return kResultOverheadBytes + doc.text_size() + doc.prepared.size() +
         doc.mentions.size() * sizeof(corpus::Mention);
}

bool ResultQueue::push(QueuedResult item) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return abandoned_ || items_.empty() || bytes_ + item.bytes <= capacity_bytes_; });
  if (abandoned_) return false;
  bytes_ += item.bytes;
  items_.push_back(std::move(item));
  changed_.notify_all();
  return true;
}

std::optional<QueuedResult> ResultQueue::pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !items_.empty() || closed_ || abandoned_; });
  if (items_.empty() || abandoned_) return std::nullopt;
  QueuedResult item = std::move(items_.front());
  items_.pop_front();
  bytes_ -= item.bytes;
  changed_.notify_all();
  return item;
}

void ResultQueue::close() {
  const std::lock_guard lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

void ResultQueue::abandon() {
  const std::lock_guard lock(mutex_);
  abandoned_ = true;
  items_.clear();
  bytes_ = 0;
  changed_.notify_all();
}

bool ResultQueue::abandoned() const {
  const std::lock_guard lock(mutex_);
  return abandoned_;
}

}  // namespace cydex::ingest
