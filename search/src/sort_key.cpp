// SPDX-License-Identifier: Apache-2.0
#include "sort_key.h"

#include "cydex/index/schema.h"

namespace cydex::search {
namespace schema = index::schema;
namespace {

/// "2019-05-01" -> "20190501", "2019-05" -> "20190500".
std::string date_key(const std::string& date) {
  std::string digits;
  for (const char ch : date) {
    if (ch >= '0' && ch <= '9') digits.push_back(ch);
    if (digits.size() == 8) break;
  }
  if (digits.size() < 4) return {};
  digits.resize(8, '0');
  return digits;
}

}  // namespace

std::string SortKeyMaker::operator()(const Xapian::Document& doc) const {
  std::string key;
  if (order_ == SortOrder::Date) {
    key = date_key(doc.get_value(schema::kDateSlot));
    if (key.empty()) key = date_key(doc.get_value(schema::kYearSlot));
  } else if (order_ == SortOrder::Title) {
    key = doc.get_value(schema::kTitleSortSlot);
  }
  if (key.empty()) return descending_ ? std::string() : std::string("\xff");
  return key;
}

std::unique_ptr<SortKeyMaker> apply_sort(Xapian::Enquire& enquire, const SearchRequest& request, bool portable) {
  if (request.sort == SortOrder::Relevance) return nullptr;
  // Newest first and A to Z by default; --reverse flips the key only, ties stay best-first.
  const bool descending = (request.sort == SortOrder::Date) != request.reverse;
  if (portable) {
    const Xapian::valueno slot = request.sort == SortOrder::Date ? schema::kYearSlot : schema::kTitleSortSlot;
    enquire.set_sort_by_value_then_relevance(slot, descending);
    return nullptr;
  }
  auto maker = std::make_unique<SortKeyMaker>(request.sort, descending);
  enquire.set_sort_by_key_then_relevance(maker.get(), descending);
  return maker;
}

}  // namespace cydex::search
