// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/keyword_in_context.h"

#include <algorithm>

namespace cydex::corpus {
namespace {

bool is_continuation(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

}  // namespace

std::string keyword_in_context(std::string_view text, std::size_t start, std::size_t end, std::size_t radius) {
  end = std::min(end, text.size());
  start = std::min(start, end);
  std::size_t from = start > radius ? start - radius : 0;
  std::size_t to = std::min(text.size(), end + radius);
  // Widen to the nearest space so no word is cut, then to a character boundary.
  if (from > 0) {
    const std::size_t space = text.rfind(' ', from);
    from = space == std::string_view::npos || start - space > radius * 2 ? from : space + 1;
  }
  if (to < text.size()) {
    const std::size_t space = text.find(' ', to);
    to = space == std::string_view::npos || space - end > radius * 2 ? to : space;
  }
  while (from > 0 && is_continuation(text[from])) --from;
  while (to < text.size() && is_continuation(text[to])) ++to;

  std::string out = from > 0 ? "… " : "";
  for (const char ch : text.substr(from, to - from)) {
    const bool space = ch == '\n' || ch == ' ';
    if (space && !out.empty() && out.back() == ' ') continue;  // one line, single spaces
    out.push_back(space ? ' ' : ch);
  }
  if (to < text.size()) out += " …";
  return out;
}

}  // namespace cydex::corpus
