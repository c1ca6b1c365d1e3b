// SPDX-License-Identifier: Apache-2.0
/// @brief Search results as text for a person, 80 columns wide.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <string>

#include "cydex/search/search_types.h"

namespace cydex::cli {

struct TextStyle {
  bool bold_highlights = false;  ///< ANSI bold for matched words (a terminal, NO_COLOR unset).
  std::filesystem::path base{};  ///< Paths under this folder print relative to it.
  int facet_lines = 8;           ///< Values shown per facet; "… N more" says what is left out.
  std::map<std::string, std::string> labels{};  ///< Tag id -> label, shown beside tag facet values.
};

void print_search_result(const search::SearchResult& result, const TextStyle& style, std::ostream& out);

}  // namespace cydex::cli
