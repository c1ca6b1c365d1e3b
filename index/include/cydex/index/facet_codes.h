// SPDX-License-Identifier: Apache-2.0
/// @brief Facet codes: a document's facet values as 32-bit numbers in one value slot, for fast exact counting.
///
/// Counting facets over every match reads, per matching document, its
/// organisation, year, language, format and tags. As text in five value
/// slots that is five value streams and a string hash per tag id; as codes
/// in one slot it is one stream and an array increment per value. Each
/// value's code is a hash of its field and text, so a worker computes it
/// without asking the writer; the writer records each code's field and text
/// in the index's metadata (kFacetNamePrefix), where a search turns counted
/// codes back into values. The text slots stay: sorting, display, and
/// Xapian's own ValueCountMatchSpy, which counts remote shards, read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace cydex::index {

/// The field names of facet codes, as recorded in the metadata.
inline constexpr std::string_view kOrganisationField = "organisation";
inline constexpr std::string_view kYearField = "year";
inline constexpr std::string_view kLanguageField = "language";
inline constexpr std::string_view kFormatField = "format";
inline constexpr std::string_view kTagField = "tag";  ///< Values are tag ids ("norm:13j").

/// One facet value of a document.
struct FacetValueCode {
  std::string_view field{};   ///< One of the k...Field names.
  std::string value{};        ///< As displayed ("European External Action Service", "2019", "norm:13j").
  std::uint32_t code = 0;     ///< facet_code(field, value); never 0.
};

/// The code of `value` in `field`: FNV-1a over the field, a tab and the
/// value, never 0 (0 marks an empty slot of a counting table). Two values
/// may share a code; the writer detects that (see Writer) and searches then
/// count from the text slots instead.
std::uint32_t facet_code(std::string_view field, std::string_view value);

/// The facet values of `doc`, read from its text slots (organisation,
/// year, language, format, tags), one entry per value; empty slots give
/// none.
std::vector<FacetValueCode> facet_values_of(const Xapian::Document& doc);

/// Sets the codes slot (schema::kFacetCodesSlot) of `doc` from its text
/// slots: each code as four bytes, little-endian, in the order of
/// facet_values_of(). Call after the text slots are set.
void set_facet_codes(Xapian::Document& doc);

/// The metadata record of a code: "FIELD<TAB>VALUE".
std::string facet_name_record(const FacetValueCode& value);
/// The field and value of a metadata record; nothing when malformed.
std::optional<std::pair<std::string, std::string>> parse_facet_name_record(std::string_view record);
/// The metadata key of a code: kFacetNamePrefix and eight hex digits.
std::string facet_name_key(std::uint32_t code);

}  // namespace cydex::index
