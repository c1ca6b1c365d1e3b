// SPDX-License-Identifier: Apache-2.0
#include "query_builder.h"

#include <algorithm>
#include <array>

#include "cydex/index/schema.h"

namespace cydex::search {
namespace schema = index::schema;
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

/// ASCII characters that are query syntax or separators; everything else
/// (letters, digits, any non-ASCII character) belongs to a word.
bool is_syntax(char ch) {
  const auto byte = static_cast<unsigned char>(ch);
  if (byte >= 0x80) return false;
  return !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
}

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : db_(db), stemmer_("english") {
  parser_.set_database(db_);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.add_prefix("title", std::string(schema::kTitlePrefix));
  parser_.add_prefix("author", std::string(schema::kAuthorPrefix));
  parser_.add_prefix("org", std::string(schema::kOrgWordsPrefix));
  // "year:2019..2023" is a range over the sortable year; "year:2019" one year.
  parser_.add_rangeprocessor(
      (new Xapian::NumberRangeProcessor(schema::kYearSortableSlot, "year:"))->release());
  parser_.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  parser_.add_boolean_prefix("lang", std::string(schema::kLanguagePrefix));
  parser_.add_boolean_prefix("format", std::string(schema::kFormatPrefix));
  parser_.add_boolean_prefix("id", std::string(schema::kIdPrefix));
  // Tag fields: "norm:13j" is the term XTnorm:13j.
  for (const char* category : {"norm", "actor", "instrument"}) {
    parser_.add_boolean_prefix(category, schema::term(schema::kTagPrefix, std::string(category) + ":"));
  }
}

std::string QueryBuilder::fold_query_text(const std::string& text) const {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_syntax(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_syntax(text[end])) ++end;
    const std::string_view word = std::string_view(text).substr(i, end - i);
    const bool is_operator = std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
    if (is_operator) {
      out += word;
    } else {
      const std::string folded = analyzer_.fold(word);
      out += folded.empty() ? std::string(word) : folded;
    }
    i = end;
  }
  return out;
}

Xapian::Query QueryBuilder::organisation_filter(const std::string& name) const {
  const std::string folded = analyzer_.fold(name);
  const std::string exact = schema::term(schema::kOrgPrefix, folded);
  if (db_.term_exists(exact)) return Xapian::Query(exact);
  // Not a whole name in the index: all of its words ("SNV", "Foreign Office").
  std::vector<Xapian::Query> words;
  for (const index::Token& token : analyzer_.tokenize(name)) {
    words.emplace_back(schema::term(schema::kOrgWordsPrefix, token.term));
  }
  if (words.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

std::string QueryBuilder::spelling_suggestion(const std::string& query_text) {
  const std::string folded = fold_query_text(query_text);
  if (folded.find_first_not_of(" \t\n") == std::string::npos) return {};
  // Only a word the corpus does not have is worth correcting; field names
  // and operators are words of the query language, not of the corpus.
  bool unknown_word = false;
  std::size_t pos = 0;
  while (pos < query_text.size()) {
    std::size_t end = query_text.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = query_text.size();
    const std::string_view chunk = std::string_view(query_text).substr(pos, end - pos);
    const bool is_operator = std::find(kOperators.begin(), kOperators.end(), chunk) != kOperators.end();
    if (chunk.find(':') == std::string_view::npos && !is_operator) {
      for (const index::Token& token : analyzer_.tokenize(chunk)) {
        if (!db_.term_exists(token.term)) unknown_word = true;
      }
    }
    pos = end + 1;
  }
  if (!unknown_word) return {};
  try {
    (void)parser_.parse_query(folded, kParserFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const Xapian::QueryParserError&) {
    return {};
  }
  return parser_.get_corrected_query_string();
}

Xapian::Query QueryBuilder::build(const SearchRequest& request) {
  Xapian::Query query = Xapian::Query::MatchAll;
  const std::string folded = fold_query_text(request.query);
  if (folded.find_first_not_of(" \t\n") != std::string::npos) {
    const unsigned expansion =
        request.expand ? Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS
                       : 0u;
    query = parser_.parse_query(folded, kParserFlags | expansion);
  }

  std::vector<Xapian::Query> filters;
  if (!request.organisations.empty()) {
    std::vector<Xapian::Query> any;
    for (const std::string& name : request.organisations) any.push_back(organisation_filter(name));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (request.year_from || request.year_to) {
    const std::string low = Xapian::sortable_serialise(request.year_from.value_or(0));
    const std::string high = Xapian::sortable_serialise(request.year_to.value_or(9999));
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kYearSortableSlot, low, high);
  }
  for (const Xapian::Query& filter : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  return query;
}

}  // namespace cydex::search
