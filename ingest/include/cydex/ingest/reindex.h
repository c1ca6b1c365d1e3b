// SPDX-License-Identifier: Apache-2.0
/// @brief Reindex: keeps an index in step with its root folders, extracting only what changed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cydex/corpus/result.h"
#include "cydex/corpus/source_document.h"
#include "cydex/index/index_error.h"
#include "cydex/index/indexed_source.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/registry.h"

namespace cydex::ingest {

struct ReindexOptions {
  /// Extract again the files remembered as failed even when they have not
  /// changed since (after an upgrade of cydex, say).
  bool retry_failed = false;
};

/// Size and mtime of a file on disk, as the registry records them.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

/// What a scan found, before anything is written. Computing it opens only
/// the files whose size or mtime changed (to compare content hashes).
struct ReindexPlan {
  std::vector<std::filesystem::path> to_extract{};  ///< New and changed files, sorted.
  std::set<std::filesystem::path> known{};           ///< Those of to_extract the index already holds.
  /// Paths to point at a file without extracting it: (old path, file).
  /// Moves (new path, same content) and touches (same path, same content).
  std::vector<std::pair<std::string, corpus::SourceDocument>> repoint{};
  /// Files with the bytes of an indexed document: recorded as one more path
  /// of it, not extracted. Those also in `known` are changed copies.
  std::vector<corpus::SourceDocument> copies{};
  /// Paths whose file is gone; a document goes with its last path.
  std::vector<std::string> remove{};
  std::vector<std::string> forget_failures{};        ///< Paths whose failure record goes (file gone).
  std::vector<index::RememberedFailure> still_failed{};  ///< Unchanged since they failed; not retried.
  std::map<std::filesystem::path, FileStamp> stamps{};   ///< Of every file in to_extract.
  int unchanged = 0;                                 ///< Skipped, touched and moved files.
  int moved = 0;                                     ///< Of which moved or renamed.
  std::vector<std::string> warnings{};
};

/// One file that could not be indexed.
struct ReindexFailure {
  std::string path{};
  std::string reason{};
};

/// What a run did; the counts follow `--report`'s contract.
struct ReindexReport {
  int added = 0;
  int updated = 0;
  int removed = 0;
  int unchanged = 0;
  std::vector<ReindexFailure> failed{};  ///< This run's failures, then remembered ones not retried.
  std::vector<std::string> warnings{};
  std::optional<index::IndexError> fatal{};
};

/// The roots remembered in the index, in the order they were first named.
std::vector<std::filesystem::path> remembered_roots(const index::Writer& writer);
/// Adds `roots` (made absolute) to the remembered ones; durable with the
/// next commit. Returns the full list.
corpus::Result<std::vector<std::filesystem::path>, index::IndexError> remember_roots(
    index::Writer& writer, const std::vector<std::filesystem::path>& roots);

/// Scans `roots` and compares each file with the index. A root that is
/// missing, or empty while the index holds documents under it (an unmounted
/// share), is an error naming the root, and nothing is planned.
corpus::Result<ReindexPlan, std::string> plan_reindex(const std::vector<std::filesystem::path>& roots,
                                                      const index::Writer& writer, const ReindexOptions& options);

/// Carries the plan out: re-points moved and touched paths, records copies,
/// removes vanished paths, then extracts the rest with ingest_paths (same workers,
/// pipeline and catalogue) and records new failures. Every step goes
/// through the writer's batched commits, so a kill at any moment leaves an
/// index at its last commit, and a rerun plans what is left.
ReindexReport apply_reindex(const ReindexPlan& plan, index::Writer& writer, const ExtractorRegistry& registry,
                            const BatchOptions& options);

}  // namespace cydex::ingest
