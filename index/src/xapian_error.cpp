// SPDX-License-Identifier: Apache-2.0
#include "xapian_error.h"

#include <string>

namespace cydex::index {

namespace {

/// "Permission denied" -> "permission denied", to read as the end of a sentence.
std::string reason_text(std::string reason) {
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  return reason;
}

}  // namespace

IndexError to_index_error(const Xapian::Error& error, const std::filesystem::path& dir) {
  // Xapian::Error is not polymorphic; its subclasses are told apart by name.
  const std::string_view type = error.get_type();
  const std::string where = dir.string() + ": ";
  if (type == "DatabaseLockError") {
    // A lock file that cannot be opened (a read-only index) is not a lock
    // held by someone else; Xapian says why after the last ": ".
    const std::string& message = error.get_msg();
    constexpr std::string_view kOpenFailed = "Couldn't open lockfile: ";
    if (const std::size_t at = message.find(kOpenFailed); at != std::string::npos) {
      return {IndexErrorKind::Io,
              where + "cannot write the index: " + reason_text(message.substr(at + kOpenFailed.size()))};
    }
    return {IndexErrorKind::Locked, where + "index is locked by another cydex process"};
  }
  if (type == "DatabaseCorruptError") {
    return {IndexErrorKind::Corrupt, where + "index is damaged: " + error.get_msg()};
  }
  if (type == "DatabaseNotFoundError") {
    return {IndexErrorKind::NotFound, where + "no index here"};
  }
  if (error.get_error_string() != nullptr) {
    // Disk full, file too large (a size limit), permission denied: the
    // reason first, Xapian's own words after it.
    return {IndexErrorKind::Io, where + reason_text(error.get_error_string()) + " (" + error.get_msg() + ")"};
  }
  return {IndexErrorKind::Internal, where + error.get_type() + ": " + error.get_msg()};
}

}  // namespace cydex::index
