// SPDX-License-Identifier: Apache-2.0
#include "catalogue_edit.h"

#include <algorithm>
#include <cctype>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/catalogue_file.h"

namespace cydex::cli {
namespace fs = std::filesystem;
namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool is_alnum(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
}

/// YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31.
bool is_date(const std::string& text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  if (!all_digits(text.substr(0, 4))) return false;
  if (text.size() >= 7) {
    if (text[4] != '-' || !all_digits(text.substr(5, 2))) return false;
    const int month = std::stoi(text.substr(5, 2));
    if (month < 1 || month > 12) return false;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !all_digits(text.substr(8, 2))) return false;
    const int day = std::stoi(text.substr(8, 2));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

/// A BCP 47 tag in its usual case ("en", "pt-BR", "zh-Hant-TW"), or nothing.
std::optional<std::string> language_tag(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = text.find_first_of("-_", start);
    parts.push_back(text.substr(start, dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  const std::string& primary = parts.front();
  if (primary.size() < 2 || primary.size() > 3 || !std::all_of(primary.begin(), primary.end(), [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch));
      })) {
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string part = parts[i];
    if (part.empty() || part.size() > 8 || !is_alnum(part)) return std::nullopt;
    for (char& ch : part) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (i > 0 && part.size() == 2) {
      for (char& ch : part) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    } else if (i > 0 && part.size() == 4) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    if (i > 0) out.push_back('-');
    out += part;
  }
  return out;
}

bool holds_line_break_or_tab(const std::string& text) { return text.find_first_of("\t\r\n") != std::string::npos; }

bool has_row(const fs::path& catalogue, const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(catalogue, ec)) return false;
  auto opened = corpus::CatalogueFile::open(catalogue);
  return opened && opened->row(file).has_value();
}

}  // namespace

fs::path absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path out = fs::absolute(path, ec);
  out = (ec ? path : out).lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

std::optional<std::string> column_for_key(const std::string& key) {
  static const std::map<std::string, std::string> columns = {
      {"org", "organisation"}, {"organisation", "organisation"}, {"organization", "organisation"},
      {"year", "year"},        {"date", "date"},                 {"title", "title"},
      {"lang", "language"},    {"language", "language"},         {"url", "url"},
      {"authors", "authors"},  {"author", "authors"},            {"notes", "notes"},
  };
  const auto found = columns.find(key);
  if (found == columns.end()) return std::nullopt;
  return found->second;
}

corpus::Result<FieldEdit, std::string> check_field(const std::string& key, const std::string& value) {
  const std::optional<std::string> column = column_for_key(key);
  if (!column) {
    return corpus::Unexpected("unknown key '" + key + "' (keys: org, year, date, title, lang, url, authors, notes)");
  }
  if (holds_line_break_or_tab(value)) return corpus::Unexpected(key + " may not hold a tab or a line break");
  std::string text = value;
  const auto first = text.find_first_not_of(' ');
  text = first == std::string::npos ? std::string{} : text.substr(first, text.find_last_not_of(' ') - first + 1);
  if (text.empty()) return corpus::Unexpected(key + " needs a value (use --unset " + key + " to clear it)");
  if (*column == "year" && (text.size() != 4 || !all_digits(text))) {
    return corpus::Unexpected("year '" + text + "' is not four digits (e.g. 2021)");
  }
  if (*column == "date" && !is_date(text)) {
    return corpus::Unexpected("date '" + text + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (*column == "language") {
    const std::optional<std::string> tag = language_tag(text);
    if (!tag) return corpus::Unexpected("language '" + text + "' is not a BCP 47 tag (e.g. en, de, pt-BR)");
    text = *tag;
  }
  if (*column == "url" && !text.starts_with("http://") && !text.starts_with("https://")) {
    return corpus::Unexpected("url '" + text + "' does not start with http:// or https://");
  }
  return FieldEdit{.column = *column, .value = text};
}

std::optional<fs::path> root_containing(const fs::path& file, const std::vector<fs::path>& roots) {
  std::optional<fs::path> best;
  const std::string path = file.string();
  for (const fs::path& root : roots) {
    std::string prefix = root.string();
    if (!prefix.ends_with('/')) prefix.push_back('/');
    if (!path.starts_with(prefix)) continue;
    if (!best || root.string().size() > best->string().size()) best = root;
  }
  return best;
}

fs::path catalogue_for(const fs::path& file, const std::vector<fs::path>& roots) {
  const std::optional<fs::path> root = root_containing(file, roots);
  // The nearest catalogue with a row for the file: its row is the one in force.
  for (fs::path folder = file.parent_path();; folder = folder.parent_path()) {
    const fs::path candidate = folder / corpus::kCatalogueFileName;
    if (has_row(candidate, file)) return candidate;
    if ((root && folder == *root) || !folder.has_relative_path()) break;
  }
  return (root ? *root : file.parent_path()) / corpus::kCatalogueFileName;
}

std::string document_key(const std::string& operand) {
  std::error_code ec;
  if (operand.find('/') != std::string::npos || fs::exists(operand, ec)) return absolute_path(operand).string();
  return operand;
}

void print_summary(const search::DocumentView& doc, std::ostream& out) {
  const std::size_t pages = doc.pages.size();
  out << "  title:        " << doc.title << "\n"
      << "  organisation: " << doc.organisation << "\n"
      << "  year:         " << (doc.year ? std::to_string(*doc.year) : "") << "\n"
      << "  language:     " << doc.language << "\n"
      << "  format:       " << doc.format << " (" << pages << (pages == 1 ? " page" : " pages") << "), "
      << doc.status << "\n"
      << "  id:           " << doc.id << "\n";
  if (!doc.url.empty()) out << "  url:          " << doc.url << "\n";
  if (doc.tags.empty()) {
    out << "  tags:         none\n";
  } else {
    out << "  tags:        ";
    for (const search::TagCount& tag : doc.tags) out << " " << tag.id << " (" << tag.count << ")";
    out << "\n";
  }
  for (const std::string& warning : doc.warnings) out << "  warning:      " << warning << "\n";
}

nlohmann::ordered_json summary_json(const search::DocumentView& doc) {
  const auto or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
  };
  nlohmann::ordered_json tags = nlohmann::ordered_json::array();
  for (const search::TagCount& tag : doc.tags) tags.push_back({{"id", tag.id}, {"count", tag.count}});
  return {{"id", doc.id},
          {"path", doc.path},
          {"title", or_null(doc.title)},
          {"organisation", or_null(doc.organisation)},
          {"year", doc.year ? nlohmann::ordered_json(*doc.year) : nlohmann::ordered_json(nullptr)},
          {"date", or_null(doc.date)},
          {"language", or_null(doc.language)},
          {"url", or_null(doc.url)},
          {"format", doc.format},
          {"status", doc.status},
          {"pages", doc.pages.size()},
          {"tags", tags},
          {"warnings", doc.warnings}};
}

}  // namespace cydex::cli
