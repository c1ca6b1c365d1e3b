// SPDX-License-Identifier: Apache-2.0
/// @brief Catalogue: the librarian's metadata records, read from catalogue.tsv files.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/document_metadata.h"
#include "cydex/corpus/result.h"

namespace cydex::corpus {

/// A problem in a catalogue file, with its location.
struct CatalogueError {
  std::filesystem::path path;
  int line = 0;        ///< 1-based; 0 when the file as a whole is at fault.
  std::string detail;

  [[nodiscard]] std::string message() const;  ///< "path:line: detail"
};

/// The file name a folder's catalogue has.
inline constexpr const char* kCatalogueFileName = "catalogue.tsv";

/// Librarian records keyed by absolute file path.
///
/// Format: UTF-8, tab-separated, a header line naming the columns (`path` is
/// required; `title`, `organisation`, `year`, `date`, `language`, `url`,
/// `authors` (separated by ";") and `notes` are recognised, others ignored),
/// then one row per document. `path` is relative to the catalogue's folder.
/// Lines starting with '#' and blank lines are skipped.
class Catalogue {
 public:
  /// Reads one catalogue file and adds its records. A record for a path that
  /// already has one replaces it. Errors name the file and line; on error
  /// nothing from this file is added.
  Result<int, CatalogueError> load(const std::filesystem::path& file);

  /// The record for `absolute_path`, if the librarian made one.
  [[nodiscard]] std::optional<DocumentMetadata> find(const std::filesystem::path& absolute_path) const;

  [[nodiscard]] std::size_t size() const noexcept { return records_.size(); }

 private:
  std::map<std::filesystem::path, DocumentMetadata> records_;
};

}  // namespace cydex::corpus
