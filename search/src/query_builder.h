// SPDX-License-Identifier: Apache-2.0
/// @brief Turning a SearchRequest into a Xapian query, analysed like the documents.
#pragma once

#include <string>

#include <xapian.h>

#include "cydex/index/analyzer.h"
#include "cydex/search/search_types.h"

namespace cydex::search {

/// Builds queries for one database. The query text is folded with the same
/// index::Analyzer the documents were indexed with (case, accents,
/// compatibility forms) before Xapian's QueryParser reads its syntax, so
/// "Démarche" finds "demarche". Throws Xapian::QueryParserError on bad syntax.
class QueryBuilder {
 public:
  explicit QueryBuilder(const Xapian::Database& db);

  Xapian::Query build(const SearchRequest& request);

  /// The query with misspelt words replaced by the closest words of the
  /// corpus, or empty when every word is known or no correction is near.
  std::string spelling_suggestion(const std::string& query_text);

  /// Folds the words of a query and keeps its syntax (operators, quotes,
  /// field prefixes, parentheses, wildcards) as written.
  [[nodiscard]] std::string fold_query_text(const std::string& text) const;

  [[nodiscard]] const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::Query organisation_filter(const std::string& name) const;

  Xapian::Database db_;
  index::Analyzer analyzer_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
};

}  // namespace cydex::search
