// SPDX-License-Identifier: Apache-2.0
#include "html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "html_dom.h"

namespace cydex::ingest {
namespace {

/// Deeper than this, a page is hostile; its text below is not worth a stack.
constexpr int kMaxDepth = 512;

constexpr std::array<std::string_view, 16> kNeverText = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "canvas", "select", "button", "input", "textarea", "form", "head", "video"};

constexpr std::array<std::string_view, 3> kFurnitureElements = {"nav", "aside", "footer"};

/// Words in class, id or role that mark page furniture.
constexpr std::array<std::string_view, 14> kFurnitureMarkers = {
    "cookie", "consent", "skip", "breadcrumb", "share", "social", "related", "newsletter",
    "navigation", "navbar", "menu", "banner", "contentinfo", "complementary"};

constexpr std::array<std::string_view, 24> kBlockElements = {
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "figcaption", "address"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

bool has_furniture_marker(const xmlNode* node) {
  const std::string marks =
      lower(html::attribute(node, "class") + " " + html::attribute(node, "id") + " " + html::attribute(node, "role"));
  if (marks.size() <= 2) return false;
  return std::any_of(kFurnitureMarkers.begin(), kFurnitureMarkers.end(),
                     [&](std::string_view marker) { return marks.find(marker) != std::string::npos; });
}

bool is_hidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (lower(html::attribute(node, "aria-hidden")) == "true") return true;
  const std::string style = lower(html::attribute(node, "style"));
  return style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos;
}

/// A link to an anchor on the same page whose text says "skip" or "top".
bool is_skip_link(const xmlNode* node) {
  if (html::name_of(node) != "a") return false;
  const std::string href = html::attribute(node, "href");
  if (href.empty() || href.front() != '#') return false;
  const std::string text = lower(html::text_content(node));
  return text.find("skip") != std::string::npos || text.find("top of page") != std::string::npos ||
         text.find("back to top") != std::string::npos;
}

class TextBuilder {
 public:
  void text(std::string_view chunk) {
    for (const char ch : chunk) {
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

/// How to render a container.
struct RenderScope {
  /// Outside <main>/<article>, a <header> is the site's banner, not the article's.
  bool headers_are_furniture = false;
};

void render(const xmlNode* node, const RenderScope& scope, TextBuilder& out, int depth) {
  if (depth > kMaxDepth) return;
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out.text(reinterpret_cast<const char*>(child->content));
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = html::name_of(child);
    if (contains(kNeverText, name) || contains(kFurnitureElements, name) || is_hidden(child) ||
        has_furniture_marker(child) || is_skip_link(child) ||
        (name == "header" && scope.headers_are_furniture)) {
      continue;
    }
    if (name == "br") {
      out.line_break();
      continue;
    }
    const bool block = contains(kBlockElements, name);
    const bool line_block = name == "li" || name == "tr" || name == "dt" || name == "dd";
    if (block) line_block ? out.line_break() : out.paragraph_break();
    if (name == "td" || name == "th") out.text(" ");
    if (child->children != nullptr) render(child->children, scope, out, depth + 1);
    if (block) line_block ? out.line_break() : out.paragraph_break();
  }
}

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
    if (name == "main" && found.main == nullptr) found.main = child;
    if (name == "article") found.articles.push_back(child);
    if (name == "body" && found.body == nullptr) found.body = child;
    if (name == "h1" && found.first_h1 == nullptr) found.first_h1 = child;
    if (found.role_main == nullptr && lower(html::attribute(child, "role")) == "main") found.role_main = child;
    if (contains(kNeverText, name)) continue;
    if (child->children != nullptr) find_candidates(child->children, found, depth + 1);
  }
}

std::string render_text(const xmlNode* node, const RenderScope& scope) {
  TextBuilder builder;
  render(node->children, scope, builder, 0);
  return builder.take();
}

}  // namespace

HtmlText extract_main_text(const xmlNode* root) {
  Candidates found;
  find_candidates(root, found, 0);
  HtmlText out;
  if (found.first_h1 != nullptr) out.first_heading = html::text_content(found.first_h1);

  std::vector<const xmlNode*> choices;  // best first
  if (found.main != nullptr) choices.push_back(found.main);
  if (!found.articles.empty()) {
    // The longest article is the page's own; shorter ones are teasers.
    const xmlNode* longest = *std::max_element(found.articles.begin(), found.articles.end(),
                                                [](const xmlNode* a, const xmlNode* b) {
                                                  return html::text_content(a).size() < html::text_content(b).size();
                                                });
    choices.push_back(longest);
  }
  if (found.role_main != nullptr) choices.push_back(found.role_main);
  if (found.body != nullptr) choices.push_back(found.body);
  choices.push_back(root);

  // Never return empty text for a page that has some: fall back outwards.
  for (const xmlNode* choice : choices) {
    const std::string_view name = html::name_of(choice);
    const RenderScope scope{.headers_are_furniture = name == "body" || name == "html"};
    out.text = render_text(choice, scope);
    if (!out.text.empty()) break;
  }
  return out;
}

}  // namespace cydex::ingest
