// SPDX-License-Identifier: Apache-2.0
/// @brief The per-file pipeline: extract, clean, tag. What one worker does with one file.
#pragma once

#include <filesystem>

#include "cydex/ingest/extractor.h"
#include "cydex/ingest/registry.h"
#include "cydex/ingest/tagger.h"

namespace cydex::ingest {

/// The stages and settings a file goes through; shared read-only by workers.
struct Pipeline {
  const ExtractorRegistry* registry = nullptr;  ///< Required.
  const Tagger* tagger = nullptr;               ///< Optional: no tagging when null.
  ReadOptions read{};
};

/// Extracts the file and tags its pages. Never throws: an exception from a
/// library becomes an Internal error naming the file.
ExtractResult process_file(const Pipeline& pipeline, const std::filesystem::path& path);

}  // namespace cydex::ingest
