// SPDX-License-Identifier: Apache-2.0
/// @brief CatalogueFile: edits one catalogue.tsv row by row, keeping everything else as written.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/result.h"

namespace cydex::corpus {

/// One catalogue.tsv, held as its lines so that `cydex add`, `cydex meta`
/// and `cydex rm` change only the row of one file: comments, blank lines,
/// the order of rows and columns, unknown columns and every other row stay
/// byte for byte as the librarian wrote them. A column the edit needs
/// (`notes`, `excluded`) is added at the end of the header; shorter rows
/// are fine (missing cells are empty).
class CatalogueFile {
 public:
  /// Reads `file`; a missing file is an empty catalogue with the standard
  /// header, created by save(). Errors (unreadable, no header, no `path`
  /// column) name the file and line.
  static Result<CatalogueFile, CatalogueError> open(const std::filesystem::path& file);

  [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }
  /// The folder rows' paths are relative to.
  [[nodiscard]] std::filesystem::path folder() const { return file_.parent_path(); }

  /// The cells of `absolute_path`'s row by column name (empty cells left
  /// out), or nothing when it has no row.
  [[nodiscard]] std::optional<std::map<std::string, std::string>> row(const std::filesystem::path& absolute_path) const;

  /// Sets one cell of `absolute_path`'s row, adding the row (path relative
  /// to the catalogue's folder) and the column when absent. An empty value
  /// clears the cell. The value must hold no tab or line break.
  void set(const std::filesystem::path& absolute_path, const std::string& column, const std::string& value);

  /// Writes the catalogue through a temporary file renamed into place, so a
  /// crash leaves the old or the new file, never half of one.
  Result<int, CatalogueError> save() const;

 private:
  struct Line {
    std::string raw{};                 ///< As read; written back unless `edited`.
    std::vector<std::string> cells{};  ///< Data rows only.
    bool data = false;                 ///< A row (not a comment, blank line or the header).
    bool edited = false;
  };
  /// Index into lines_ of the row for `absolute_path`, or npos.
  [[nodiscard]] std::size_t find_line(const std::filesystem::path& absolute_path) const;
  std::size_t column_index(const std::string& column);

  std::filesystem::path file_{};
  std::vector<Line> lines_{};
  std::size_t header_ = 0;             ///< Index of the header in lines_.
  std::vector<std::string> columns_{};
  bool header_edited_ = false;
};

}  // namespace cydex::corpus
