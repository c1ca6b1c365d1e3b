// SPDX-License-Identifier: Apache-2.0
#include "search_output.h"

#include <algorithm>
#include <ostream>

namespace cydex::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::string_view kIndent = "    ";

/// Display width of UTF-8 text, counting code points (good enough for the
/// Latin, Greek and Cyrillic text of the corpus).
std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (const char ch : text) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

/// Wraps the snippet at word boundaries, marking highlighted ranges.
void print_wrapped(const search::Snippet& snippet, const TextStyle& style, std::ostream& out) {
  const std::string& text = snippet.text;
  std::size_t line_columns = 0;
  std::size_t pos = 0;
  out << kIndent;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view word = std::string_view(text).substr(pos, end - pos);
    const std::size_t width = columns(word);
    if (line_columns > 0 && kIndent.size() + line_columns + 1 + width > kWidth) {
      out << "\n" << kIndent;
      line_columns = 0;
    } else if (line_columns > 0) {
      out << ' ';
      ++line_columns;
    }
    // Emit the word, bolding the parts inside highlights.
    for (std::size_t i = pos; i < end;) {
      const auto inside = std::find_if(snippet.highlights.begin(), snippet.highlights.end(),
                                       [&](const auto& range) { return i >= range.first && i < range.second; });
      if (inside != snippet.highlights.end() && style.bold_highlights) {
        const std::size_t stop = std::min(inside->second, end);
        out << "\x1b[1m" << std::string_view(text).substr(i, stop - i) << "\x1b[0m";
        i = stop;
      } else {
        out << text[i++];
      }
    }
    line_columns += width;
    pos = end + 1;
  }
  out << "\n";
}

std::string display_path(const std::string& path, const std::filesystem::path& base) {
  if (base.empty()) return path;
  const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(base);
  if (relative.empty() || relative.string().starts_with("..")) return path;
  return relative.string();
}

void print_facet(const std::string& label, const std::vector<search::FacetValue>& values, const TextStyle& style,
                 std::ostream& out) {
  const auto lines = static_cast<std::size_t>(std::max(style.facet_lines, 1));
  out << label << ":\n";
  if (values.empty()) out << kIndent << "(none)\n";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i == lines) {
      out << kIndent << "       … " << values.size() - lines << " more\n";
      break;
    }
    const search::FacetValue& value = values[i];
    std::string count = std::to_string(value.count);
    std::string name = value.value;
    if (const auto found = style.labels.find(name); found != style.labels.end()) name += "  " + found->second;
    const std::size_t room = kWidth - kIndent.size() - 8;
    if (columns(name) > room) {
      std::size_t cut = room - 1;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      name = name.substr(0, cut) + "…";
    }
    out << kIndent << std::string(count.size() < 5 ? 5 - count.size() : 0, ' ') << count << "  " << name << "\n";
  }
}

}  // namespace

void print_search_result(const search::SearchResult& result, const TextStyle& style, std::ostream& out) {
  out << result.total << (result.total == 1 ? " document matches" : " documents match");
  if (result.query.find('"') != std::string::npos) {
    out << ": " << result.query;
  } else if (!result.query.empty()) {
    out << " \"" << result.query << "\"";
  }
  if (!result.hits.empty()) {
    out << " (showing " << result.hits.front().rank << "-" << result.hits.back().rank << ")";
  }
  out << "\n";
  if (!result.suggestion.empty()) out << "Did you mean: " << result.suggestion << "\n";
  for (const search::Hit& hit : result.hits) {
    out << "\n" << std::string(hit.rank < 10 ? 1 : 0, ' ') << hit.rank << ". " << hit.title << "\n";
    out << kIndent << (hit.organisation.empty() ? "(organisation unknown)" : hit.organisation);
    out << " · " << (hit.year ? std::to_string(*hit.year) : "(year unknown)") << " · " << hit.format;
    if (hit.snippet.page) out << " · p. " << *hit.snippet.page;
    out << "\n";
    if (!hit.snippet.text.empty()) print_wrapped(hit.snippet, style, out);
    out << kIndent << display_path(hit.path, style.base) << "\n";
  }
  if (result.total == 0) return;
  static const std::pair<const char*, const char*> kLabels[] = {
      {"organisation", "Organisation"}, {"year", "Year"}, {"norm", "Norm"}, {"actor", "Actor"},
      {"instrument", "Instrument"}};
  bool first = true;
  for (const auto& [name, label] : kLabels) {
    const auto facet = result.facets.find(name);
    if (facet == result.facets.end()) continue;
    out << (first ? "\n" : "");
    first = false;
    print_facet(label, facet->second, style, out);
  }
}

}  // namespace cydex::cli
