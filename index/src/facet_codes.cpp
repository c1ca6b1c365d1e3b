// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/facet_codes.h"

#include <array>

#include "cydex/index/schema.h"

namespace cydex::index {
namespace {

constexpr std::uint32_t kFnvOffset = 2166136261U;
constexpr std::uint32_t kFnvPrime = 16777619U;

std::uint32_t fnv1a(std::uint32_t hash, std::string_view bytes) {
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= kFnvPrime;
  }
  return hash;
}

void add(std::vector<FacetValueCode>& out, std::string_view field, std::string value) {
  if (value.empty()) return;
  const std::uint32_t code = facet_code(field, value);
  out.push_back(FacetValueCode{.field = field, .value = std::move(value), .code = code});
}

}  // namespace

std::uint32_t facet_code(std::string_view field, std::string_view value) {
  std::uint32_t hash = fnv1a(kFnvOffset, field);
  hash = fnv1a(hash, "\t");
  hash = fnv1a(hash, value);
  return hash == 0 ? 1 : hash;
}

std::vector<FacetValueCode> facet_values_of(const Xapian::Document& doc) {
  std::vector<FacetValueCode> out;
  add(out, kOrganisationField, doc.get_value(schema::kOrganisationSlot));
  add(out, kYearField, doc.get_value(schema::kYearSlot));
  add(out, kLanguageField, doc.get_value(schema::kLanguageSlot));
  add(out, kFormatField, doc.get_value(schema::kFormatSlot));
  const std::string tags = doc.get_value(schema::kTagsSlot);
  std::size_t pos = 0;
  while (pos < tags.size()) {
    std::size_t end = tags.find('\n', pos);
    if (end == std::string::npos) end = tags.size();
    add(out, kTagField, tags.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

void set_facet_codes(Xapian::Document& doc) {
  std::string slot;
  for (const FacetValueCode& value : facet_values_of(doc)) {
    const std::array<char, 4> bytes = {static_cast<char>(value.code & 0xFFU), static_cast<char>((value.code >> 8) & 0xFFU),
                                       static_cast<char>((value.code >> 16) & 0xFFU),
                                       static_cast<char>((value.code >> 24) & 0xFFU)};
    slot.append(bytes.data(), bytes.size());
  }
  // An empty value removes the slot (remove_value throws when it is absent).
  doc.add_value(schema::kFacetCodesSlot, slot);
}

std::string facet_name_record(const FacetValueCode& value) {
  std::string out(value.field);
  out += '\t';
  out += value.value;
  return out;
}

std::optional<std::pair<std::string, std::string>> parse_facet_name_record(std::string_view record) {
  const std::size_t tab = record.find('\t');
  if (tab == std::string_view::npos || tab == 0 || tab + 1 == record.size()) return std::nullopt;
  return std::make_pair(std::string(record.substr(0, tab)), std::string(record.substr(tab + 1)));
}

std::string facet_name_key(std::uint32_t code) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string key(schema::kFacetNamePrefix);
  for (int shift = 28; shift >= 0; shift -= 4) key.push_back(kHex[(code >> shift) & 0xFU]);
  return key;
}

}  // namespace cydex::index
