// SPDX-License-Identifier: Apache-2.0
/// @brief Facet counts over every matching document, as Xapian match spies.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "cydex/search/search_types.h"
#include "tag_count_spy.h"

namespace cydex::search {

/// Counts the values of one slot over all documents the match considers.
/// Built on TagCountMatchSpy (a slot of one value is a list of one), which
/// serialises and merges across databases, so counts stay exact over several
/// shards or remote databases (docs/SCALE.md). Exact when the match is run
/// with checkatleast >= the document count.
class FacetCollector {
 public:
  FacetCollector(std::string name, Xapian::valueno slot);
  /// Reads the slot as one value stream of `db`, the database the match runs
  /// on (faster when many documents match); `db` must outlive the match.
  FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db);

  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  /// Registers the spy; call before Enquire::get_mset. The Enquire must not
  /// outlive this collector.
  void attach(Xapian::Enquire& enquire);

  /// Values by count descending, then value ascending.
  [[nodiscard]] std::vector<FacetValue> values() const;
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  std::string name_;
  TagCountMatchSpy spy_;
};

/// Year facet values grouped in ranges of `size` years aligned on multiples
/// of it ("2015-2019" for 5), counts summed (each document has one year, so
/// the sums stay exact); by count descending, then range. Values that are
/// not years are kept as they are.
std::vector<FacetValue> year_ranges(const std::vector<FacetValue>& years, int size);

}  // namespace cydex::search
