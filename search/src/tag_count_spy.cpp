// SPDX-License-Identifier: Apache-2.0
#include "tag_count_spy.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace cydex::search {
namespace {

/// Results travel as "count SP tag LF" lines; tag ids never contain a newline.
template <typename Counts>
void parse_results(const std::string& serialised, Counts& counts) {
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

std::size_t TagCountMatchSpy::Hash::operator()(std::string_view text) const noexcept {
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  if (text.size() >= 8) {
    std::memcpy(&head, text.data(), 8);
    std::memcpy(&tail, text.data() + text.size() - 8, 8);
  } else if (!text.empty()) {
    std::memcpy(&head, text.data(), text.size());
  }
  std::uint64_t mixed = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ text.size()) * 0xFF51AFD7ED558CCDULL;
  mixed ^= mixed >> 29;
  return static_cast<std::size_t>(mixed);
}

void TagCountMatchSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  // A document of a combined database (several shards) gives its docid
  // within its shard, which a stream of the combined database cannot use.
  if (db_ && db_->size() == 1) {
    count(streamed_value(doc.get_docid()));
  } else {
    value_ = doc.get_value(slot_);
    count(value_);
  }
}

std::string_view TagCountMatchSpy::streamed_value(Xapian::docid did) {
  // The match visits documents in ascending docid order; a new match (or
  // anything else) that goes back starts a new stream.
  if (!stream_ || did < stream_did_) stream_ = db_->valuestream_begin(slot_);
  stream_did_ = did;
  if (*stream_ == db_->valuestream_end(slot_)) return {};
  if (stream_->get_docid() < did) stream_->skip_to(did);
  if (*stream_ == db_->valuestream_end(slot_) || stream_->get_docid() != did) return {};
  value_ = **stream_;
  return value_;
}

void TagCountMatchSpy::count(std::string_view value) {
  while (!value.empty()) {
    const std::size_t end = value.find('\n');
    const std::string_view tag = value.substr(0, end);
    if (!tag.empty()) {
      const auto found = tally_.find(tag);
      if (found == tally_.end()) {
        tally_.emplace(std::string(tag), 1);
      } else {
        ++found->second;
      }
    }
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  counts_stale_ = true;
}

const std::map<std::string, int>& TagCountMatchSpy::counts() const {
  if (counts_stale_) {
    counts_ = std::map<std::string, int>(tally_.begin(), tally_.end());
    counts_stale_ = false;
  }
  return counts_;
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
  for (const auto& [tag, count] : counts()) {
    out += std::to_string(count);
    out += ' ';
    out += tag;
    out += '\n';
  }
  return out;
}

void TagCountMatchSpy::merge_results(const std::string& serialised) {
  parse_results(serialised, tally_);
  counts_stale_ = true;
}

std::string TagCountMatchSpy::get_description() const {
  return "TagCountMatchSpy(slot " + std::to_string(slot_) + ", " + std::to_string(tally_.size()) + " values)";
}

}  // namespace cydex::search
