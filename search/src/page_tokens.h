// SPDX-License-Identifier: Apache-2.0
/// @brief The words of a stored page, tokenised only around the words asked for.
#pragma once

#include <cstddef>
#include <vector>

#include "cydex/index/analyzer.h"
#include "cydex/index/stored_document.h"

namespace cydex::search {

/// A page's words by index (the index's term positions minus the page's
/// first position), tokenised a block of index::kAnchorWords words at a time
/// from the page's stored anchors: a passage near a match on a 400 KB page
/// costs a few hundred bytes of word breaking, not the page.
///
/// Each block is checked against the anchors (its first word starts at its
/// anchor, and it has kAnchorWords words, or the rest of the page's); a page
/// whose blocks do not agree, or that has no anchors, is tokenised whole.
/// Holds references to `analyzer` and `page`, which must outlive it.
class PageTokens {
 public:
  PageTokens(const index::Analyzer& analyzer, const index::StoredPage& page);

  /// Word `i` of the page, offsets into the page's text; null past the last word.
  const index::Token* at(std::size_t i);
  /// Number of words on the page.
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  void tokenise_block(std::size_t block);
  void tokenise_whole();

  const index::Analyzer* analyzer_;
  const index::StoredPage* page_;
  std::size_t size_ = 0;
  std::vector<std::vector<index::Token>> blocks_{};  ///< Empty until tokenised.
  std::vector<index::Token> whole_{};
  bool use_whole_ = false;
};

}  // namespace cydex::search
