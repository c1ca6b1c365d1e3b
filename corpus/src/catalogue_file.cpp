// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/catalogue_file.h"

#include <algorithm>
#include <fstream>
#include <system_error>


namespace cydex::corpus {
namespace fs = std::filesystem;
namespace {

/// The header of a catalogue cydex creates.
const std::vector<std::string> kStandardColumns = {"path", "title", "organisation", "year", "language", "url", "notes"};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \r\n") - first + 1);
}

std::string join_tabs(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.push_back('\t');
    out += cells[i];
  }
  return out;
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  fs::path out = fs::absolute(path, ec);
  return (ec ? path : out).lexically_normal();
}

}  // namespace

Result<CatalogueFile, CatalogueError> CatalogueFile::open(const fs::path& file) {
  CatalogueFile out;
  out.file_ = absolute_normal(file);
  std::error_code ec;
  if (!fs::exists(out.file_, ec)) {
    out.lines_.push_back(Line{.raw = join_tabs(kStandardColumns), .cells = {}, .data = false, .edited = false});
    out.columns_ = kStandardColumns;
    out.header_ = 0;
    out.header_edited_ = true;
    return out;
  }
  std::ifstream in(out.file_, std::ios::binary);
  if (!in) return Unexpected(CatalogueError{out.file_, 0, "cannot open catalogue"});
  bool have_header = false;
  int number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++number;
    Line line{.raw = raw, .cells = {}, .data = false, .edited = false};
    std::string text = raw;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text.front() != '#') {
      if (!have_header) {
        for (const std::string& cell : split_tabs(text)) out.columns_.push_back(trim(cell));
        if (std::find(out.columns_.begin(), out.columns_.end(), "path") == out.columns_.end()) {
          return Unexpected(CatalogueError{out.file_, number, "header has no 'path' column"});
        }
        out.header_ = out.lines_.size();
        have_header = true;
      } else {
        line.data = true;
        line.cells = split_tabs(text);
      }
    }
    out.lines_.push_back(std::move(line));
  }
  if (in.bad()) return Unexpected(CatalogueError{out.file_, number, "read error"});
  if (!have_header) return Unexpected(CatalogueError{out.file_, 0, "no header line"});
  return out;
}

std::size_t CatalogueFile::find_line(const fs::path& absolute_path) const {
  const auto path_column = static_cast<std::size_t>(
      std::find(columns_.begin(), columns_.end(), "path") - columns_.begin());
  const fs::path wanted = absolute_normal(absolute_path);
  std::size_t found = std::string::npos;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const Line& line = lines_[i];
    if (!line.data || line.cells.size() <= path_column) continue;
    const std::string relative = trim(line.cells[path_column]);
    if (relative.empty()) continue;
    // The last row for a path wins, as when the catalogue is loaded.
    if ((folder() / relative).lexically_normal() == wanted) found = i;
  }
  return found;
}

std::size_t CatalogueFile::column_index(const std::string& column) {
  const auto it = std::find(columns_.begin(), columns_.end(), column);
  if (it != columns_.end()) return static_cast<std::size_t>(it - columns_.begin());
  columns_.push_back(column);
  header_edited_ = true;
  return columns_.size() - 1;
}

std::optional<std::map<std::string, std::string>> CatalogueFile::row(const fs::path& absolute_path) const {
  const std::size_t at = find_line(absolute_path);
  if (at == std::string::npos) return std::nullopt;
  std::map<std::string, std::string> cells;
  const Line& line = lines_[at];
  for (std::size_t i = 0; i < line.cells.size() && i < columns_.size(); ++i) {
    std::string value = trim(line.cells[i]);
    if (!value.empty()) cells[columns_[i]] = std::move(value);
  }
  return cells;
}

void CatalogueFile::set(const fs::path& absolute_path, const std::string& column, const std::string& value) {
  std::size_t at = find_line(absolute_path);
  if (at == std::string::npos) {
    const std::size_t path_column = column_index("path");
    Line line{.raw = {}, .cells = std::vector<std::string>(path_column + 1), .data = true, .edited = true};
    line.cells[path_column] = absolute_normal(absolute_path).lexically_relative(folder()).string();
    lines_.push_back(std::move(line));
    at = lines_.size() - 1;
  }
  // Clearing a column the catalogue does not have changes nothing.
  if (value.empty() && std::find(columns_.begin(), columns_.end(), column) == columns_.end()) return;
  const std::size_t index = column_index(column);
  Line& line = lines_[at];
  if (line.cells.size() <= index) {
    if (value.empty()) return;
    line.cells.resize(index + 1);
  }
  if (line.cells[index] == value) return;
  line.cells[index] = value;
  line.edited = true;
}

Result<int, CatalogueError> CatalogueFile::save() const {
  const fs::path partial = file_.string() + ".partial";
  int rows = 0;
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Unexpected(CatalogueError{file_, 0, "cannot write " + partial.string()});
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      if (line.data) ++rows;
      if (i == header_ && header_edited_) {
        out << join_tabs(columns_) << '\n';
      } else if (line.edited) {
        std::vector<std::string> cells = line.cells;
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        out << join_tabs(cells) << '\n';
      } else {
        out << line.raw << '\n';
      }
    }
    out.flush();
    if (!out) return Unexpected(CatalogueError{file_, 0, "cannot write " + partial.string() + " (disk full?)"});
  }
  std::error_code ec;
  fs::rename(partial, file_, ec);
  if (ec) {
    fs::remove(partial, ec);
    return Unexpected(CatalogueError{file_, 0, "cannot replace the catalogue: " + ec.message()});
  }
  return rows;
}

}  // namespace cydex::corpus
