// SPDX-License-Identifier: Apache-2.0
/// @brief IngestError: why one document could not be (fully) extracted.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace cydex::corpus {

/// What went wrong, from the user's point of view.
enum class ErrorKind {
  Unreadable,   ///< Cannot open or read the file (permissions, vanished, I/O error).
  Unsupported,  ///< Not a format cydex extracts.
  Encrypted,    ///< Needs a password.
  Corrupt,      ///< Damaged beyond what the parser recovers.
  NoTextLayer,  ///< Pages hold images only (a scan); indexed by metadata.
  BadEncoding,  ///< Text whose character encoding cannot be decoded.
  TooLarge,     ///< Over a configured size limit.
  Timeout,      ///< Over the per-file time limit.
  Internal,     ///< A bug in cydex or a library: an unexpected exception.
};

std::string_view to_string(ErrorKind kind) noexcept;

/// A per-document failure. Prints as "path: stage: kind: detail".
struct IngestError {
  std::filesystem::path path;
  std::string stage;   ///< Pipeline step that failed: "read", "detect", "extract", "index".
  ErrorKind kind = ErrorKind::Internal;
  std::string detail;  ///< One line, for a person; no trailing newline.

  [[nodiscard]] std::string message() const;
};

}  // namespace cydex::corpus
