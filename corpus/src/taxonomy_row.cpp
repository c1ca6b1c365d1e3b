// SPDX-License-Identifier: Apache-2.0
#include "taxonomy_row.h"

#include <algorithm>
#include <vector>

namespace cydex::corpus {
namespace {

constexpr std::string_view kLanguages[] = {"en", "de", "fr", "es", "*"};
constexpr std::string_view kKnownOptions =
    "case, display-only, not-before-name, not-after-name, not-followed-by=A|B, not-preceded-by=A|B";

std::string_view trim(std::string_view text) noexcept {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t pos = text.find(separator); pos != std::string_view::npos; pos = text.find(separator, start)) {
    parts.push_back(text.substr(start, pos - start));
    start = pos + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool is_slug_char(char ch) noexcept { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); }

/// A slug is lower-case letters and digits in groups joined by single
/// hyphens; the contract gives states two letters and organisations three or more.
bool is_slug(std::string_view slug) noexcept {
  if (slug.size() < 2 || slug.front() == '-' || slug.back() == '-') return false;
  for (std::size_t i = 0; i < slug.size(); ++i) {
    if (slug[i] == '-') {
      if (slug[i - 1] == '-') return false;
    } else if (!is_slug_char(slug[i])) {
      return false;
    }
  }
  return true;
}

std::string check_id(std::string_view id) {
  const auto colon = id.find(':');
  if (colon == std::string_view::npos) {
    return "bad id '" + std::string(id) + "': expected CATEGORY:slug, for example actor:de";
  }
  const std::string_view category = id.substr(0, colon);
  if (std::find(std::begin(kTagCategories), std::end(kTagCategories), category) == std::end(kTagCategories)) {
    return "unknown category '" + std::string(category) + "' in id '" + std::string(id) +
           "' (known: norm, actor, instrument)";
  }
  if (!is_slug(id.substr(colon + 1))) {
    return "bad id '" + std::string(id) +
           "': the part after the colon must be lower-case letters and digits joined by single hyphens";
  }
  return {};
}

/// "not-followed-by=tech|atlanta" -> {"tech", "atlanta"}; empty phrases are errors.
Result<std::vector<std::string>, std::string> phrases(std::string_view name, std::string_view value) {
  std::vector<std::string> out;
  for (const std::string_view part : split(value, '|')) {
    const std::string_view phrase = trim(part);
    if (phrase.empty()) return Unexpected{"option '" + std::string(name) + "' needs phrases separated by |"};
    out.emplace_back(phrase);
  }
  return out;
}

std::string apply_option(std::string_view option, TaxonomyRow& row) {
  const auto equals = option.find('=');
  const std::string_view name = trim(option.substr(0, equals));
  const std::string_view value = equals == std::string_view::npos ? std::string_view{} : option.substr(equals + 1);
  const bool takes_value = name == "not-followed-by" || name == "not-preceded-by";
  if (takes_value != (equals != std::string_view::npos) &&
      (name == "case" || name == "display-only" || name == "not-before-name" || name == "not-after-name" ||
       takes_value)) {
    return takes_value ? "option '" + std::string(name) + "' needs =PHRASE|PHRASE"
                       : "option '" + std::string(name) + "' takes no value";
  }
  AliasOptions& options = row.alias.options;
  if (name == "case") {
    options.case_sensitive = true;
  } else if (name == "not-before-name") {
    options.not_before_name = true;
  } else if (name == "not-after-name") {
    options.not_after_name = true;
  } else if (name == "display-only") {
    if (row.kind != RowKind::Label) return "option 'display-only' applies to label rows only";
    row.display_only = true;
  } else if (takes_value) {
    auto list = phrases(name, value);
    if (!list) return list.error();
    auto& target = name == "not-followed-by" ? options.not_followed_by : options.not_preceded_by;
    target.insert(target.end(), list->begin(), list->end());
  } else {
    return "unknown option '" + std::string(name) + "' (known: " + std::string(kKnownOptions) + ")";
  }
  return {};
}

}  // namespace

bool is_valid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (lead < 0x80) length = 1;
    else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    else return false;
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

Result<TaxonomyRow, std::string> parse_taxonomy_row(std::string_view line) {
  const std::vector<std::string_view> fields = split(line, '\t');
  if (fields.size() != 4 && fields.size() != 5) {
    return Unexpected{"expected 4 or 5 tab-separated columns (id, kind, lang, text, options), found " +
                      std::to_string(fields.size())};
  }
  TaxonomyRow row;
  row.id = std::string(trim(fields[0]));
  if (std::string problem = check_id(row.id); !problem.empty()) return Unexpected{std::move(problem)};

  const std::string_view kind = trim(fields[1]);
  if (kind == "label") row.kind = RowKind::Label;
  else if (kind == "alias") row.kind = RowKind::Alias;
  else return Unexpected{"unknown kind '" + std::string(kind) + "' (known: label, alias)"};

  const std::string_view language = trim(fields[2]);
  if (std::find(std::begin(kLanguages), std::end(kLanguages), language) == std::end(kLanguages)) {
    return Unexpected{"unknown language '" + std::string(language) + "' (known: en, de, fr, es, *)"};
  }
  row.alias.language = std::string(language);

  const std::string_view text = trim(fields[3]);
  if (text.empty()) return Unexpected{std::string("empty text")};
  if (!is_valid_utf8(text)) return Unexpected{std::string("text is not valid UTF-8")};
  row.alias.text = std::string(text);

  if (fields.size() == 5) {
    for (const std::string_view option : split(fields[4], ',')) {
      if (trim(option).empty()) continue;
      if (std::string problem = apply_option(trim(option), row); !problem.empty()) return Unexpected{std::move(problem)};
    }
  }
  return row;
}

}  // namespace cydex::corpus
