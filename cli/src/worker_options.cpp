// SPDX-License-Identifier: Apache-2.0
#include "worker_options.h"

#include <chrono>
#include <cstdint>

namespace cydex::cli {

std::optional<std::string> read_worker_options(const Arguments& arguments, ingest::BatchOptions& options) {
  if (const auto jobs = arguments.value("jobs")) {
    auto value = parse_int("jobs", *jobs, 1, 1024);
    if (!value) return value.error();
    options.jobs = static_cast<unsigned>(*value);
  }
  if (const auto timeout = arguments.value("timeout")) {
    auto value = parse_int("timeout", *timeout, 0, 604800);
    if (!value) return value.error();
    options.limits.timeout = std::chrono::seconds(*value);
  }
  if (const auto memory = arguments.value("memory-limit")) {
    auto value = parse_int("memory-limit", *memory, 0, 1 << 20);
    if (!value) return value.error();
    options.limits.memory_limit_mb = static_cast<std::uint64_t>(*value);
  }
  return std::nullopt;
}

std::optional<std::string> read_writer_options(const Arguments& arguments, index::WriterOptions& options) {
  if (const auto batch = arguments.value("batch-size")) {
    auto value = parse_int("batch-size", *batch, 1, 1000000);
    if (!value) return value.error();
    options.batch_size = *value;
  }
  return std::nullopt;
}

}  // namespace cydex::cli
