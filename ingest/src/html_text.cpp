// SPDX-License-Identifier: Apache-2.0
#include "html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "html_density.h"
#include "html_dom.h"
#include "html_furniture.h"

namespace cydex::ingest {
namespace {

using html::FurnitureScope;
using html::TextMeasure;

/// Deeper than this, a page is hostile; its text below is not worth a stack.
/// (libxml2 itself stops nesting at 256 levels without HTML_PARSE_HUGE.)
constexpr int kMaxDepth = 400;

constexpr std::array<std::string_view, 26> kBlockElements = {
    "p",   "div", "section", "article", "main",       "header",  "h1",    "h2",    "h3",
    "h4",  "h5",  "h6",      "ul",      "ol",         "li",      "table", "tr",    "blockquote",
    "pre", "dl",  "dt",      "dd",      "figcaption", "address", "hr",    "figure"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

class TextBuilder {
 public:
  void text(std::string_view chunk) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const char ch = chunk[i];
      // A no-break space (U+00A0) separates words like a space; alone on a
      // line it is an empty paragraph that editors use for spacing.
      if (ch == '\xC2' && i + 1 < chunk.size() && chunk[i + 1] == '\xA0') {
        ++i;
        pending_space_ = true;
        continue;
      }
      const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
      if (space) {
        pending_space_ = true;
        continue;
      }
      if (pending_breaks_ > 0 && !out_.empty()) {
        out_.append(static_cast<std::size_t>(pending_breaks_), '\n');
      } else if (pending_space_ && !out_.empty() && out_.back() != '\n') {
        out_.push_back(' ');
      }
      pending_breaks_ = 0;
      pending_space_ = false;
      out_.push_back(ch);
    }
  }
  void line_break() { pending_breaks_ = std::max(pending_breaks_, 1); }
  void paragraph_break() { pending_breaks_ = 2; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_breaks_ = 0;
  bool pending_space_ = false;
};

/// Renders the content's text, leaving out furniture and link lists.
class Renderer {
 public:
  Renderer(const TextMeasure& measure, FurnitureScope scope) : measure_(measure), scope_(scope) {}

  /// Renders `first` and its following siblings.
  void render_siblings(const xmlNode* first, int depth) {
    for (const xmlNode* child = first; child != nullptr; child = child->next) render(child, depth);
  }

  /// Renders one node, or nothing when it is furniture.
  void render(const xmlNode* node, int depth) {
    if (depth > kMaxDepth) return;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) out_.text(reinterpret_cast<const char*>(node->content));
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;
    const std::string_view name = html::name_of(node);
    if (html::is_furniture(node, scope_) || is_link_list(node, name)) return;
    if (name == "br") {
      out_.line_break();
      return;
    }
    const bool block = contains(kBlockElements, name);
    const bool line_block = name == "li" || name == "tr" || name == "dt" || name == "dd";
    if (block) line_block ? out_.line_break() : out_.paragraph_break();
    if (name == "td" || name == "th") out_.text(" ");
    if (node->children != nullptr) render_siblings(node->children, depth + 1);
    if (block) line_block ? out_.line_break() : out_.paragraph_break();
  }

  void paragraph_break() { out_.paragraph_break(); }
  std::string take() { return out_.take(); }

 private:
  /// A short block that is mostly links ("See also", tag clouds, teaser
  /// lists) inside the content is furniture the class names did not give away.
  bool is_link_list(const xmlNode* node, std::string_view name) const {
    if (name != "ul" && name != "ol" && name != "div" && name != "section" && name != "dl" && name != "table") {
      return false;
    }
    const html::TextStats stats = measure_.of(node);
    if (stats.chars == 0 || stats.chars > 800) return false;
    const double density = measure_.link_density(node);
    // Teasers with headings and text of their own are a listing the page
    // offers as content; a bare list of links is not.
    return density > 0.85 || (density > 0.6 && !has_heading(node, 0));
  }

  static bool has_heading(const xmlNode* node, int depth) {
    if (depth > 16) return false;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      const std::string_view name = html::name_of(child);
      if (name == "h2" || name == "h3" || name == "h4" || has_heading(child, depth + 1)) return true;
    }
    return false;
  }

  const TextMeasure& measure_;
  FurnitureScope scope_;
  TextBuilder out_;
};

struct Candidates {
  const xmlNode* main = nullptr;
  const xmlNode* role_main = nullptr;
  const xmlNode* body = nullptr;
  std::vector<const xmlNode*> articles;
  const xmlNode* first_h1 = nullptr;
};

void find_candidates(const xmlNode* node, Candidates& found, int depth) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    const std::string_view name = html::name_of(child);
    if (name.empty()) continue;
    if (html::is_never_text(name)) continue;
    // A hidden <main> is a template for another view of a single-page application.
    if (name == "main" && found.main == nullptr && !html::is_furniture(child, FurnitureScope{})) found.main = child;
    if (name == "article") found.articles.push_back(child);
    if (name == "body" && found.body == nullptr) found.body = child;
    if (name == "h1" && found.first_h1 == nullptr && !html::is_furniture(child, FurnitureScope{})) {
      found.first_h1 = child;
    }
    if (found.role_main == nullptr && lower(html::attribute(child, "role")) == "main") found.role_main = child;
    if (child->children != nullptr) find_candidates(child->children, found, depth + 1);
  }
}

/// The page's own article among several: the longest, when it clearly
/// outweighs the others; several of like size are teasers of a listing.
const xmlNode* dominant_article(const std::vector<const xmlNode*>& articles, const TextMeasure& measure) {
  if (articles.empty()) return nullptr;
  std::vector<std::pair<std::size_t, const xmlNode*>> sized;
  for (const xmlNode* article : articles) sized.emplace_back(measure.of(article).chars, article);
  std::sort(sized.begin(), sized.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (sized.front().first == 0) return nullptr;
  if (sized.size() == 1) return sized.front().second;
  // A nested article (a comment inside a post) does not compete with its host.
  const xmlNode* longest = sized.front().second;
  std::size_t rival = 0;
  for (std::size_t i = 1; i < sized.size(); ++i) {
    bool nested = false;
    for (const xmlNode* up = sized[i].second->parent; up != nullptr; up = up->parent) nested |= up == longest;
    if (!nested) {
      rival = sized[i].first;
      break;
    }
  }
  return sized.front().first >= 2 * rival ? longest : nullptr;
}

/// Containers to render, best first; the first one with text wins.
std::vector<std::vector<const xmlNode*>> choices_for(const Candidates& found, const TextMeasure& measure) {
  std::vector<std::vector<const xmlNode*>> choices;
  // <main> or role=main with next to no text is a script shell's mount point.
  const auto substantial = [&](const xmlNode* node) { return node != nullptr && measure.of(node).chars >= 25; };
  if (substantial(found.main)) choices.push_back({found.main});
  if (substantial(found.role_main)) choices.push_back({found.role_main});
  if (const xmlNode* article = dominant_article(found.articles, measure)) choices.push_back({article});
  if (std::vector<const xmlNode*> dense = html::densest_content(found.body, measure); !dense.empty()) {
    choices.push_back(std::move(dense));
  }
  for (const xmlNode* fallback : {found.main, found.role_main, found.body}) {
    if (fallback != nullptr) choices.push_back({fallback});
  }
  return choices;
}

bool inside_article(const xmlNode* node) {
  for (const xmlNode* up = node; up != nullptr; up = up->parent) {
    const std::string_view name = html::name_of(up);
    if (name == "main" || name == "article" || lower(html::attribute(up, "role")) == "main") return true;
  }
  return false;
}

}  // namespace

HtmlText extract_main_text(const xmlNode* root) {
  Candidates found;
  find_candidates(root, found, 0);
  HtmlText out;
  if (found.first_h1 != nullptr) out.first_heading = html::text_content(found.first_h1);
  const TextMeasure measure(found.body != nullptr ? found.body : root);

  std::vector<std::vector<const xmlNode*>> choices = choices_for(found, measure);
  choices.push_back({root});
  // Never return empty text for a page that has some: fall back outwards.
  for (const std::vector<const xmlNode*>& choice : choices) {
    const bool in_article = inside_article(choice.front());
    Renderer renderer(measure, FurnitureScope{.headers_are_furniture = !in_article});
    if (choice.size() == 1) {
      // The chosen container itself is not judged, only what it holds.
      renderer.render_siblings(choice.front()->children, 0);
    } else {
      for (const xmlNode* node : choice) renderer.render(node, 0);
    }
    out.text = renderer.take();
    if (!out.text.empty()) break;
  }
  return out;
}

}  // namespace cydex::ingest
