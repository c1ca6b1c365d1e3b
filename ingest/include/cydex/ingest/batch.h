// SPDX-License-Identifier: Apache-2.0
/// @brief Batch ingestion: files in, index out, one report.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "cydex/corpus/ingest_error.h"
#include "cydex/index/index_error.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/pipeline.h"
#include "cydex/ingest/registry.h"

namespace cydex::ingest {

/// One document's outcome, for progress display.
struct DocumentOutcome {
  std::filesystem::path path;
  bool indexed = false;
  bool degraded = false;
};

/// What a batch did. Every file named or found appears in exactly one of
/// `indexed` (counted) or `failed`.
struct BatchReport {
  int indexed = 0;
  int degraded = 0;                           ///< Indexed with warnings (subset of indexed).
  std::vector<corpus::IngestError> failed;    ///< One entry per file that could not be indexed.
  std::vector<std::string> warnings;          ///< Catalogue and discovery problems, one line each.
  std::optional<index::IndexError> fatal;     ///< Set when the run stopped early.
  double seconds = 0;
};

struct BatchOptions {
  ReadOptions read{};
  const Tagger* tagger = nullptr;  ///< Tags each document when set.
  std::function<void(const DocumentOutcome&, std::size_t done, std::size_t total)> on_progress{};
};

/// Ingests files and folders: discovers files, applies catalogue records
/// (which override the files' own metadata), extracts, and writes each
/// document. A failure of one file is recorded and the batch goes on; an
/// index failure (disk full) commits what it can and stops the run.
BatchReport ingest_paths(const std::vector<std::filesystem::path>& paths, index::Writer& writer,
                         const ExtractorRegistry& registry, const BatchOptions& options);

}  // namespace cydex::ingest
