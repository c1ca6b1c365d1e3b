// SPDX-License-Identifier: Apache-2.0
/// @brief The extraction options shared by ingest and reindex: --jobs, --timeout, --memory-limit.
#pragma once

#include <optional>
#include <string>

#include "arguments.h"
#include "cydex/ingest/batch.h"

namespace cydex::cli {

/// Reads --jobs, --timeout and --memory-limit into `options`; the error is
/// one line for the user.
std::optional<std::string> read_worker_options(const Arguments& arguments, ingest::BatchOptions& options);

}  // namespace cydex::cli
