// SPDX-License-Identifier: Apache-2.0
#include "running_furniture.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace cydex::ingest {
namespace {

/// Lines at each end of a page that may be furniture.
constexpr std::size_t kEdgeLines = 2;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out.push_back('\n');
    out += line;
  }
  return out;
}

/// The line with digits masked and spaces dropped: "Page 3" -> "page#".
std::string shape_of(std::string_view line) {
  std::string out;
  for (const char ch : line) {
    if (ch >= '0' && ch <= '9') {
      if (out.empty() || out.back() != '#') out.push_back('#');
    } else if (ch != ' ') {
      out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
  }
  return out;
}

/// "7", "- 7 -", "– 7 –", "7/20", "page 7", "page 7 of 20", "p. 7".
bool is_page_number(std::string_view line) {
  std::string shape = shape_of(line);
  for (const std::string_view noise : {"–", "—", "-", "|", "page", "seite", "p.", "of", "/", "(", ")"}) {
    for (std::size_t at = shape.find(noise); at != std::string::npos; at = shape.find(noise)) {
      shape.erase(at, noise.size());
    }
  }
  return shape == "#" || shape == "##";
}

/// Blank for layout purposes: poppler ends each page with a form feed line.
bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r\f") == std::string::npos; }

/// Indexes of the non-empty lines within kEdgeLines of either end.
std::vector<std::size_t> edge_lines(const std::vector<std::string>& lines) {
  std::vector<std::size_t> non_empty;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_blank(lines[i])) non_empty.push_back(i);
  }
  std::set<std::size_t> edges;
  for (std::size_t k = 0; k < non_empty.size() && k < kEdgeLines; ++k) {
    edges.insert(non_empty[k]);
    edges.insert(non_empty[non_empty.size() - 1 - k]);
  }
  return {edges.begin(), edges.end()};
}

/// Indexes of lines that form a block of their own (blank lines around them)
/// away from the page's edges. On multi-column pages poppler reads a header
/// or footer with the column it sits above or below, so the right-hand
/// header ("European External Action Service") and the page number end up
/// between the columns' text.
std::vector<std::size_t> lone_lines(const std::vector<std::string>& lines) {
  std::vector<std::size_t> lone;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    if (!is_blank(lines[i]) && is_blank(lines[i - 1]) && is_blank(lines[i + 1])) lone.push_back(i);
  }
  return lone;
}

/// The number in a page-number line ("- 7 -" -> 7); -1 when it has none.
long number_in(std::string_view line) {
  long number = -1;
  for (const char ch : line) {
    if (ch < '0' || ch > '9') {
      if (number >= 0) break;
      continue;
    }
    number = (number < 0 ? 0 : number) * 10 + (ch - '0');
    if (number > 100000) return -1;
  }
  return number;
}

/// The difference between printed page numbers and the PDF's page index
/// ("3" printed on the fifth page after a cover and a contents page: -2),
/// when lone page-number lines agree on one on at least three pages and a
/// tenth of them; 0 otherwise.
long printed_number_offset(const std::vector<std::vector<std::string>>& lines,
                           const std::vector<corpus::Page>& pages) {
  std::map<long, std::size_t> pages_with_offset;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::set<long> offsets;
    for (const std::size_t i : lone_lines(lines[p])) {
      const long number = number_in(lines[p][i]);
      if (is_page_number(lines[p][i]) && number >= 0) offsets.insert(number - pages[p].number);
    }
    for (const long offset : offsets) ++pages_with_offset[offset];
  }
  long best = 0;
  std::size_t best_count = 0;
  for (const auto& [offset, count] : pages_with_offset) {
    if (count > best_count) {
      best = offset;
      best_count = count;
    }
  }
  return best_count >= std::max<std::size_t>(3, pages.size() / 10) ? best : 0;
}

}  // namespace

int remove_running_furniture(std::vector<corpus::Page>& pages) {
  std::vector<std::vector<std::string>> lines;
  std::map<std::string, std::size_t> pages_with_shape;
  for (const corpus::Page& page : pages) {
    lines.push_back(split_lines(page.text));
    std::set<std::string> shapes;
    for (const std::size_t i : edge_lines(lines.back())) shapes.insert(shape_of(lines.back()[i]));
    for (const std::size_t i : lone_lines(lines.back())) shapes.insert(shape_of(lines.back()[i]));
    for (const std::string& shape : shapes) ++pages_with_shape[shape];
  }
  // A running line appears on at least three pages and on at least 40% of them.
  const std::size_t threshold = std::max<std::size_t>(3, (pages.size() * 2 + 4) / 5);
  const long offset = printed_number_offset(lines, pages);

  int removed = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<std::string>& page_lines = lines[p];
    bool changed = false;
    for (const std::size_t i : edge_lines(page_lines)) {
      const std::string shape = shape_of(page_lines[i]);
      const bool running = pages.size() >= 3 && pages_with_shape[shape] >= threshold && shape.size() > 1;
      if (running || is_page_number(page_lines[i])) {
        page_lines[i].clear();
        changed = true;
        ++removed;
      }
    }
    // Away from the edges a lone number may be a figure ("64 parties"), so
    // only the page's own number goes: its index, or its printed number
    // where the numbering is offset consistently.
    for (const std::size_t i : lone_lines(page_lines)) {
      const std::string shape = shape_of(page_lines[i]);
      const bool running = pages.size() >= 3 && pages_with_shape[shape] >= threshold && shape.size() > 1;
      const long number = is_page_number(page_lines[i]) ? number_in(page_lines[i]) : -1;
      const bool own_number = number >= 0 && (number == pages[p].number || number == pages[p].number + offset);
      if (running || own_number) {
        page_lines[i].clear();
        changed = true;
        ++removed;
      }
    }
    if (changed) pages[p].text = join_lines(page_lines);
  }
  return removed;
}

}  // namespace cydex::ingest
