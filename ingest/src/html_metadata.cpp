// SPDX-License-Identifier: Apache-2.0
#include "html_metadata.h"

#include <array>
#include <cctype>
#include <map>

#include "html_dom.h"

namespace cydex::ingest {
namespace {

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

struct HeadFields {
  std::map<std::string, std::string> meta;  ///< Lower-case name/property -> first content seen.
  std::string title;
  std::string canonical;
  std::string first_time;
};

void collect(const xmlNode* node, HeadFields& fields, int depth) {
  if (depth > 256) return;
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    const std::string_view name = html::name_of(child);
    if (name == "meta") {
      std::string key = lower(html::attribute(child, "property"));
      if (key.empty()) key = lower(html::attribute(child, "name"));
      if (key.empty()) key = lower(html::attribute(child, "itemprop"));
      const std::string content = html::collapse_spaces(html::attribute(child, "content"));
      if (!key.empty() && !content.empty()) fields.meta.emplace(key, content);
    } else if (name == "title" && fields.title.empty()) {
      fields.title = html::text_content(child);
    } else if (name == "link" && fields.canonical.empty() && lower(html::attribute(child, "rel")) == "canonical") {
      fields.canonical = html::attribute(child, "href");
    } else if (name == "time" && fields.first_time.empty()) {
      fields.first_time = html::attribute(child, "datetime");
    }
    if (name == "script" || name == "style") continue;
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

/// "Article | Site" or "Article – Site" -> "Article", when the suffix is the site.
std::string strip_site_suffix(const std::string& title, const std::string& site) {
  static constexpr std::array<std::string_view, 4> kSeparators = {" | ", " – ", " — ", " - "};
  for (const std::string_view separator : kSeparators) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string suffix = title.substr(at + separator.size());
    if (site.empty() || lower(suffix) == lower(site) || suffix.size() < title.size() / 2) {
      return title.substr(0, at);
    }
  }
  return title;
}

/// The date part of an ISO timestamp, when it starts with a plausible year.
std::string iso_date(const std::string& value) {
  if (value.size() < 4) return {};
  for (std::size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return {};
  }
  std::size_t end = 4;
  while (end < value.size() && end < 10 && (std::isdigit(static_cast<unsigned char>(value[end])) || value[end] == '-')) {
    ++end;
  }
  return value.substr(0, end);
}

}  // namespace

corpus::DocumentMetadata read_html_metadata(const xmlNode* root) {
  HeadFields fields;
  collect(root, fields, 0);
  corpus::DocumentMetadata meta;
  meta.organisation = first_of(fields, {"og:site_name", "dc.publisher", "dcterms.publisher", "publisher"});
  meta.title = first_of(fields, {"og:title", "dc.title", "citation_title"});
  if (meta.title.empty()) meta.title = strip_site_suffix(fields.title, meta.organisation);
  meta.date = iso_date(first_of(fields, {"article:published_time", "dc.date", "dcterms.date", "citation_date",
                                         "citation_publication_date", "date", "datepublished"}));
  if (meta.date.empty()) meta.date = iso_date(fields.first_time);
  if (meta.date.size() >= 4) {
    const int year = std::stoi(meta.date.substr(0, 4));
    if (year >= 1900 && year <= 2100) meta.year = year;
  }
  meta.language = lower(html::attribute(root, "lang"));
  if (meta.language.empty()) meta.language = lower(html::attribute(root, "xml:lang"));
  meta.language = meta.language.substr(0, meta.language.find_first_of("-_"));
  meta.url = fields.canonical.empty() ? first_of(fields, {"og:url"}) : fields.canonical;
  const std::string author = first_of(fields, {"author", "dc.creator", "citation_author", "article:author"});
  if (!author.empty()) meta.authors.push_back(author);
  return meta;
}

}  // namespace cydex::ingest
