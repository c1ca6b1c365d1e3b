// SPDX-License-Identifier: Apache-2.0
/// @brief Facet counts over every matching document, as Xapian match spies.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "cydex/search/search_types.h"

namespace cydex::search {

/// Counts the values of one slot over all documents the match considers.
/// Built on Xapian::ValueCountMatchSpy, which serialises and merges across
/// databases, so counts stay exact over several shards or remote databases.
/// Exact when the match is run with checkatleast >= the document count.
class FacetCollector {
 public:
  FacetCollector(std::string name, Xapian::valueno slot);

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
  Xapian::ValueCountMatchSpy spy_;
};

}  // namespace cydex::search
