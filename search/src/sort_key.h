// SPDX-License-Identifier: Apache-2.0
/// @brief Sort keys for ordering hits by date or title, with documents lacking the value last.
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "cydex/search/search_types.h"

namespace cydex::search {

/// Makes the key Enquire sorts by (then by relevance). Date: the ISO date
/// of slot 6 as eight digits, else the year of slot 2 as YEAR0000 (a year
/// alone counts as the start of that year); Title: the folded title of
/// slot 5. A document without one gets a key that sorts last in the
/// direction asked for: empty when sorting descending, "\xff" (never in
/// UTF-8) when ascending.
class SortKeyMaker final : public Xapian::KeyMaker {
 public:
  SortKeyMaker(SortOrder order, bool descending) : order_(order), descending_(descending) {}

  std::string operator()(const Xapian::Document& doc) const override;

 private:
  SortOrder order_;
  bool descending_;
};

/// Sets the Enquire's order for the request and returns the key maker it
/// uses (null for relevance), which must outlive the Enquire's use.
///
/// `portable`: a remote shard cannot run a key maker (Xapian 1.4), so the
/// order is by one slot's value instead: date by the year (then the better
/// match), title by the folded title. Documents without the value then sort
/// first in ascending order instead of last.
std::unique_ptr<SortKeyMaker> apply_sort(Xapian::Enquire& enquire, const SearchRequest& request,
                                         bool portable = false);

}  // namespace cydex::search
