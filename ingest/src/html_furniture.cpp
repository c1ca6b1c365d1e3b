// SPDX-License-Identifier: Apache-2.0
#include "html_furniture.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "html_dom.h"

namespace cydex::ingest::html {
namespace {

constexpr std::array<std::string_view, 19> kNeverText = {
    "script", "style",  "noscript", "template", "svg",  "math", "iframe", "object", "embed", "canvas",
    "select", "button", "input",    "textarea", "form", "head", "video",  "audio",  "dialog"};

constexpr std::array<std::string_view, 3> kFurnitureElements = {"nav", "aside", "footer"};

/// Class, id or role words that mark furniture wherever they appear in the
/// attribute ("cookie-banner", "c-share-bar", "breadcrumbs").
constexpr std::array<std::string_view, 38> kFurnitureMarkers = {
    "cookie", "consent", "gdpr", "skip", "breadcrumb", "share", "social", "related", "newsletter", "subscri",
    "navigation", "navbar", "menu", "banner", "contentinfo", "complementary", "comment", "disqus", "pagination",
    "pager", "sidebar", "sponsor", "promo", "advert", "popup", "modal", "toolbar", "editsection", "printfooter",
    "catlinks", "jump-to", "site-header", "site-footer",
    // The same furniture named in French, German and Spanish.
    "ariane", "brotkrum", "partage", "compartir", "teilen"};

/// Furniture words that must be whole tokens of the attribute, being parts
/// of innocent words otherwise ("nav" in "canvas", "ad" in "header").
constexpr std::array<std::string_view, 15> kFurnitureTokens = {
    "nav",   "ad",  "ads",    "tags", "tag-list", "footer",  "masthead",  "widget",
    "print", "rss", "byline", "toc",  "contact",  "sitesub", "entry-meta"};

/// Words that keep an element although a furniture word matches: a
/// "content-with-sidebar" wrapper holds the article. Strong furniture words
/// win over them ("related-content" stays furniture).
constexpr std::array<std::string_view, 5> kContentMarkers = {"article", "content", "main", "body", "column"};
constexpr std::array<std::string_view, 12> kStrongMarkers = {"cookie", "consent", "breadcrumb",  "share",
                                                             "social", "related", "newsletter",  "comment",
                                                             "skip",   "subscri", "editsection", "pagination"};

constexpr std::array<std::string_view, 14> kPositiveWeight = {"article", "body",  "content",   "entry",     "hentry",
                                                              "main",    "page",  "post",      "text",      "blog",
                                                              "story",   "prose", "rich-text", "field-item"};
constexpr std::array<std::string_view, 22> kNegativeWeight = {
    "hidden", "banner", "combx",    "comment", "contact", "foot",     "masthead", "media", "meta",   "promo", "related",
    "scroll", "share",  "shoutbox", "sidebar", "sponsor", "shopping", "tags",     "tool",  "widget", "nav",   "menu"};

template <std::size_t N>
bool any_substring(const std::array<std::string_view, N>& words, std::string_view text) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

template <std::size_t N>
bool any_token(const std::array<std::string_view, N>& words, std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" _-", start);
    if (end == std::string_view::npos) end = text.size();
    // A token may itself hold a hyphen ("tag-list"): try the word with its successor too.
    const std::string_view token = text.substr(start, end - start);
    if (std::find(words.begin(), words.end(), token) != words.end()) return true;
    const std::size_t next_end = text.find_first_of(" _", start);
    const std::string_view wide =
        text.substr(start, (next_end == std::string_view::npos ? text.size() : next_end) - start);
    if (wide != token && std::find(words.begin(), words.end(), wide) != words.end()) return true;
    start = end + 1;
  }
  return false;
}

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

/// Class names that hide an element from sight (text for screen readers,
/// a duplicate of the page title for the outline).
constexpr std::array<std::string_view, 7> kHiddenClasses = {"visually-hidden", "visuallyhidden",  "sr-only",
                                                            "screen-reader",   "hiddenstructure", "element-invisible",
                                                            "offscreen"};

bool is_hidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  const std::string classes = lower(attribute(node, "class"));
  if (!classes.empty() && any_substring(kHiddenClasses, classes)) return true;
  if (lower(attribute(node, "aria-hidden")) == "true") return true;
  std::string style = lower(attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

/// A link to an anchor on the same page whose text says "skip" or "top".
bool is_skip_link(const xmlNode* node) {
  if (name_of(node) != "a") return false;
  const std::string href = attribute(node, "href");
  if (href.empty() || href.front() != '#') return false;
  const std::string text = lower(text_content(node));
  return text.find("skip") != std::string::npos || text.find("top of page") != std::string::npos ||
         text.find("back to top") != std::string::npos || text.find("jump to") != std::string::npos;
}

bool has_furniture_marker(const xmlNode* node) {
  const std::string marks = class_and_id(node);
  if (marks.size() <= 2) return false;
  if (!any_substring(kFurnitureMarkers, marks) && !any_token(kFurnitureTokens, marks)) return false;
  return !any_substring(kContentMarkers, marks) || any_substring(kStrongMarkers, marks);
}

bool has_h1(const xmlNode* node, int depth) {
  if (depth > 32) return false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (name_of(child) == "h1" || has_h1(child, depth + 1)) return true;
  }
  return false;
}

/// Outside <main>/<article>, a <header> is the site's banner unless it
/// carries the article's headline away from the top of the page.
bool is_site_header(const xmlNode* node) {
  const std::string_view parent = name_of(node->parent);
  return parent == "body" || parent.empty() || !has_h1(node, 0);
}

}  // namespace

bool is_never_text(std::string_view name) {
  return std::find(kNeverText.begin(), kNeverText.end(), name) != kNeverText.end();
}

std::string class_and_id(const xmlNode* node) {
  const std::string all = lower(attribute(node, "class") + " " + attribute(node, "id") + " " + attribute(node, "role"));
  // Layout modifiers describe a neighbour, not the element: a BEM modifier
  // ("c-text-block--has-sidebar") or a state class ("with-sidebar").
  std::string out;
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = all.size();
    std::string_view token = std::string_view(all).substr(start, end - start);
    token = token.substr(0, token.find("--"));
    const bool state = token.starts_with("has-") || token.starts_with("with-") || token.starts_with("no-");
    if (!token.empty() && !state) {
      out.append(token);
      out.push_back(' ');
    }
    start = end + 1;
  }
  return out;
}

bool is_furniture(const xmlNode* node, FurnitureScope scope) {
  const std::string_view name = name_of(node);
  if (is_never_text(name)) return true;
  if (std::find(kFurnitureElements.begin(), kFurnitureElements.end(), name) != kFurnitureElements.end()) return true;
  if (name == "header" && scope.headers_are_furniture && is_site_header(node)) return true;
  return is_hidden(node) || has_furniture_marker(node) || is_skip_link(node);
}

int class_weight(const xmlNode* node) {
  const std::string marks = class_and_id(node);
  int weight = 0;
  if (any_substring(kNegativeWeight, marks)) weight -= 25;
  if (any_substring(kPositiveWeight, marks)) weight += 25;
  return weight;
}

}  // namespace cydex::ingest::html
