// SPDX-License-Identifier: Apache-2.0
/// @brief StoredDocument: what the index keeps of a document to display it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cydex/corpus/extracted_document.h"

namespace cydex::index {

/// Words between two anchors of a stored page (StoredPage::anchors).
inline constexpr std::size_t kAnchorWords = 64;

/// One page as stored: its text and the term position its first word has.
struct StoredPage {
  int number = 1;
  unsigned first_position = 0;  ///< Term position of the page's first word (Xapian termpos).
  std::string text;
  /// Byte offsets in `text` of words 0, kAnchorWords, 2 * kAnchorWords...
  /// (as Analyzer::tokenize counts them), so that the words around a term
  /// position can be found by tokenising a few hundred bytes instead of the
  /// whole page. Empty for pages stored before anchors existed.
  std::vector<std::uint32_t> anchors{};
  std::uint32_t words = 0;  ///< Words on the page (set with the anchors).
};

/// One mention as stored: which tag, where.
struct StoredMention {
  std::string tag{};
  int page = 1;
  std::size_t start = 0;  ///< Byte offset in that page's text.
  std::size_t end = 0;
};

/// The document data kept in the index (Xapian document data), enough to
/// show a hit, make a snippet and report a page without the source file.
struct StoredDocument {
  std::string id;
  std::string path;                ///< The primary path (paths.front()).
  /// Every path with this content, the primary first: byte-identical files
  /// are indexed once. decode() never leaves it empty.
  std::vector<std::string> paths{};
  std::string format;       ///< "pdf", "html" or "text".
  std::string status;       ///< "ok" or "degraded".
  std::string title;
  std::string organisation;
  std::optional<int> year;
  std::string date;
  std::string language;
  std::string url;
  std::vector<std::string> authors;
  std::vector<std::string> warnings;
  std::vector<StoredPage> pages;
  std::vector<StoredMention> mentions;  ///< In page order, then offset.

  /// Serialises to the compact form stored as Xapian document data.
  [[nodiscard]] std::string encode() const;
  /// Parses encode()'s output; nothing when the bytes are not a stored document.
  static std::optional<StoredDocument> decode(std::string_view bytes);
};

}  // namespace cydex::index
