// SPDX-License-Identifier: Apache-2.0
#include "html_density.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "html_dom.h"
#include "html_furniture.h"

namespace cydex::ingest::html {
namespace {

/// Deeper than this, a page is hostile; its text below is not worth a stack.
constexpr int kMaxDepth = 400;
/// A paragraph shorter than this is a label or a link, not prose.
constexpr std::size_t kMinParagraph = 25;

constexpr std::array<std::string_view, 8> kParagraphs = {"p", "pre", "td", "blockquote", "li", "dd", "h2", "h3"};
constexpr std::array<std::string_view, 14> kBlocks = {"p",   "div",        "section", "article", "table", "ul", "ol",
                                                      "pre", "blockquote", "h1",      "h2",      "h3",    "dl", "main"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

void count_text(const char* text, TextStats& stats) {
  bool space = true;
  for (const char* at = text; *at != '\0'; ++at) {
    const auto ch = static_cast<unsigned char>(*at);
    const bool is_space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
    if (is_space) {
      if (!space) ++stats.chars;
      space = true;
      continue;
    }
    space = false;
    if ((ch & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: same character
    ++stats.chars;
    if (ch == ',') ++stats.commas;
  }
}

class Scorer {
 public:
  explicit Scorer(const TextMeasure& measure) : measure_(measure) {}

  /// Hands each paragraph's score to its ancestors up to `body`.
  void score(const xmlNode* node, const xmlNode* body, int depth) {
    if (depth > kMaxDepth) return;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (!measure_.measured(child)) continue;  // text, comments, furniture
      const TextStats stats = measure_.of(child);
      if (is_paragraph(child) && stats.chars >= kMinParagraph) {
        const double points =
            1.0 + static_cast<double>(stats.commas) + std::min(3.0, static_cast<double>(stats.chars) / 100.0);
        int level = 0;
        for (const xmlNode* up = child->parent; up != nullptr && level < 5; up = up->parent, ++level) {
          if (up->type != XML_ELEMENT_NODE) break;
          const double share = level == 0 ? 1.0 : level == 1 ? 0.5 : 1.0 / (3.0 * level);
          candidate(up) += points * share;
          if (up == body) break;
        }
        continue;  // a paragraph's own children add nothing more
      }
      score(child, body, depth + 1);
    }
  }

  /// The best candidate after link density, with its final score.
  std::pair<const xmlNode*, double> best() const {
    const xmlNode* top = nullptr;
    double top_score = 0.0;
    for (const auto& [node, points] : scores_) {
      const double final_score = points * (1.0 - density(node));
      if (final_score > top_score) {
        top = node;
        top_score = final_score;
      }
    }
    return {top, top_score};
  }

  double final_score(const xmlNode* node) const {
    const auto found = scores_.find(node);
    return found == scores_.end() ? 0.0 : found->second * (1.0 - density(node));
  }

  double density(const xmlNode* node) const { return measure_.link_density(node); }
  TextStats stats(const xmlNode* node) const { return measure_.of(node); }

 private:
  static bool is_paragraph(const xmlNode* node) {
    const std::string_view name = name_of(node);
    if (name == "p" || name == "pre" || name == "h2" || name == "h3") return true;
    // Cells, items and divs are paragraphs when they hold text directly and
    // no blocks: pages that never use <p>, layout tables.
    if (!in(kParagraphs, name) && name != "div" && name != "section" && name != "span") return false;
    bool has_text = false;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_ELEMENT_NODE && in(kBlocks, name_of(child))) return false;
      if (child->type == XML_TEXT_NODE || name_of(child) == "a" || name_of(child) == "strong" ||
          name_of(child) == "em") {
        has_text = true;
      }
    }
    return has_text;
  }

  /// A container's score, started from its tag and class on first use.
  double& candidate(const xmlNode* node) {
    const auto [at, inserted] = scores_.try_emplace(node, 0.0);
    if (inserted) {
      const std::string_view name = name_of(node);
      double base = 0.0;
      if (name == "div" || name == "article" || name == "section" || name == "main") base = 5.0;
      if (name == "pre" || name == "td" || name == "blockquote") base = 3.0;
      if (name == "ol" || name == "ul" || name == "dl" || name == "li" || name == "form") base = -3.0;
      if (name == "th" || (name.size() == 2 && name[0] == 'h')) base = -5.0;
      at->second = base + class_weight(node);
    }
    return at->second;
  }

  const TextMeasure& measure_;
  std::unordered_map<const xmlNode*, double> scores_;
};

/// Whether a sibling of the chosen container reads like more of the article:
/// it scores well itself, or it is prose (long enough, with commas or full
/// stops, hardly any links) under a class name that does not say furniture.
bool belongs_with(const Scorer& scorer, const xmlNode* sibling, double threshold) {
  if (scorer.final_score(sibling) >= threshold) return true;
  const TextStats stats = scorer.stats(sibling);
  const double density = scorer.density(sibling);
  if (name_of(sibling) == "p") {
    if (stats.chars > 80) return density < 0.25;
    return stats.chars > 0 && density == 0.0;
  }
  return stats.chars > 80 && stats.commas > 0 && density < 0.25 && class_weight(sibling) >= 0;
}

/// Whether `node` comes before `later` among its siblings with at most short
/// lines (a dateline, a reading time) between them.
bool leads_into(const xmlNode* node, const xmlNode* later, const TextMeasure& measure) {
  for (const xmlNode* at = node->next; at != nullptr; at = at->next) {
    if (at->type != XML_ELEMENT_NODE) continue;
    if (at == later) return true;
    if (measure.of(at).chars >= 100) return false;
  }
  return false;
}

bool is_heading_block(const xmlNode* node) {
  const std::string_view name = name_of(node);
  return name == "h1" || name == "h2" || name == "h3" || name == "hgroup";
}

}  // namespace

TextMeasure::TextMeasure(const xmlNode* root) {
  if (root != nullptr) stats_[root] = measure(root, 0, name_of(root) == "a");
}

TextStats TextMeasure::of(const xmlNode* node) const {
  const auto found = stats_.find(node);
  return found == stats_.end() ? TextStats{} : found->second;
}

double TextMeasure::link_density(const xmlNode* node) const {
  const TextStats stats = of(node);
  if (stats.chars == 0) return 0.0;
  return static_cast<double>(stats.link_chars) / static_cast<double>(stats.chars);
}

TextStats TextMeasure::measure(const xmlNode* node, int depth, bool in_link) {
  TextStats total;
  if (depth > kMaxDepth) return total;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      TextStats own;
      if (child->content != nullptr) count_text(reinterpret_cast<const char*>(child->content), own);
      total.chars += own.chars;
      total.commas += own.commas;
      if (in_link) total.link_chars += own.chars;
      continue;
    }
    if (child->type != XML_ELEMENT_NODE || is_furniture(child, FurnitureScope{.headers_are_furniture = true})) {
      continue;
    }
    const TextStats inner = measure(child, depth + 1, in_link || name_of(child) == "a");
    stats_[child] = inner;
    total.chars += inner.chars;
    total.link_chars += inner.link_chars;
    total.commas += inner.commas;
  }
  return total;
}

std::vector<const xmlNode*> densest_content(const xmlNode* body, const TextMeasure& measure) {
  if (body == nullptr) return {};
  Scorer scorer(measure);
  scorer.score(body, body, 0);
  const auto [top, top_score] = scorer.best();
  if (top == nullptr) return {};
  if (top == body || top->parent == nullptr || top->parent->type != XML_ELEMENT_NODE) return {top};
  // The article may be split over siblings: a headline and a lead before
  // the body, more sections after it.
  const double threshold = std::max(10.0, top_score * 0.2);
  std::vector<const xmlNode*> siblings;
  for (const xmlNode* sibling = top->parent->children; sibling != nullptr; sibling = sibling->next) {
    if (sibling->type == XML_ELEMENT_NODE && measure.measured(sibling)) siblings.push_back(sibling);
  }
  const auto top_at = std::find(siblings.begin(), siblings.end(), top);
  std::vector<const xmlNode*> kept{top};
  // Backwards from the top: a lead of prose, then headings, each leading into what is kept.
  for (auto it = std::make_reverse_iterator(top_at); it != siblings.rend(); ++it) {
    const bool scores = scorer.final_score(*it) >= threshold;
    const bool lead =
        (belongs_with(scorer, *it, threshold) || is_heading_block(*it)) && leads_into(*it, kept.front(), measure);
    if (!scores && !lead) continue;
    kept.insert(kept.begin(), *it);
  }
  // Forwards: what scores close to the article itself, more of the same
  // kind (a document's next page or part, with the same class), or plain
  // paragraphs. Comment threads and "about us" blurbs follow articles and
  // reach Readability's lenient fifth; they rarely reach two fifths.
  const double forward_threshold = std::max(10.0, top_score * 0.4);
  const std::string top_class = attribute(top, "class");
  for (auto it = top_at + 1; it != siblings.end(); ++it) {
    const double points = scorer.final_score(*it);
    const bool same_kind = !top_class.empty() && name_of(*it) == name_of(top) && attribute(*it, "class") == top_class;
    const bool paragraph = name_of(*it) == "p" && belongs_with(scorer, *it, threshold);
    if (points >= forward_threshold || (same_kind && points >= 10.0) || paragraph) kept.push_back(*it);
  }
  return kept;
}

}  // namespace cydex::ingest::html
