// SPDX-License-Identifier: Apache-2.0
/// @brief The options shared by ingest and reindex: --jobs, --timeout, --memory-limit, --batch-size.
#pragma once

#include <optional>
#include <string>

#include "arguments.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/batch.h"

namespace cydex::cli {

/// Reads --jobs, --timeout and --memory-limit into `options`; the error is
/// one line for the user.
std::optional<std::string> read_worker_options(const Arguments& arguments, ingest::BatchOptions& options);

/// Reads --batch-size (documents per commit) into `options`; the error is
/// one line for the user.
std::optional<std::string> read_writer_options(const Arguments& arguments, index::WriterOptions& options);

}  // namespace cydex::cli
