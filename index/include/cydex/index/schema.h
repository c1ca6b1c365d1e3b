// SPDX-License-Identifier: Apache-2.0
/// @brief The only table of Xapian term prefixes and value slots cydex uses.
///
/// Conventions follow Omega's: single capitals for well-known fields, "X..."
/// for cydex's own. Terms after a prefix are analysed (folded) words for free
/// text fields, or folded whole values for boolean fields. docs/ and the README
/// carry the same table for users.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace cydex::index::schema {

// --- Term prefixes -----------------------------------------------------------
inline constexpr std::string_view kIdPrefix = "Q";            ///< Unique document id (boolean).
inline constexpr std::string_view kTitlePrefix = "S";         ///< Title words (free text).
inline constexpr std::string_view kAuthorPrefix = "A";        ///< Author words (free text).
inline constexpr std::string_view kOrgWordsPrefix = "XO";     ///< Organisation words (free text).
inline constexpr std::string_view kOrgPrefix = "XORG";        ///< Whole organisation name, folded (boolean).
inline constexpr std::string_view kYearPrefix = "Y";          ///< Year, four digits (boolean).
inline constexpr std::string_view kLanguagePrefix = "L";      ///< Language tag (boolean).
inline constexpr std::string_view kFormatPrefix = "T";        ///< "pdf", "html" or "text" (boolean).
inline constexpr std::string_view kPathPrefix = "P";          ///< Absolute path, one per copy (boolean).
/// SHA-256 of the file's bytes, lower-case hex (boolean): byte-identical
/// files share one document, which has a P term per path.
inline constexpr std::string_view kContentPrefix = "XH";
inline constexpr std::string_view kStatusPrefix = "XS";       ///< "ok" or "degraded" (boolean).
inline constexpr std::string_view kStemPrefix = "Z";          ///< Stemmed form, before any field prefix.
/// Tag identifier, whole ("XTnorm:13j", "XTactor:de"); wdf = number of mentions.
/// One prefix for every category, so a new category needs no schema change.
inline constexpr std::string_view kTagPrefix = "XT";
/// Two adjacent words of a title or page, one of them very common, joined by
/// a space ("XPthe court"), without positions; wdf = occurrences
/// (word_pairs.h).
inline constexpr std::string_view kPairPrefix = "XP";

// --- Value slots -------------------------------------------------------------
inline constexpr Xapian::valueno kYearSortableSlot = 0;  ///< sortable_serialise(year), for ranges.
inline constexpr Xapian::valueno kOrganisationSlot = 1;  ///< Organisation as displayed (facet).
inline constexpr Xapian::valueno kYearSlot = 2;          ///< Year as four digits (facet).
inline constexpr Xapian::valueno kFormatSlot = 3;        ///< Format name (facet).
inline constexpr Xapian::valueno kLanguageSlot = 4;      ///< Language tag (facet).
inline constexpr Xapian::valueno kTitleSortSlot = 5;     ///< Folded title (sort key).
inline constexpr Xapian::valueno kDateSlot = 6;          ///< ISO date (sort key).
inline constexpr Xapian::valueno kTagsSlot = 7;          ///< Tag ids of the document, '\n'-separated (facets).
/// The file as last indexed, "SIZE\tMTIME\tSHA256\tID\tPATH": what `cydex reindex`
/// compares with the disk, read for every document without loading its data.
/// A document with several paths (identical copies) holds one such record per
/// path, primary first, joined by '\0'.
inline constexpr Xapian::valueno kSourceSlot = 8;
/// The document's facet values (slots 1-4 and 7) as 32-bit codes, four
/// bytes each, little-endian: what exact facet counting reads for every
/// match (facet_codes.h).
inline constexpr Xapian::valueno kFacetCodesSlot = 9;

/// Metadata key of the roots `cydex reindex` keeps in step, '\n'-separated absolute paths.
inline constexpr const char* kRootsKey = "cydex:roots";
/// Metadata key prefix of remembered failures: "cydex:failed:PATH" -> "SIZE\tMTIME\tKIND\tREASON".
inline constexpr const char* kFailedKeyPrefix = "cydex:failed:";
/// Metadata key prefix of the catalogue record each file was indexed with:
/// "cydex:record:PATH" -> SHA-256 of the record's indexed fields (absent: no record).
inline constexpr const char* kRecordKeyPrefix = "cydex:record:";

/// Metadata key prefix of facet codes: "cydex:facet:XXXXXXXX" (the code in
/// hex) -> "FIELD<TAB>VALUE", written by the writer for each code it indexes.
inline constexpr const char* kFacetNamePrefix = "cydex:facet:";
/// Metadata key saying whether every document has its facet codes: "1"
/// when so (an index created with them, or retagged since), "collision"
/// when two facet values share a code; absent in an index made before the
/// codes existed. Searches count facets from the codes only when "1".
inline constexpr const char* kFacetCodesKey = "cydex:facet-codes";

/// Metadata key holding the version of the common-word list the index's
/// pair terms were made with (index::kWordPairsVersion); absent in an
/// index made without them.
inline constexpr const char* kPairsKey = "cydex:word-pairs";

// --- Positions ---------------------------------------------------------------
/// Term positions left empty between the title and page 1 and between pages,
/// so that a phrase never spans two pages.
inline constexpr Xapian::termpos kPageGap = 100;

/// Metadata key holding the index format version.
inline constexpr const char* kFormatVersionKey = "cydex:format";
inline constexpr const char* kFormatVersion = "1";

/// Builds a term: the prefix followed by the (already folded) value.
inline std::string term(std::string_view prefix, std::string_view value) {
  std::string out(prefix);
  out += value;
  return out;
}

}  // namespace cydex::index::schema
