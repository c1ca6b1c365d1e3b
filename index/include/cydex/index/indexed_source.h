// SPDX-License-Identifier: Apache-2.0
/// @brief IndexedSource: what the index remembers of a file, to tell whether it changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/source_document.h"

namespace cydex::index {

/// The file a document was extracted from, as it was then. Read for every
/// document by `cydex reindex`, so it lives in a value slot, not in the
/// document data.
struct IndexedSource {
  std::string id{};
  std::string path{};
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::string signature{};  ///< SHA-256 of the content, lower-case hex.
};

/// A file that failed to index, remembered so that it is not retried until
/// it changes.
struct RememberedFailure {
  std::string path{};
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
  std::string kind{};    ///< corpus::ErrorKind's name.
  std::string reason{};  ///< The full one-line message.
};

/// "SIZE\tMTIME\tSHA256\tID\tPATH"; the path is last, so that it may hold tabs.
std::string encode_source(const corpus::SourceDocument& source);
/// The first (primary) record of a source slot.
std::optional<IndexedSource> decode_source(const std::string& value);

/// The same record for an IndexedSource.
IndexedSource indexed_source_of(const corpus::SourceDocument& source);
/// Every path of one content, primary first: encode_source() records joined
/// by '\0' (which no path holds). A record's ID is its own path's id; the
/// document's id is the first record's.
std::string encode_sources(const std::vector<IndexedSource>& sources);
/// Every record of a source slot; records that do not parse are left out.
std::vector<IndexedSource> decode_sources(const std::string& value);

/// "SIZE\tMTIME\tKIND\tREASON" (the path is the metadata key's suffix).
std::string encode_failure(const RememberedFailure& failure);
std::optional<RememberedFailure> decode_failure(const std::string& path, const std::string& value);

}  // namespace cydex::index
