// SPDX-License-Identifier: Apache-2.0
/// @brief Turning a SearchRequest into a Xapian query, analysed like the documents.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "cydex/index/analyzer.h"
#include "cydex/search/search_types.h"
#include "query_syntax.h"

namespace cydex::search {

/// Builds queries for one database. The query text is folded with the same
/// index::Analyzer the documents were indexed with (case, accents,
/// compatibility forms) before Xapian's QueryParser reads its syntax, so
/// "Démarche" finds "demarche".
///
/// Documents are stemmed with their own language's stemmer, so the query is
/// parsed once per stemmer the index uses and each parse is restricted to
/// the documents of those languages (their L terms); the parses are OR-ed.
/// "Verhandlung" thus finds a German "Verhandlungen" by the German stem and
/// an English "negotiations" keeps the English one. Phrases are not stemmed.
/// Throws Xapian::QueryParserError on a syntax error Xapian detects.
class QueryBuilder {
 public:
  explicit QueryBuilder(const Xapian::Database& db);

  Xapian::Query build(const SearchRequest& request);

  /// Narrows exact phrases with the index's word pairs (phrase_pairs.h);
  /// only for indexes made with the pairs of this version.
  void use_word_pairs(bool use) { word_pairs_ = use; }

  /// The first mistake of the query that Xapian would accept silently or
  /// without a position: syntax (see find_syntax_problem) or a tag id that
  /// is neither in the index, nor in the taxonomy registered in it, nor in
  /// `known_tags` (checked only when there is such a taxonomy or list).
  std::optional<QueryProblem> check(const std::string& query_text, const std::vector<std::string>& known_tags);

  /// The query with misspelt words replaced by the closest words of the
  /// corpus, or empty when every word is known or no correction is near.
  std::string spelling_suggestion(const std::string& query_text);

  /// Folds the words of a query and keeps its syntax (operators, quotes,
  /// field prefixes, parentheses, wildcards) as written.
  [[nodiscard]] std::string fold_query_text(const std::string& text) const;

 private:
  /// Languages sharing one stemmer.
  struct StemGroup {
    Xapian::Stem stemmer{};
    std::vector<std::string> languages{};  ///< Folded language tags, as after the L prefix.
    bool unlabelled = false;               ///< Also documents without a language.
  };

  Xapian::Query organisation_filter(const std::string& name) const;
  [[nodiscard]] bool known_word(const std::string& word) const;
  Xapian::Query parse(const std::string& folded, unsigned flags, const Xapian::Stem& stemmer);
  std::vector<StemGroup> groups_for(const SearchRequest& request) const;
  Xapian::Query group_filter(const StemGroup& group) const;
  const std::vector<std::string>& taxonomy_tags();

  Xapian::Database db_;
  index::Analyzer analyzer_;
  Xapian::QueryParser parser_;
  std::map<std::string, Xapian::QueryParser> parsers_;  ///< By stemmer description.
  std::vector<StemGroup> groups_;                       ///< Every stemmer the index uses.
  std::vector<std::string> all_languages_;              ///< Every language of the index.
  std::optional<std::vector<std::string>> taxonomy_tags_;
  bool word_pairs_ = false;
};

/// The stemmer of a language tag as the index applies it ("de-AT" -> German).
Xapian::Stem language_stemmer(const std::string& language);

}  // namespace cydex::search
