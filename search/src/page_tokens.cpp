// SPDX-License-Identifier: Apache-2.0
#include "page_tokens.h"

#include <string_view>

namespace cydex::search {

PageTokens::PageTokens(const index::Analyzer& analyzer, const index::StoredPage& page)
    : analyzer_(&analyzer), page_(&page) {
  const std::size_t expected_blocks = (page.words + index::kAnchorWords - 1) / index::kAnchorWords;
  if (page.anchors.empty() || page.anchors.size() != expected_blocks) {
    tokenise_whole();
    return;
  }
  size_ = page.words;
  blocks_.resize(page.anchors.size());
}

void PageTokens::tokenise_whole() {
  whole_ = analyzer_->tokenize(page_->text);
  size_ = whole_.size();
  // Blocks read so far stay: a caller may still hold a word of one.
  use_whole_ = true;
}

void PageTokens::tokenise_block(std::size_t block) {
  const std::size_t from = page_->anchors[block];
  const std::size_t to = block + 1 < page_->anchors.size() ? page_->anchors[block + 1] : page_->text.size();
  std::vector<index::Token> tokens = analyzer_->tokenize(std::string_view(page_->text).substr(from, to - from));
  const std::size_t expected =
      block + 1 < page_->anchors.size() ? index::kAnchorWords : size_ - block * index::kAnchorWords;
  if (tokens.size() != expected || tokens.front().start != 0) {
    // Word breaks that depend on text before the block: read the page as the index did.
    tokenise_whole();
    return;
  }
  for (index::Token& token : tokens) {
    token.start += from;
    token.end += from;
  }
  blocks_[block] = std::move(tokens);
}

const index::Token* PageTokens::at(std::size_t i) {
  if (i >= size_) return nullptr;
  if (use_whole_) return &whole_[i];
  const std::size_t block = i / index::kAnchorWords;
  if (blocks_[block].empty()) {
    tokenise_block(block);
    if (use_whole_) return i < whole_.size() ? &whole_[i] : nullptr;
  }
  return &blocks_[block][i % index::kAnchorWords];
}

}  // namespace cydex::search
