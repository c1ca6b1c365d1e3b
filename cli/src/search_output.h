// SPDX-License-Identifier: Apache-2.0
/// @brief Search results as text for a person, 80 columns wide, and as CSV for a spreadsheet.
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
  std::string order{};           ///< How hits are sorted when not by relevance ("newest first").
};

/// Every line fits in 80 columns: snippets wrap at words (a longer word is
/// cut), titles, organisations and paths are shortened with "…" (a path
/// keeps its file name).
void print_search_result(const search::SearchResult& result, const TextStyle& style, std::ostream& out);

/// RFC 4180 CSV, UTF-8, CRLF line ends: a header row
/// rank,score,id,title,organisation,year,language,format,page,path,snippet
/// and one row per hit; fields with a comma, quote, CR or LF are quoted and
/// their quotes doubled. Snippets are plain text.
void print_search_csv(const search::SearchResult& result, std::ostream& out);

/// One CSV field per RFC 4180.
std::string csv_field(const std::string& text);

}  // namespace cydex::cli
