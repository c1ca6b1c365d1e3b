// SPDX-License-Identifier: Apache-2.0
/// @brief FacetCodeSpy: every facet of every match counted from one slot of 32-bit codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace cydex::search {

/// Counts of 32-bit codes in an open-addressing table: a few hundred
/// distinct codes (organisations, years, languages, formats, tag ids) stay
/// in the processor's first-level cache, so a count is an increment.
class CodeCounts {
 public:
  CodeCounts();
  /// Adds `count` to `code` (never 0).
  void add(std::uint32_t code, std::uint64_t count);
  /// Adds every count of `other`.
  void merge(const CodeCounts& other);
  /// Every code with a count, in no particular order.
  [[nodiscard]] std::vector<std::pair<std::uint32_t, std::uint64_t>> entries() const;

 private:
  void grow();

  std::vector<std::uint32_t> codes_;   ///< 0 marks a free entry; size a power of two.
  std::vector<std::uint64_t> counts_;  ///< Parallel to codes_.
  std::size_t used_ = 0;
};

/// A match spy that counts, over every document the match considers, each
/// facet code of schema::kFacetCodesSlot: one count per document and value,
/// as the five text slots would give, from one value stream.
///
/// Given the single database the match runs on, it reads the slot through
/// one value stream that moves forward with the match; otherwise (several
/// shards) each document's value. It is not registered with remote servers:
/// a search with a remote shard counts the text slots with Xapian's own
/// spies (FacetCollector::Mode::Portable).
class FacetCodeSpy final : public Xapian::MatchSpy {
 public:
  FacetCodeSpy() = default;
  /// `db` must outlive the spy's use in a match.
  explicit FacetCodeSpy(const Xapian::Database& db) : db_(db) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;
  std::string get_description() const override;

  [[nodiscard]] const CodeCounts& counts() const { return counts_; }

 private:
  void count(const std::string& value);

  std::optional<Xapian::Database> db_{};
  std::optional<Xapian::ValueIterator> stream_{};
  Xapian::docid stream_did_ = 0;  ///< Last docid asked of the stream.
  CodeCounts counts_{};
};

}  // namespace cydex::search
