// SPDX-License-Identifier: Apache-2.0
#include "search_output.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace cydex::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::string_view kIndent = "    ";

bool is_continuation(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

/// Display width of UTF-8 text, counting code points (good enough for the
/// Latin, Greek and Cyrillic text of the corpus).
std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (const char ch : text) count += is_continuation(ch) ? 0 : 1;
  return count;
}

/// Byte offset after the first `count` code points of `text`.
std::size_t byte_offset(std::string_view text, std::size_t count) {
  std::size_t pos = 0;
  for (std::size_t seen = 0; pos < text.size(); ++pos) {
    if (!is_continuation(text[pos]) && seen++ == count) break;
  }
  return pos;
}

/// The text cut to `room` columns, ending in "…" when it was longer.
std::string shorten(std::string_view text, std::size_t room) {
  if (columns(text) <= room) return std::string(text);
  if (room == 0) return {};
  return std::string(text.substr(0, byte_offset(text, room - 1))) + "…";
}

/// A path cut in the middle to `room` columns, keeping its file name
/// (itself shortened when even that is too long).
std::string shorten_path(const std::string& path, std::size_t room) {
  if (columns(path) <= room) return path;
  const std::size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash);
  if (columns(name) + 1 >= room) return shorten(name.starts_with('/') ? name.substr(1) : name, room);
  const std::size_t head = room - columns(name) - 1;
  return std::string(path.substr(0, byte_offset(path, head))) + "…" + name;
}

/// Wraps the snippet at word boundaries, marking highlighted ranges. A word
/// longer than a line (a URL) is cut into line-sized pieces.
void print_wrapped(const search::Snippet& snippet, const TextStyle& style, std::ostream& out) {
  const std::string& text = snippet.text;
  const std::size_t room = kWidth - kIndent.size();
  std::size_t line_columns = 0;
  std::size_t pos = 0;
  out << kIndent;
  const auto emit = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to;) {
      const auto inside = std::find_if(snippet.highlights.begin(), snippet.highlights.end(),
                                       [&](const auto& range) { return i >= range.first && i < range.second; });
      if (inside != snippet.highlights.end() && style.bold_highlights) {
        const std::size_t stop = std::min(inside->second, to);
        out << "\x1b[1m" << std::string_view(text).substr(i, stop - i) << "\x1b[0m";
        i = stop;
      } else {
        out << text[i++];
      }
    }
  };
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::size_t width = columns(std::string_view(text).substr(pos, end - pos));
    if (line_columns > 0 && line_columns + 1 + width > room) {
      out << "\n" << kIndent;
      line_columns = 0;
    } else if (line_columns > 0) {
      out << ' ';
      ++line_columns;
    }
    while (width > room - line_columns) {
      const std::size_t cut = pos + byte_offset(std::string_view(text).substr(pos, end - pos), room - line_columns);
      emit(pos, cut);
      out << "\n" << kIndent;
      width -= columns(std::string_view(text).substr(pos, cut - pos));
      line_columns = 0;
      pos = cut;
    }
    emit(pos, end);
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
    name = shorten(name, kWidth - kIndent.size() - 8);
    out << kIndent << std::string(count.size() < 5 ? 5 - count.size() : 0, ' ') << count << "  " << name << "\n";
  }
}

/// "3 documents match "cyber" (showing 1-3)", shortened to one line.
void print_header(const search::SearchResult& result, const TextStyle& style, std::ostream& out) {
  std::string head = (result.total_exact ? "" : "about ") + std::to_string(result.total) +
                     (result.total == 1 && result.total_exact ? " document matches" : " documents match");
  std::string tail;
  if (!result.hits.empty()) {
    tail = " (showing " + std::to_string(result.hits.front().rank) + "-" + std::to_string(result.hits.back().rank) +
           (style.order.empty() ? "" : ", " + style.order) + ")";
  }
  if (!result.query.empty()) {
    const bool quoted = result.query.find('"') != std::string::npos;
    const std::size_t room = kWidth > columns(head) + columns(tail) + 4 ? kWidth - columns(head) - columns(tail) - 4 : 8;
    const std::string query = shorten(result.query, room);
    head += quoted ? ": " + query : " \"" + query + "\"";
  }
  out << head << tail << "\n";
}

}  // namespace

void print_search_result(const search::SearchResult& result, const TextStyle& style, std::ostream& out) {
  print_header(result, style, out);
  if (!result.suggestion.empty()) out << shorten("Did you mean: " + result.suggestion, kWidth) << "\n";
  for (const search::Hit& hit : result.hits) {
    const std::string number = std::string(hit.rank < 10 ? 1 : 0, ' ') + std::to_string(hit.rank) + ". ";
    out << "\n" << number << shorten(hit.title.empty() ? "(untitled)" : hit.title, kWidth - columns(number)) << "\n";
    std::string details = " · " + (hit.year ? std::to_string(*hit.year) : std::string("(year unknown)")) + " · " +
                          hit.format;
    if (!hit.language.empty()) details += " · " + hit.language;
    if (hit.snippet.page) details += " · p. " + std::to_string(*hit.snippet.page);
    const std::size_t room = kWidth - kIndent.size();
    const std::string organisation = hit.organisation.empty() ? "(organisation unknown)" : hit.organisation;
    out << kIndent << shorten(organisation, room > columns(details) ? room - columns(details) : 1) << details << "\n";
    if (!hit.snippet.text.empty()) print_wrapped(hit.snippet, style, out);
    out << kIndent << shorten_path(display_path(hit.path, style.base), room) << "\n";
    for (std::size_t i = 1; i < hit.paths.size(); ++i) {
      out << kIndent << shorten_path(display_path(hit.paths[i], style.base), room) << "\n";
    }
  }
  if (result.total == 0) return;
  static const std::pair<const char*, const char*> kLabels[] = {
      {"organisation", "Organisation"}, {"year", "Year"}, {"language", "Language"}, {"format", "Format"},
      {"norm", "Norm"}, {"actor", "Actor"}, {"instrument", "Instrument"}};
  bool first = true;
  for (const auto& [name, label] : kLabels) {
    const auto facet = result.facets.find(name);
    if (facet == result.facets.end()) continue;
    out << (first ? "\n" : "");
    first = false;
    print_facet(label, facet->second, style, out);
  }
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

void print_search_csv(const search::SearchResult& result, std::ostream& out) {
  out << "rank,score,id,title,organisation,year,language,format,page,path,snippet\r\n";
  for (const search::Hit& hit : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", hit.score);
    const std::string fields[] = {std::to_string(hit.rank),
                                  score,
                                  hit.id,
                                  hit.title,
                                  hit.organisation,
                                  hit.year ? std::to_string(*hit.year) : std::string(),
                                  hit.language,
                                  hit.format,
                                  hit.snippet.page ? std::to_string(*hit.snippet.page) : std::string(),
                                  hit.path,
                                  hit.snippet.text};
    bool first = true;
    for (const std::string& field : fields) {
      out << (first ? "" : ",") << csv_field(field);
      first = false;
    }
    out << "\r\n";
  }
}

}  // namespace cydex::cli
