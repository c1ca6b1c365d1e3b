// SPDX-License-Identifier: Apache-2.0
#include "pdf_metadata.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "dehyphenation_evidence.h"
#include "html_dom.h"

namespace cydex::ingest {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlCharFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlText = std::unique_ptr<xmlChar, XmlCharFree>;

/// What an XMP packet says, in the fields cydex uses.
struct Xmp {
  std::string title{};
  std::vector<std::string> creators{};
  std::string description{};
  std::string language{};
  std::vector<std::string> subjects{};
  std::string keywords{};
  std::string created{};
  std::string modified{};
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

/// A metadata value with white space collapsed; producers leave NULs in
/// UTF-16 strings.
std::string collapse_spaces(std::string_view text) {
  std::string value(text);
  std::erase(value, '\0');
  return html::collapse_spaces(value);
}

std::string node_text(xmlNode* node) {
  const XmlText content(xmlNodeGetContent(node));
  return content ? collapse_spaces(reinterpret_cast<const char*>(content.get())) : std::string();
}

/// The rdf:li items of an rdf:Alt, rdf:Bag or rdf:Seq under `node`, or the
/// node's own text when it holds a plain value.
std::vector<std::string> items_of(xmlNode* node) {
  std::vector<std::string> items;
  for (xmlNode* container = node->children; container != nullptr; container = container->next) {
    if (container->type != XML_ELEMENT_NODE) continue;
    for (xmlNode* li = container->children; li != nullptr; li = li->next) {
      if (li->type == XML_ELEMENT_NODE && xmlStrEqual(li->name, BAD_CAST "li")) {
        const std::string text = node_text(li);
        if (!text.empty()) items.push_back(text);
      }
    }
  }
  if (items.empty()) {
    const std::string text = node_text(node);
    if (!text.empty()) items.push_back(text);
  }
  return items;
}

void take(Xmp& xmp, std::string_view name, const std::vector<std::string>& items) {
  if (items.empty()) return;
  if (name == "title") xmp.title = items.front();
  if (name == "creator") xmp.creators = items;
  if (name == "description") xmp.description = items.front();
  if (name == "language") xmp.language = items.front();
  if (name == "subject") xmp.subjects = items;
  if (name == "Keywords") xmp.keywords = items.front();
  if (name == "CreateDate") xmp.created = items.front();
  if (name == "ModifyDate") xmp.modified = items.front();
}

void walk(xmlNode* node, Xmp& xmp) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = reinterpret_cast<const char*>(node->name);
    take(xmp, name, items_of(node));
    // The short form: <rdf:Description xmp:CreateDate="..."/>.
    for (xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      const XmlText value(xmlNodeListGetString(node->doc, attribute->children, 1));
      if (value)
        take(xmp, reinterpret_cast<const char*>(attribute->name), {reinterpret_cast<const char*>(value.get())});
    }
    walk(node->children, xmp);
  }
}

Xmp parse_xmp(const std::string& packet) {
  Xmp xmp;
  if (packet.empty()) return xmp;
  const std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(packet.data(), static_cast<int>(packet.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER));
  if (doc) walk(xmlDocGetRootElement(doc.get()), xmp);
  return xmp;
}

/// "2023-05-17T10:00:00Z" -> "2023-05-17"; "2023" stays; anything else -> "".
std::string iso_date_prefix(std::string_view value) {
  std::size_t digits = 0;
  while (digits < value.size() && digits < 10 &&
         (std::isdigit(static_cast<unsigned char>(value[digits])) || (value[digits] == '-' && digits >= 4))) {
    ++digits;
  }
  std::string date(value.substr(0, digits));
  while (!date.empty() && date.back() == '-') date.pop_back();
  const bool shaped = date.size() == 4 || date.size() == 7 || date.size() == 10;
  return shaped ? date : std::string();
}

std::string iso_date(std::time_t when) {
  if (when == 0) return {};
  std::tm parts{};
  gmtime_r(&when, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
  return buffer;
}

/// A date is trusted unless it is in 1970 or earlier (a zero timestamp from
/// a broken producer) or after `now`.
bool trusted_date(const std::string& date, std::time_t now) {
  if (date.size() < 4) return false;
  const int year = std::stoi(date.substr(0, 4));
  return year > 1970 && date <= iso_date(now).substr(0, date.size());
}

/// The primary language tag of "en-GB", "EN_us", "de"; empty for "x-unknown".
std::string primary_tag(std::string_view tag) {
  std::string out;
  for (const char ch : tag) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return out.size() == 2 || out.size() == 3 ? out : std::string();
}

std::string trim_title(std::string_view title) {
  std::string out = collapse_spaces(title);
  // Titles in UTF-16 sometimes arrive with a byte-order mark.
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

/// Strips a file extension from a title ("Report 2021.docx" -> "Report
/// 2021"); empty when what is left is itself a file name or placeholder.
std::string usable_title(std::string_view raw) {
  std::string title = trim_title(raw);
  static constexpr std::array<std::string_view, 12> kExtensions = {".docx", ".doc", ".xlsx", ".xls",  ".pptx", ".ppt",
                                                                   ".pdf",  ".odt", ".rtf",  ".indd", ".txt",  ".tex"};
  const std::string lower = lower_ascii(title);
  for (const std::string_view extension : kExtensions) {
    if (lower.size() > extension.size() && lower.ends_with(extension)) {
      title.resize(title.size() - extension.size());
      break;
    }
  }
  return is_placeholder_title(title) ? std::string() : title;
}

/// A title in another language than a clearly recognised text ("Estudio
/// del análisis de Anatsa" on an English report) describes another edition.
bool language_mismatch(const std::string& title, const std::string& text_language) {
  if (text_language.empty()) return false;
  const std::string title_language = guess_language(title, LanguageGuessOptions{.min_markers = 1});
  return !title_language.empty() && title_language != text_language;
}

std::vector<std::string> split_keywords(std::string_view text) {
  std::vector<std::string> out;
  const char separator = text.find(';') != std::string_view::npos ? ';' : ',';
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string keyword = collapse_spaces(text.substr(start, end - start));
    while (!keyword.empty() && keyword.front() == ' ') keyword.erase(0, 1);
    if (!keyword.empty()) out.push_back(keyword);
    start = end + 1;
  }
  return out;
}

void choose_title(const PdfMetadataSources& sources, const Xmp& xmp, PdfMetadata& out) {
  const std::pair<const char*, const std::string*> candidates[] = {
      {"Info title", &sources.info_title}, {"XMP title", &xmp.title}, {"first-page title", &sources.first_page_title}};
  for (const auto& [where, raw] : candidates) {
    if (trim_title(*raw).empty()) continue;
    const std::string title = usable_title(*raw);
    if (raw == &sources.first_page_title) {
      // Printed on the document itself, in whatever languages it has (a
      // bilingual judgment's title is bilingual); a bare number is no title.
      if (!title.empty()) out.record.title = title;
      return;
    }
    if (title.empty()) {
      out.distrusted.push_back(std::string(where) + " \"" + trim_title(*raw) + "\" is a placeholder or file name");
    } else if (language_mismatch(title, sources.text_language)) {
      out.distrusted.push_back(std::string(where) + " \"" + title + "\" is not in the text's language (" +
                               sources.text_language + ")");
    } else {
      out.record.title = title;
      return;
    }
  }
}

void choose_dates(const PdfMetadataSources& sources, const Xmp& xmp, PdfMetadata& out) {
  const std::pair<const char*, std::string> created[] = {{"Info", iso_date(sources.info_created)},
                                                         {"XMP", iso_date_prefix(xmp.created)}};
  for (const auto& [where, date] : created) {
    if (date.empty()) continue;
    if (trusted_date(date, sources.now)) {
      out.record.date = date;
      out.record.year = std::stoi(date.substr(0, 4));
      break;
    }
    out.distrusted.push_back(std::string(where) + " creation date " + date + " is implausible");
  }
  for (const std::string& date : {iso_date(sources.info_modified), iso_date_prefix(xmp.modified)}) {
    if (!date.empty() && trusted_date(date, sources.now)) {
      out.modified = date;
      break;
    }
  }
  // Without a creation date worth having, the last modification is the
  // best evidence of when the document was published.
  if (out.record.date.empty() && !out.modified.empty()) {
    out.record.date = out.modified;
    out.record.year = std::stoi(out.modified.substr(0, 4));
  }
}

}  // namespace

bool is_placeholder_title(std::string_view title) {
  const std::string lower = lower_ascii(trim_title(title));
  static constexpr std::array<std::string_view, 8> kNoise = {"microsoft word",
                                                             "microsoft powerpoint",
                                                             "powerpoint presentation",
                                                             "untitled",
                                                             "unbenannt",
                                                             "sans titre",
                                                             "sin título",
                                                             ".doc"};
  for (const std::string_view noise : kNoise) {
    if (lower.find(noise) != std::string::npos) return true;
  }
  static constexpr std::array<std::string_view, 6> kGeneric = {"document", "title", "presentation",
                                                               "draft",    "titel", "slide"};
  std::string bare = lower;
  while (!bare.empty() && std::isdigit(static_cast<unsigned char>(bare.back()))) bare.pop_back();
  if (std::find(kGeneric.begin(), kGeneric.end(), bare) != kGeneric.end()) return true;
  // A file name: no space, but underscores or a version suffix.
  const bool one_token = lower.find(' ') == std::string::npos;
  if (one_token && (lower.find('_') != std::string::npos || lower.find("draft") != std::string::npos)) return true;
  return std::none_of(lower.begin(), lower.end(), [](char ch) {
    return std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80;
  });
}

std::string find_catalog_language(std::string_view bytes) {
  for (const std::string_view marker : {"/Type/Catalog", "/Type /Catalog"}) {
    const std::size_t at = bytes.find(marker);
    if (at == std::string_view::npos) continue;
    const std::size_t object_start = bytes.rfind(" obj", at);
    const std::size_t object_end = bytes.find("endobj", at);
    if (object_start == std::string_view::npos || object_end == std::string_view::npos) continue;
    const std::string_view object = bytes.substr(object_start, object_end - object_start);
    const std::size_t lang = object.find("/Lang");
    if (lang == std::string_view::npos) continue;
    const std::size_t open = object.find('(', lang);
    const std::size_t close = object.find(')', open == std::string_view::npos ? lang : open);
    if (open == std::string_view::npos || close == std::string_view::npos || open > lang + 8) continue;
    return std::string(object.substr(open + 1, close - open - 1));
  }
  return {};
}

PdfMetadata choose_pdf_metadata(const PdfMetadataSources& sources) {
  const Xmp xmp = parse_xmp(sources.xmp);
  PdfMetadata out;
  choose_title(sources, xmp, out);

  const std::string author = collapse_spaces(sources.info_author);
  if (!author.empty()) {
    out.record.authors.push_back(author);
  } else {
    out.record.authors = xmp.creators;
  }
  out.record.description = collapse_spaces(sources.info_subject);
  if (out.record.description.empty()) out.record.description = xmp.description;
  out.record.keywords = split_keywords(sources.info_keywords.empty() ? xmp.keywords : sources.info_keywords);
  if (out.record.keywords.empty()) out.record.keywords = xmp.subjects;

  choose_dates(sources, xmp, out);

  out.record.language = primary_tag(sources.catalog_language);
  if (out.record.language.empty()) out.record.language = primary_tag(xmp.language);
  // A word processor's default language often outlives the text: a text
  // clearly in another language wins.
  if (!sources.text_language.empty() && out.record.language != sources.text_language) {
    if (!out.record.language.empty()) {
      out.distrusted.push_back("declared language " + out.record.language + " is not the text's (" +
                               sources.text_language + ")");
    }
    out.record.language = sources.text_language;
  }
  return out;
}

}  // namespace cydex::ingest
