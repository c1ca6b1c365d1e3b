// SPDX-License-Identifier: Apache-2.0
/// @brief TaxonomyRow: one line of a taxonomy file, parsed and checked on its own.
#pragma once

#include <string>
#include <string_view>

#include "cydex/corpus/result.h"
#include "cydex/corpus/taxonomy.h"

namespace cydex::corpus {

enum class RowKind { Label, Alias };

/// A data line of a taxonomy file: `id  kind  lang  text  [options]`.
struct TaxonomyRow {
  std::string id{};
  RowKind kind = RowKind::Alias;
  Alias alias{};              ///< text, language and options of the line.
  bool display_only = false;  ///< Label only: shown to people, never matched.
};

/// Parses one data line (not a comment or blank line). The error is the
/// detail of a TaxonomyError; the caller adds file and line.
Result<TaxonomyRow, std::string> parse_taxonomy_row(std::string_view line);

/// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace cydex::corpus
