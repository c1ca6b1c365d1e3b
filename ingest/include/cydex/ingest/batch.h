// SPDX-License-Identifier: Apache-2.0
/// @brief Batch ingestion: files in, index out, one report.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/ingest_error.h"
#include "cydex/corpus/organisation_names.h"
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
  /// Of indexed: byte-identical copies of an indexed document, recorded as
  /// further paths of it instead of being indexed twice.
  int duplicates = 0;
  std::vector<corpus::IngestError> failed;    ///< One entry per file that could not be indexed.
  std::vector<std::string> warnings;          ///< Catalogue and discovery problems, one line each.
  std::optional<index::IndexError> fatal;     ///< Set when the run stopped early.
  double seconds = 0;
};

/// Limits on each extraction worker process (see WorkerPool in ingest/src).
struct WorkerLimits {
  /// Wall time one file may take; the worker is then killed and the file
  /// reported as Timeout. Zero for no limit.
  std::chrono::seconds timeout{120};
  /// Address space of each worker (RLIMIT_AS), in MiB; a file that needs
  /// more is reported as TooLarge (or as a crash, when a library aborts).
  /// Zero for no limit.
  std::uint64_t memory_limit_mb = 2048;
};

struct BatchOptions {
  ReadOptions read{};
  const Tagger* tagger = nullptr;  ///< Tags each document when set.
  /// Gives organisations their display name when set (see librarian_records.h).
  const corpus::OrganisationNames* organisations = nullptr;
  /// Extraction worker processes; 0 for one per core. Even one worker runs
  /// in its own process, so that a crash or a hang costs one file.
  unsigned jobs = 0;
  WorkerLimits limits{};
  std::function<void(const DocumentOutcome&, std::size_t done, std::size_t total)> on_progress{};
};

/// Ingests files and folders: discovers files, applies catalogue records
/// (which override the files' own metadata), extracts, and writes each
/// document. A failure of one file is recorded and the batch goes on; an
/// index failure (disk full) commits what it can and stops the run.
///
/// Extraction runs in `options.jobs` worker processes forked at the start,
/// so the caller must not have started any thread. The index is written on
/// a second thread, which takes results from a bounded queue while the
/// calling thread runs the workers: extraction goes on during a commit.
/// Documents are written in the order their extraction completes;
/// on_progress is called once per file, on the writing thread, in order.
/// `writer` is used only by that thread until ingest_paths returns.
BatchReport ingest_paths(const std::vector<std::filesystem::path>& paths, index::Writer& writer,
                         const ExtractorRegistry& registry, const BatchOptions& options);

/// Runs one file through the pipeline in one worker process under `limits`,
/// as ingest_paths would: a file that hangs comes back as Timeout, one that
/// crashes the extractor as Internal. Same threading rule as ingest_paths.
ExtractResult extract_isolated(const Pipeline& pipeline, const std::filesystem::path& path,
                               const WorkerLimits& limits);

/// Called once per file by extract_paths, with the path as it was named.
using ExtractHandler = std::function<void(const std::filesystem::path& path, ExtractResult result)>;

/// Runs files through the pipeline in `jobs` worker processes (0 for one
/// per core, never more than there are files) under `limits`, without an
/// index: what `cydex extract` does with several files. `on_result` is called
/// in the calling process, in the order the files were named. Same
/// threading rule as ingest_paths.
void extract_paths(const Pipeline& pipeline, const std::vector<std::filesystem::path>& paths, unsigned jobs,
                   const WorkerLimits& limits, const ExtractHandler& on_result);

}  // namespace cydex::ingest
