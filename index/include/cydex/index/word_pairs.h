// SPDX-License-Identifier: Apache-2.0
/// @brief Word pairs: adjacent words of which one is very common, indexed as one term for fast phrases.
///
/// A phrase with a very common word ("the court of", "protection of")
/// matches nearly every document that has its other words, and Xapian checks
/// it by decoding the common word's positions, hundreds per document, in
/// every candidate. The index therefore also holds, without positions, each
/// pair of adjacent words (within a title or a page) of which at least one is
/// a common word: "XPthe court", "XPcourt of". A two-word phrase is then
/// exactly its words and its pair term, with no position to check; a longer
/// phrase is checked only in the documents that have all its pairs (Lucene's
/// and Solr's "common grams"). The list of common words is part of the index
/// format: an index records the version it was built with (kPairsKey) and
/// searches use the pairs only when it is this one.
#pragma once

#include <string>
#include <string_view>

namespace cydex::index {

/// The version of the common-word list, recorded in the metadata of every
/// index created with it (schema::kPairsKey).
inline constexpr std::string_view kWordPairsVersion = "1";

/// Whether `term` (a folded word, as Analyzer::tokenize gives it) is one of
/// the few dozen most frequent words of English, German, French or Spanish.
[[nodiscard]] bool is_common_word(std::string_view term);

/// Whether the adjacent words `first` and `second` form a pair term.
[[nodiscard]] inline bool forms_pair(std::string_view first, std::string_view second) {
  return is_common_word(first) || is_common_word(second);
}

/// The term of an adjacent pair: schema::kPairPrefix, `first`, a space, `second`.
[[nodiscard]] std::string pair_term(std::string_view first, std::string_view second);

}  // namespace cydex::index
