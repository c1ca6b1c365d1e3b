// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/catalogue.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <string_view>

namespace cydex::corpus {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_authors(std::string_view text) {
  std::vector<std::string> authors;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t semi = text.find(';', start);
    std::string author = trim(text.substr(start, semi - start));
    if (!author.empty()) authors.push_back(std::move(author));
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return authors;
}

/// Parses a year or an ISO date's year; nothing when neither.
std::optional<int> parse_year(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + 4, year);
  if (ec != std::errc{} || end != text.data() + 4) return std::nullopt;
  if (text.size() > 4 && text[4] != '-') return std::nullopt;
  return year;
}

}  // namespace

std::string CatalogueError::message() const {
  std::string out = path.string();
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  return out + ": " + detail;
}

Result<int, CatalogueError> Catalogue::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Unexpected(CatalogueError{file, 0, "cannot open catalogue"});

  const std::filesystem::path folder = file.parent_path();
  std::map<std::filesystem::path, CatalogueRecord> loaded;
  std::vector<std::string> columns;
  std::string raw;
  int line_number = 0;
  while (std::getline(in, raw)) {
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (line_number == 1 && raw.starts_with("\xEF\xBB\xBF")) raw.erase(0, 3);
    if (raw.empty() || raw.front() == '#') continue;
    std::vector<std::string> fields = split_tabs(raw);
    if (columns.empty()) {
      columns = std::move(fields);
      for (std::string& column : columns) column = trim(column);
      if (std::find(columns.begin(), columns.end(), "path") == columns.end()) {
        return Unexpected(CatalogueError{file, line_number, "header has no 'path' column"});
      }
      continue;
    }
    if (fields.size() > columns.size()) {
      return Unexpected(CatalogueError{file, line_number,
                                       "row has " + std::to_string(fields.size()) + " fields, header has " +
                                           std::to_string(columns.size())});
    }
    CatalogueRecord row{.metadata = {}, .notes = {}, .excluded = false, .catalogue = file, .line = line_number};
    DocumentMetadata& record = row.metadata;
    std::string relative;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& column = columns[i];
      std::string value = trim(fields[i]);
      if (value.empty()) continue;
      if (column == "path") {
        relative = std::move(value);
      } else if (column == "title") {
        record.title = std::move(value);
      } else if (column == "organisation") {
        record.organisation = std::move(value);
      } else if (column == "year" || column == "date") {
        const std::optional<int> year = parse_year(value);
        if (!year) {
          return Unexpected(CatalogueError{file, line_number,
                                           column + " '" + value + "' is not YYYY or YYYY-MM-DD"});
        }
        if (!record.year || column == "year") record.year = year;
        if (column == "date") record.date = std::move(value);
      } else if (column == "language") {
        record.language = std::move(value);
      } else if (column == "url") {
        record.url = std::move(value);
      } else if (column == "authors") {
        record.authors = split_authors(value);
      } else if (column == "notes") {
        row.notes = std::move(value);
      } else if (column == "excluded") {
        row.excluded = true;
      }
    }
    if (relative.empty()) return Unexpected(CatalogueError{file, line_number, "row has an empty path"});
    const std::filesystem::path absolute =
        std::filesystem::absolute(folder / std::filesystem::path(relative)).lexically_normal();
    loaded[absolute] = std::move(row);
  }
  if (in.bad()) return Unexpected(CatalogueError{file, line_number, "read error"});
  if (columns.empty()) return Unexpected(CatalogueError{file, 0, "no header line"});

  const int count = static_cast<int>(loaded.size());
  for (auto& [path, record] : loaded) records_[path] = std::move(record);
  return count;
}

bool is_catalogue_file(const std::filesystem::path& path) {
  const std::filesystem::path name = path.filename();
  return name == kCatalogueFileName || name == kDomainsFileName;
}

Result<int, CatalogueError> Catalogue::load_domains(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Unexpected(CatalogueError{file, 0, "cannot open domain map"});
  std::map<std::string, std::string, std::less<>> loaded;
  bool header = true;
  int line_number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.empty() || raw.front() == '#') continue;
    const std::vector<std::string> fields = split_tabs(raw);
    if (header) {
      if (fields.size() != 2 || trim(fields[0]) != "domain" || trim(fields[1]) != "organisation") {
        return Unexpected(CatalogueError{file, line_number, "header must be 'domain<TAB>organisation'"});
      }
      header = false;
      continue;
    }
    if (fields.size() != 2) {
      return Unexpected(CatalogueError{file, line_number, "row needs a domain and an organisation"});
    }
    std::string domain = trim(fields[0]);
    for (char& ch : domain) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const std::string organisation = trim(fields[1]);
    if (domain.empty() || organisation.empty() || domain.find_first_of("/: ") != std::string::npos) {
      return Unexpected(CatalogueError{file, line_number, "'" + domain + "' is not a domain name"});
    }
    loaded[domain] = organisation;
  }
  if (header) return Unexpected(CatalogueError{file, 0, "no header line"});
  const int count = static_cast<int>(loaded.size());
  for (auto& [domain, organisation] : loaded) organisations_by_domain_[domain] = std::move(organisation);
  return count;
}

std::optional<std::string> Catalogue::organisation_for_url(std::string_view url) const {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  std::string host(rest.substr(0, rest.find_first_of("/:?#")));
  for (char& ch : host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // www.example.org, then example.org, then org: the longest listed suffix wins.
  for (std::string_view candidate = host; !candidate.empty();) {
    const auto found = organisations_by_domain_.find(candidate);
    if (found != organisations_by_domain_.end()) return found->second;
    const std::size_t dot = candidate.find('.');
    if (dot == std::string_view::npos) break;
    candidate.remove_prefix(dot + 1);
  }
  return std::nullopt;
}

std::optional<DocumentMetadata> Catalogue::find(const std::filesystem::path& absolute_path) const {
  const auto found = records_.find(absolute_path);
  if (found == records_.end()) return std::nullopt;
  return found->second.metadata;
}

const CatalogueRecord* Catalogue::find_record(const std::filesystem::path& absolute_path) const {
  const auto found = records_.find(absolute_path);
  return found == records_.end() ? nullptr : &found->second;
}

bool Catalogue::is_excluded(const std::filesystem::path& absolute_path) const {
  const CatalogueRecord* record = find_record(absolute_path);
  return record != nullptr && record->excluded;
}

}  // namespace cydex::corpus
