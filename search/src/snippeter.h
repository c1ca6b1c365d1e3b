// SPDX-License-Identifier: Apache-2.0
/// @brief Choosing and highlighting the best passage of a hit.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "cydex/index/analyzer.h"
#include "cydex/index/stored_document.h"
#include "cydex/search/search_types.h"

namespace cydex::search {

/// The words a hit matched, as the index holds them.
struct MatchedTerms {
  std::set<std::string> exact;    ///< Folded words ("diplomacy").
  std::set<std::string> stemmed;  ///< Stems ("diplomaci"), compared with the stem of each word.
  std::set<std::string> tags;     ///< Tag ids the query filtered on ("norm:13j").
};

/// Terms of `terms` that can appear in body text, from Enquire's matching terms.
MatchedTerms body_terms(Xapian::TermIterator begin, Xapian::TermIterator end);

/// Picks the passage of about `max_bytes` with the most distinct matched
/// words, across all pages, and marks each matched word as written. Without
/// a word match, the passage around the first mention of a queried tag;
/// without either, the start of the first page with text.
class Snippeter {
 public:
  /// Stems of a document's words are compared with its own language's stemmer, as the index stemmed them.
  Snippet best_passage(const index::StoredDocument& doc, const MatchedTerms& terms, std::size_t max_bytes = 240);
  /// The same passage, found faster for long documents: the positions that
  /// document `did` of `db` holds for the matched words say which pages to
  /// tokenise. Falls back to reading every page when positions are missing.
  Snippet best_passage(const index::StoredDocument& doc, const MatchedTerms& terms, const Xapian::Database* db,
                       Xapian::docid did, std::size_t max_bytes = 240);

 private:
  /// The matched words on one page (index into doc.pages).
  struct PageMatches {
    std::size_t page = 0;
    /// Word index on the page (term position minus the page's first) and
    /// the matched word's number (distinct per word of the document), ascending.
    std::vector<std::pair<std::size_t, std::size_t>> words{};
  };

  const Xapian::Stem& stemmer_for(const std::string& language);
  /// `word`'s stem by `stemmer` (one of stemmers_), remembered across hits and searches.
  const std::string& stem_of(const Xapian::Stem& stemmer, const std::string& word);
  /// Per page, where the matched words are, from the index; nothing when the
  /// positions cannot be read or mapped to pages.
  std::optional<std::vector<PageMatches>> locate(const index::StoredDocument& doc, const MatchedTerms& terms,
                                                 const Xapian::Stem& stemmer, const Xapian::Database& db,
                                                 Xapian::docid did);

  index::Analyzer analyzer_;
  std::map<std::string, Xapian::Stem> stemmers_;
  /// Stems already computed, per stemmer of stemmers_ (whose addresses are stable).
  std::map<const Xapian::Stem*, std::unordered_map<std::string, std::string>> stems_{};
};

}  // namespace cydex::search
