// SPDX-License-Identifier: Apache-2.0
/// @brief Exact facet counts of one match, from the facet codes or the text slots, merged over slices.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "facet_code_spy.h"
#include "facet_collector.h"

namespace cydex::search {

/// The field and value of every facet code of an index, from its metadata
/// (index::kFacetNamePrefix), for turning counted codes into values.
class FacetCodeNames {
 public:
  /// Adds the codes recorded in `db`, a single database (not a combined
  /// one, whose metadata would be the first shard's only).
  void load(const Xapian::Database& db);
  /// The field and value of `code`; null when the index never recorded it.
  [[nodiscard]] const std::pair<std::string, std::string>* find(std::uint32_t code) const;

 private:
  std::unordered_map<std::uint32_t, std::pair<std::string, std::string>> names_{};
};

/// How a search counts facets.
struct FacetPlan {
  enum class Source {
    Codes,  ///< One FacetCodeSpy over the codes slot: every index made with the codes, all shards local.
    Slots,  ///< One spy per text slot: older indexes, and any remote shard (FacetCollector::Mode).
  };
  Source source = Source::Slots;
  FacetCollector::Mode mode = FacetCollector::Mode::Streaming;  ///< For Source::Slots.
  std::vector<std::string> value_facets{};  ///< Wanted of "organisation", "year", "language", "format".
  bool tags = false;                        ///< Tag facets wanted (norm, actor, instrument).

  [[nodiscard]] bool any() const { return tags || !value_facets.empty(); }
};

/// Counts summed over the slices of one search.
struct FacetTally {
  /// Value facet name -> value -> matching documents.
  std::map<std::string, std::map<std::string, int>> values{};
  /// Tag id -> matching documents.
  std::map<std::string, int> tags{};
};

/// The facet spies of one match (of one slice of the index, or of all of
/// it), on the Xapian::Database handle that match uses.
class MatchFacets {
 public:
  MatchFacets(const FacetPlan& plan, const Xapian::Database& handle);
  MatchFacets(const MatchFacets&) = delete;
  MatchFacets& operator=(const MatchFacets&) = delete;

  /// Registers the spies; call before Enquire::get_mset. The Enquire must
  /// not outlive this object.
  void attach(Xapian::Enquire& enquire);
  /// Adds this match's counts to `tally`; `names` turns codes into values
  /// (Source::Codes).
  void add_to(FacetTally& tally, const FacetCodeNames& names) const;

 private:
  const FacetPlan* plan_;
  FacetCodeSpy codes_;
  std::deque<FacetCollector> facets_{};
  FacetCollector tags_;
};

}  // namespace cydex::search
