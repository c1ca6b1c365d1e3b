// SPDX-License-Identifier: Apache-2.0
/// @brief Reading order of one PDF page from its positioned words: lines, blocks, columns.
#pragma once

#include <string>
#include <vector>

namespace cydex::ingest {

/// One word as the PDF library reports it. Coordinates are in points on the
/// displayed page, origin top left, y growing downwards.
struct PositionedWord {
  std::string text{};  ///< UTF-8, as printed (a hyphen at a line end included).
  double left{};
  double top{};
  double right{};
  double bottom{};
  double font_size{};  ///< Points; 0 when unknown.
  int rotation{};      ///< Writing direction in quarter turns clockwise (0: left to right).
  bool space_after{};  ///< The library saw a space after this word on its line.
};

/// The page's text in reading order, or the reason it could not be trusted.
struct PageLayout {
  /// Lines separated by '\n', blocks by an empty line. A word split at a
  /// line end keeps its hyphen; dehyphenation decides later. Empty when not
  /// confident.
  std::string text{};
  /// False when the words do not form a layout this analysis reads reliably
  /// (a table grid, mostly vertical text): the caller uses another reader.
  bool confident{};
  std::string doubt{};  ///< Why not confident, for debugging; empty when confident.
  int columns{};        ///< Most text columns found side by side.
  /// The text set clearly larger than the body text (a title on a cover
  /// page), its lines joined by spaces; empty when nothing stands out.
  std::string prominent{};
};

/// Groups words into lines and blocks, cuts the page recursively along
/// horizontal and vertical white space (headers above columns, columns left
/// to right), and moves small print that sits between body blocks (figure
/// captions, side notes) after the body text so it never splits a sentence.
/// `page_width` and `page_height` are the displayed page's size in points.
[[nodiscard]] PageLayout lay_out_page(std::vector<PositionedWord> words, double page_width, double page_height);

}  // namespace cydex::ingest
