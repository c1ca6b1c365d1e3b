// SPDX-License-Identifier: Apache-2.0
/// @brief Facet counts for multi-valued fields (tags), as a serialisable Xapian match spy.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace cydex::search {

/// Counts, over every document the match considers, each value of a slot
/// holding several values separated by '\n' (a document's tag ids): the
/// count of a tag is the number of matching documents that carry it.
///
/// Serialises its parameters and results, so Xapian runs it on each shard
/// of a combined database and merges the counts; a remote shard needs the
/// spy registered in its server's Xapian::Registry (see docs/SCALE.md).
///
/// Given the database the match runs on, and when that is a single
/// database, the spy reads the slot through one value stream that moves
/// forward with the match (documents come in docid order), instead of a
/// lookup per document: faster when many documents match. Otherwise (several
/// shards, whose documents report docids within their shard; a copy made by
/// clone() or unserialise(), as on a remote server) it reads each document's
/// value.
class TagCountMatchSpy final : public Xapian::MatchSpy {
 public:
  explicit TagCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}
  /// `db` must outlive the spy's use in a match.
  TagCountMatchSpy(Xapian::valueno slot, const Xapian::Database& db) : slot_(slot), db_(db) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised, const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override;

  /// Tag id -> number of matching documents.
  [[nodiscard]] const std::map<std::string, int>& counts() const;

 private:
  /// A cheap hash for short values (tag ids, names): the length and the
  /// first and last eight bytes, mixed. Equal hashes are told apart by
  /// comparing the strings, so a collision costs time, never a wrong count.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept;
  };
  void count(std::string_view value);
  /// The slot's value of `did`, through the value stream.
  std::string_view streamed_value(Xapian::docid did);

  Xapian::valueno slot_;
  std::optional<Xapian::Database> db_{};
  std::optional<Xapian::ValueIterator> stream_{};
  Xapian::docid stream_did_ = 0;  ///< Last docid asked of the stream.
  std::string value_{};
  std::unordered_map<std::string, int, Hash, std::equal_to<>> tally_{};
  mutable std::map<std::string, int> counts_{};
  mutable bool counts_stale_ = false;
};

}  // namespace cydex::search
