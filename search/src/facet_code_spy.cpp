// SPDX-License-Identifier: Apache-2.0
#include "facet_code_spy.h"

#include "cydex/index/schema.h"

namespace cydex::search {
namespace {

constexpr std::size_t kInitialEntries = 1024;

std::size_t slot_of(std::uint32_t code, std::size_t mask) {
  // Fibonacci hashing spreads codes that differ in their low bits only.
  return static_cast<std::size_t>((static_cast<std::uint64_t>(code) * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

}  // namespace

CodeCounts::CodeCounts() : codes_(kInitialEntries, 0), counts_(kInitialEntries, 0) {}

void CodeCounts::add(std::uint32_t code, std::uint64_t count) {
  const std::size_t mask = codes_.size() - 1;
  std::size_t at = slot_of(code, mask);
  while (codes_[at] != code) {
    if (codes_[at] == 0) {
      // Kept at most half full, so that probes stay short.
      if (2 * (used_ + 1) > codes_.size()) {
        grow();
        add(code, count);
        return;
      }
      codes_[at] = code;
      ++used_;
      break;
    }
    at = (at + 1) & mask;
  }
  counts_[at] += count;
}

void CodeCounts::grow() {
  std::vector<std::uint32_t> codes(codes_.size() * 2, 0);
  std::vector<std::uint64_t> counts(codes.size(), 0);
  std::swap(codes, codes_);
  std::swap(counts, counts_);
  used_ = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] != 0) add(codes[i], counts[i]);
  }
}

void CodeCounts::merge(const CodeCounts& other) {
  for (std::size_t i = 0; i < other.codes_.size(); ++i) {
    if (other.codes_[i] != 0) add(other.codes_[i], other.counts_[i]);
  }
}

std::vector<std::pair<std::uint32_t, std::uint64_t>> CodeCounts::entries() const {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
  out.reserve(used_);
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    if (codes_[i] != 0) out.emplace_back(codes_[i], counts_[i]);
  }
  return out;
}

void FacetCodeSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  // A document of a combined database (several shards) gives its docid
  // within its shard, which a stream of the combined database cannot use.
  if (!db_ || db_->size() != 1) {
    count(doc.get_value(index::schema::kFacetCodesSlot));
    return;
  }
  const Xapian::docid did = doc.get_docid();
  // The match visits documents in ascending docid order; anything that goes
  // back (a new match) starts a new stream.
  if (!stream_ || did < stream_did_) stream_ = db_->valuestream_begin(index::schema::kFacetCodesSlot);
  stream_did_ = did;
  const Xapian::ValueIterator end = db_->valuestream_end(index::schema::kFacetCodesSlot);
  if (*stream_ == end) return;
  if (stream_->get_docid() < did) stream_->skip_to(did);
  if (*stream_ == end || stream_->get_docid() != did) return;
  count(**stream_);
}

void FacetCodeSpy::count(const std::string& value) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  for (std::size_t at = 0; at + 4 <= value.size(); at += 4) {
    const std::uint32_t code = static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
                               static_cast<std::uint32_t>(bytes[at + 2]) << 16 |
                               static_cast<std::uint32_t>(bytes[at + 3]) << 24;
    if (code != 0) counts_.add(code, 1);
  }
}

Xapian::MatchSpy* FacetCodeSpy::clone() const { return new FacetCodeSpy(); }

std::string FacetCodeSpy::name() const { return "cydex::FacetCodeSpy"; }

std::string FacetCodeSpy::get_description() const { return "FacetCodeSpy(slot " + std::to_string(index::schema::kFacetCodesSlot) + ")"; }

}  // namespace cydex::search
