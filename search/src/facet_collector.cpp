// SPDX-License-Identifier: Apache-2.0
#include "facet_collector.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace cydex::search {

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot)
    : name_(std::move(name)), spy_(slot) {}

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db)
    : name_(std::move(name)), spy_(slot, db) {}

void FacetCollector::attach(Xapian::Enquire& enquire) { enquire.add_matchspy(&spy_); }

namespace {

void sort_by_count(std::vector<FacetValue>& values) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
}

}  // namespace

std::vector<FacetValue> year_ranges(const std::vector<FacetValue>& years, int size) {
  if (size <= 1) return years;
  std::map<std::string, int> counts;
  for (const FacetValue& year : years) {
    int value = 0;
    const char* end = year.value.data() + year.value.size();
    const auto [ptr, ec] = std::from_chars(year.value.data(), end, value);
    if (ec != std::errc{} || ptr != end || value < 0) {
      counts[year.value] += year.count;
      continue;
    }
    const int first = value / size * size;
    counts[std::to_string(first) + "-" + std::to_string(first + size - 1)] += year.count;
  }
  std::vector<FacetValue> out;
  for (const auto& [range, count] : counts) out.push_back(FacetValue{range, count});
  sort_by_count(out);
  return out;
}

std::vector<FacetValue> FacetCollector::values() const {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : spy_.counts()) out.push_back(FacetValue{value, count});
  sort_by_count(out);
  return out;
}

}  // namespace cydex::search
