// SPDX-License-Identifier: Apache-2.0
/// @brief Finding a page's article by text and link density, for pages without <main> or <article>.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <unordered_map>
#include <vector>

namespace cydex::ingest::html {

/// What the visible text below an element looks like.
struct TextStats {
  std::size_t chars = 0;       ///< Visible characters, whitespace runs counted once.
  std::size_t link_chars = 0;  ///< Of which inside <a>.
  std::size_t commas = 0;
};

/// Text statistics of every element below a root, measured in one pass;
/// furniture (see is_furniture) counts as no text.
class TextMeasure {
 public:
  explicit TextMeasure(const xmlNode* root);
  /// The element's statistics; zeros for elements outside the root or furniture.
  [[nodiscard]] TextStats of(const xmlNode* node) const;
  /// The share (0..1) of an element's visible text that sits inside links.
  [[nodiscard]] double link_density(const xmlNode* node) const;
  [[nodiscard]] bool measured(const xmlNode* node) const { return stats_.contains(node); }

 private:
  TextStats measure(const xmlNode* node, int depth, bool in_link);
  std::unordered_map<const xmlNode*, TextStats> stats_;
};

/// The elements that hold the article below `body`, in document order: the
/// best-scoring container and those of its siblings that read like more of
/// it. Scores follow Readability and boilerpipe: every paragraph of 25 or
/// more characters scores by its commas and length, and hands its score to
/// its parent (whole), grandparent (half) and further ancestors (less);
/// containers then lose the share of their text that sits in links, and
/// class and id words move them up ("article", "content") or down
/// ("sidebar", "comment"). Furniture is never scored. Empty when no
/// paragraph scores.
std::vector<const xmlNode*> densest_content(const xmlNode* body, const TextMeasure& measure);

}  // namespace cydex::ingest::html
