// SPDX-License-Identifier: Apache-2.0
#include "xapian_error.h"

namespace cydex::index {

IndexError to_index_error(const Xapian::Error& error, const std::filesystem::path& dir) {
  // Xapian::Error is not polymorphic; its subclasses are told apart by name.
  const std::string_view type = error.get_type();
  const std::string where = dir.string() + ": ";
  if (type == "DatabaseLockError") {
    return {IndexErrorKind::Locked, where + "index is locked by another cydex process"};
  }
  if (type == "DatabaseCorruptError") {
    return {IndexErrorKind::Corrupt, where + "index is damaged: " + error.get_msg()};
  }
  if (type == "DatabaseNotFoundError") {
    return {IndexErrorKind::NotFound, where + "no index here"};
  }
  if (error.get_error_string() != nullptr) {
    return {IndexErrorKind::Io, where + error.get_msg() + " (" + error.get_error_string() + ")"};
  }
  return {IndexErrorKind::Internal, where + error.get_type() + ": " + error.get_msg()};
}

}  // namespace cydex::index
