// SPDX-License-Identifier: Apache-2.0
/// @brief Facet counts for multi-valued fields (tags), as a serialisable Xapian match spy.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace cydex::search {

/// Counts, over every document the match considers, each value of a slot
/// holding several values separated by '\n' (a document's tag ids): the
/// count of a tag is the number of matching documents that carry it.
///
/// Serialises its parameters and results, so Xapian runs it on each shard
/// of a combined database and merges the counts; a remote shard needs the
/// spy registered in its server's Xapian::Registry.
class TagCountMatchSpy final : public Xapian::MatchSpy {
 public:
  explicit TagCountMatchSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised, const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override;

  /// Tag id -> number of matching documents.
  [[nodiscard]] const std::map<std::string, int>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, int> counts_;
};

}  // namespace cydex::search
