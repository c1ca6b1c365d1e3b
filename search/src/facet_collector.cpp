// SPDX-License-Identifier: Apache-2.0
#include "facet_collector.h"

#include <algorithm>

namespace cydex::search {

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot)
    : name_(std::move(name)), spy_(slot) {}

void FacetCollector::attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&spy_); }

std::vector<FacetValue> FacetCollector::values() const {
  std::vector<FacetValue> out;
  for (Xapian::TermIterator it = spy_.values_begin(); it != spy_.values_end(); ++it) {
    out.push_back(FacetValue{*it, static_cast<int>(it.get_termfreq())});
  }
  std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

}  // namespace cydex::search
