// SPDX-License-Identifier: Apache-2.0
#include "tag_count_spy.h"

#include <charconv>

namespace cydex::search {
namespace {

/// Results travel as "count SP tag LF" lines; tag ids never contain a newline.
void parse_results(const std::string& serialised, std::map<std::string, int>& counts) {
  std::size_t pos = 0;
  while (pos < serialised.size()) {
    std::size_t end = serialised.find('\n', pos);
    if (end == std::string::npos) end = serialised.size();
    const std::size_t space = serialised.find(' ', pos);
    if (space != std::string::npos && space < end) {
      int count = 0;
      std::from_chars(serialised.data() + pos, serialised.data() + space, count);
      counts[serialised.substr(space + 1, end - space - 1)] += count;
    }
    pos = end + 1;
  }
}

}  // namespace

void TagCountMatchSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  const std::string value = doc.get_value(slot_);
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t end = value.find('\n', pos);
    if (end == std::string::npos) end = value.size();
    if (end > pos) ++counts_[value.substr(pos, end - pos)];
    pos = end + 1;
  }
}

Xapian::MatchSpy* TagCountMatchSpy::clone() const { return new TagCountMatchSpy(slot_); }

std::string TagCountMatchSpy::name() const { return "cydex::TagCountMatchSpy"; }

std::string TagCountMatchSpy::serialise() const { return std::to_string(slot_); }

Xapian::MatchSpy* TagCountMatchSpy::unserialise(const std::string& serialised, const Xapian::Registry&) const {
  Xapian::valueno slot = 0;
  std::from_chars(serialised.data(), serialised.data() + serialised.size(), slot);
  return new TagCountMatchSpy(slot);
}

std::string TagCountMatchSpy::serialise_results() const {
  std::string out;
  for (const auto& [tag, count] : counts_) {
    out += std::to_string(count);
    out += ' ';
    out += tag;
    out += '\n';
  }
  return out;
}

void TagCountMatchSpy::merge_results(const std::string& serialised) { parse_results(serialised, counts_); }

std::string TagCountMatchSpy::get_description() const {
  return "TagCountMatchSpy(slot " + std::to_string(slot_) + ", " + std::to_string(counts_.size()) + " values)";
}

}  // namespace cydex::search
