// SPDX-License-Identifier: Apache-2.0
/// @brief IndexedSource: what the index remembers of a file, to tell whether it changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
std::optional<IndexedSource> decode_source(const std::string& value);

/// "SIZE\tMTIME\tKIND\tREASON" (the path is the metadata key's suffix).
std::string encode_failure(const RememberedFailure& failure);
std::optional<RememberedFailure> decode_failure(const std::string& path, const std::string& value);

}  // namespace cydex::index
