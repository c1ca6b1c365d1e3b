// SPDX-License-Identifier: Apache-2.0
/// @brief What add, meta and rm share: checking metadata values, finding a file's catalogue, naming a document.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cydex/corpus/result.h"
#include "cydex/search/search_types.h"

namespace cydex::cli {

/// One catalogue cell to write: the column and the checked, normalised value.
struct FieldEdit {
  std::string column{};
  std::string value{};  ///< Empty clears the cell.
};

/// The catalogue column a metadata key names: org/organisation, year,
/// date, title, lang/language, url, authors, notes. Nothing for another key.
std::optional<std::string> column_for_key(const std::string& key);

/// Checks `value` for `key`: a year is four digits, a date YYYY, YYYY-MM or
/// YYYY-MM-DD, a language a BCP 47 tag ("en", "pt-BR"; written in its usual
/// case), a URL starts with http:// or https://; no value may hold a tab or a
/// line break. The error is one line for the user.
corpus::Result<FieldEdit, std::string> check_field(const std::string& key, const std::string& value);

/// The remembered root that holds `file`, the deepest when roots nest.
std::optional<std::filesystem::path> root_containing(const std::filesystem::path& file,
                                                     const std::vector<std::filesystem::path>& roots);

/// The catalogue.tsv a record of `file` belongs in: the nearest catalogue
/// in its folder or above (up to its root) that already has a row for it;
/// else the catalogue of the root that holds it; else (under no root) the
/// catalogue of its own folder. The file need not exist yet.
std::filesystem::path catalogue_for(const std::filesystem::path& file, const std::vector<std::filesystem::path>& roots);

/// What `cydex show` looks a DOC up by: an operand with a '/' or naming an
/// existing file is a path (made absolute), else an id or id prefix.
std::string document_key(const std::string& operand);

/// A document's record for the librarian to check: title, organisation,
/// year, language, format and pages, tags with counts, warnings.
void print_summary(const search::DocumentView& doc, std::ostream& out);
nlohmann::ordered_json summary_json(const search::DocumentView& doc);

/// Absolute and lexically normal.
std::filesystem::path absolute_path(const std::filesystem::path& path);

}  // namespace cydex::cli
