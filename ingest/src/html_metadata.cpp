// SPDX-License-Identifier: Apache-2.0
#include "html_metadata.h"

#include <array>
#include <cctype>
#include <map>

#include "html_dates.h"
#include "html_dom.h"
#include "html_json_ld.h"
#include "html_language.h"

namespace cydex::ingest {
namespace {

/// A date in the first stretch of the article is its date line; later ones
/// are dates the article talks about.
constexpr std::size_t kDateLineReach = 3000;

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

struct HeadFields {
  std::map<std::string, std::string> meta;  ///< Lower-case name/property/http-equiv -> first content seen.
  std::string title;
  std::string canonical;
  std::string first_time;
  html::JsonLdFields json_ld;
};

void read_meta(const xmlNode* node, HeadFields& fields) {
  std::string key = lower(html::attribute(node, "property"));
  if (key.empty()) key = lower(html::attribute(node, "name"));
  if (key.empty()) key = lower(html::attribute(node, "itemprop"));
  if (key.empty()) key = lower(html::attribute(node, "http-equiv"));
  const std::string content = html::collapse_spaces(html::attribute(node, "content"));
  if (!key.empty() && !content.empty()) fields.meta.emplace(key, content);
}

void collect(const xmlNode* node, HeadFields& fields, int depth) {
  if (depth > 256) return;
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    const std::string_view name = html::name_of(child);
    if (name == "meta") {
      read_meta(child, fields);
    } else if (name == "title" && fields.title.empty()) {
      fields.title = html::text_content(child);
    } else if (name == "link" && fields.canonical.empty() && lower(html::attribute(child, "rel")) == "canonical") {
      fields.canonical = html::attribute(child, "href");
    } else if (name == "time" && fields.first_time.empty()) {
      fields.first_time = html::attribute(child, "datetime");
    } else if (name == "script" && lower(html::attribute(child, "type")) == "application/ld+json") {
      xmlChar* content = xmlNodeGetContent(child);
      if (content != nullptr) {
        html::read_json_ld(reinterpret_cast<const char*>(content), fields.json_ld);
        xmlFree(content);
      }
    }
    if (name == "script" || name == "style" || name == "svg") continue;
    if (child->children != nullptr) collect(child->children, fields, depth + 1);
  }
}

std::string first_of(const HeadFields& fields, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto found = fields.meta.find(key);
    if (found != fields.meta.end()) return found->second;
  }
  return {};
}

constexpr std::array<std::string_view, 6> kSeparators = {" | ", " – ", " — ", " - ", " :: ", " · "};

/// The part of "Site | Article" or "Article - Site" that is the page's
/// first h1; empty when none is.
std::string part_matching_heading(const std::string& title, const std::string& heading) {
  if (heading.empty()) return {};
  const std::string want = lower(heading);
  if (lower(title) == want) return title;
  for (const std::string_view separator : kSeparators) {
    std::size_t start = 0;
    while (start <= title.size()) {
      std::size_t end = title.find(separator, start);
      if (end == std::string::npos) end = title.size();
      const std::string part = title.substr(start, end - start);
      if (!part.empty() && lower(part) == want) return part;
      if (end == title.size()) break;
      start = end + separator.size();
    }
  }
  return {};
}

/// "Article | Site" or "Article – Site" -> "Article", when the suffix is the
/// site (or, the site unknown, clearly shorter than the article's title).
std::string strip_site_suffix(const std::string& title, const std::string& site) {
  for (const std::string_view separator : kSeparators) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string suffix = title.substr(at + separator.size());
    if (site.empty() ? suffix.size() < title.size() / 2 : lower(suffix) == lower(site)) return title.substr(0, at);
  }
  // "Site | Article": the prefix is the site.
  for (const std::string_view separator : kSeparators) {
    const std::size_t at = title.find(separator);
    if (at == std::string::npos || site.empty()) continue;
    if (lower(title.substr(0, at)) == lower(site)) return title.substr(at + separator.size());
  }
  return title;
}

/// "de-DE" -> "de"; "English" and other non-tags -> "".
std::string primary_language(std::string tag) {
  tag = lower(html::collapse_spaces(tag));
  tag = tag.substr(0, tag.find_first_of("-_,; "));
  if (tag.size() < 2 || tag.size() > 3) return {};
  for (const char ch : tag) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) return {};
  }
  return tag;
}

void set_year(corpus::DocumentMetadata& meta) {
  if (meta.date.size() < 4) return;
  const int year = std::stoi(meta.date.substr(0, 4));
  if (year >= 1900 && year <= 2100) meta.year = year;
}

/// Sets title and, when only `<title>` names it, organisation.
void read_title(const HeadFields& fields, const HtmlText& text, corpus::DocumentMetadata& meta) {
  meta.title = first_of(fields, {"og:title", "twitter:title"});
  if (meta.title.empty()) meta.title = html::collapse_spaces(fields.json_ld.headline);
  if (meta.title.empty()) meta.title = first_of(fields, {"dc.title", "dcterms.title", "citation_title"});
  if (meta.title.empty()) {
    // <title> often carries the site's name; the h1 tells which part is the page's.
    meta.title = part_matching_heading(fields.title, text.first_heading);
    if (meta.title.empty() && meta.organisation.empty()) {
      // "Page | Site" is the common convention: with no other source, the
      // short last part names the site.
      const std::size_t bar = fields.title.rfind(" | ");
      if (bar != std::string::npos && bar > 0 && fields.title.size() - bar - 3 <= 40) {
        meta.organisation = fields.title.substr(bar + 3);
      }
    }
    if (meta.title.empty()) meta.title = strip_site_suffix(fields.title, meta.organisation);
  } else {
    meta.title = strip_site_suffix(meta.title, meta.organisation);
  }
  // "Article | Section | Site": with the site gone, a short section name may remain.
  if (const std::size_t at = meta.title.rfind(" | "); at != std::string::npos && !meta.organisation.empty()) {
    if (meta.title.size() - at - 3 < at / 2) meta.title.resize(at);
  }
  if (meta.title.empty()) meta.title = text.first_heading;
}

void read_date(const HeadFields& fields, const HtmlText& text, corpus::DocumentMetadata& meta) {
  meta.date = html::normalise_date(first_of(fields, {"article:published_time", "og:published_time"}));
  if (meta.date.empty()) meta.date = html::normalise_date(fields.json_ld.date_published);
  if (meta.date.empty()) {
    meta.date = html::normalise_date(
        first_of(fields, {"dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
                          "citation_date", "citation_publication_date", "date", "datepublished", "publication_date"}));
  }
  if (meta.date.empty()) meta.date = html::normalise_date(fields.first_time);
  // Last resort: a date line in the article's opening ("Brussels, 12 May 2024").
  if (meta.date.empty()) meta.date = html::first_date_in_text(std::string_view(text.text).substr(0, kDateLineReach));
  set_year(meta);
}

void read_language(const xmlNode* root, const HeadFields& fields, const HtmlText& text,
                   corpus::DocumentMetadata& meta) {
  meta.language = primary_language(html::attribute(root, "lang"));
  if (meta.language.empty()) meta.language = primary_language(html::attribute(root, "xml:lang"));
  if (meta.language.empty()) {
    meta.language =
        primary_language(first_of(fields, {"content-language", "dc.language", "dcterms.language", "og:locale"}));
  }
  if (meta.language.empty()) meta.language = primary_language(fields.json_ld.language);
  if (meta.language.empty()) meta.language = html::detect_language(text.text);
}

}  // namespace

corpus::DocumentMetadata read_html_metadata(const xmlNode* root, const HtmlText& text) {
  HeadFields fields;
  collect(root, fields, 0);
  const html::JsonLdFields& ld = fields.json_ld;
  corpus::DocumentMetadata meta;
  meta.organisation = first_of(fields, {"og:site_name"});
  if (meta.organisation.empty()) meta.organisation = ld.publisher;
  if (meta.organisation.empty()) {
    meta.organisation =
        first_of(fields, {"dc.publisher", "dcterms.publisher", "publisher", "citation_publisher", "application-name"});
  }
  read_title(fields, text, meta);
  read_date(fields, text, meta);
  read_language(root, fields, text, meta);
  meta.url = fields.canonical.empty() ? first_of(fields, {"og:url"}) : fields.canonical;
  if (meta.url.empty()) meta.url = ld.url;
  meta.description =
      first_of(fields, {"description", "og:description", "dc.description", "dcterms.abstract", "twitter:description"});
  if (meta.description.empty()) meta.description = html::collapse_spaces(ld.description);
  const std::string author = first_of(fields, {"author", "dc.creator", "citation_author", "article:author"});
  if (!author.empty()) {
    meta.authors.push_back(author);
  } else {
    meta.authors = ld.authors;
  }
  return meta;
}

}  // namespace cydex::ingest
