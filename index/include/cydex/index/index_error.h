// SPDX-License-Identifier: Apache-2.0
/// @brief IndexError: run-level failures of the index (missing, locked, damaged, disk full).
#pragma once

#include <string>
#include <string_view>

namespace cydex::index {

enum class IndexErrorKind {
  NotFound,  ///< No index at the location.
  Locked,    ///< Another process holds the write lock.
  Corrupt,   ///< The database cannot be read.
  Io,        ///< The filesystem refused (permissions, disk full).
  Internal,  ///< Anything else Xapian reported.
};

std::string_view to_string(IndexErrorKind kind) noexcept;

struct IndexError {
  IndexErrorKind kind = IndexErrorKind::Internal;
  std::string detail;  ///< One line for a person, names the index path.
};

}  // namespace cydex::index
