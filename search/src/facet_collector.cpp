// SPDX-License-Identifier: Apache-2.0
#include "facet_collector.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string_view>

namespace cydex::search {

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot)
    : name_(std::move(name)), spy_(slot), portable_(slot) {}

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db)
    : name_(std::move(name)), spy_(slot, db), portable_(slot) {}

FacetCollector::FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db, Mode mode)
    : name_(std::move(name)), mode_(mode), spy_(slot, db), portable_(slot) {}

void FacetCollector::attach(Xapian::Enquire& enquire) {
  if (mode_ == Mode::Portable) {
    enquire.add_matchspy(&portable_);
  } else {
    enquire.add_matchspy(&spy_);
  }
}

std::map<std::string, int> FacetCollector::counts() const {
  if (mode_ == Mode::Streaming) return spy_.counts();
  // Each distinct value string (a combination of tags) with the number of
  // matching documents holding exactly it.
  std::map<std::string, int> out;
  for (Xapian::TermIterator it = portable_.values_begin(); it != portable_.values_end(); ++it) {
    const std::string combination = *it;
    const int count = static_cast<int>(it.get_termfreq());
    std::string_view rest = combination;
    while (!rest.empty()) {
      const std::size_t end = rest.find('\n');
      const std::string_view part = rest.substr(0, end);
      if (!part.empty()) out[std::string(part)] += count;
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return out;
}

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

std::vector<FacetValue> facet_values(const std::map<std::string, int>& counts) {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts) out.push_back(FacetValue{value, count});
  sort_by_count(out);
  return out;
}

std::vector<FacetValue> FacetCollector::values() const { return facet_values(counts()); }

}  // namespace cydex::search
