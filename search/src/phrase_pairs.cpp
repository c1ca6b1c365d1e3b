// SPDX-License-Identifier: Apache-2.0
#include "phrase_pairs.h"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "cydex/index/word_pairs.h"

namespace cydex::search {
namespace {

/// The term of a single-term query, or empty.
std::string leaf_term(const Xapian::Query& leaf) {
  if (leaf.get_type() != Xapian::Query::LEAF_TERM) return {};
  const Xapian::TermIterator it = leaf.get_terms_begin();
  return it == leaf.get_terms_end() ? std::string() : *it;
}

/// The window of an OP_PHRASE query. Xapian 1.4 has no accessor for it;
/// its description shows it: "Query((a@1 PHRASE 2 b@2))".
std::optional<Xapian::termcount> phrase_window(const Xapian::Query& phrase) {
  const std::string description = phrase.get_description();
  constexpr std::string_view kMarker = " PHRASE ";
  const std::size_t at = description.find(kMarker);
  if (at == std::string::npos) return std::nullopt;
  const char* begin = description.data() + at + kMarker.size();
  const char* end = description.data() + description.size();
  Xapian::termcount window = 0;
  const auto [stop, ec] = std::from_chars(begin, end, window);
  if (ec != std::errc{} || stop == end || *stop != ' ') return std::nullopt;
  return window;
}

std::optional<Xapian::Query> rewrite_phrase(const Xapian::Query& phrase) {
  const std::size_t size = phrase.get_num_subqueries();
  if (size < 2 || phrase_window(phrase) != size) return std::nullopt;
  std::vector<std::string> words;
  for (std::size_t i = 0; i < size; ++i) {
    std::string term = leaf_term(phrase.get_subquery(i));
    // Body words only: a field's terms ("Sthe") start with its capital prefix.
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return std::nullopt;
    words.push_back(std::move(term));
  }
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 1; i < size; ++i) {
    if (index::forms_pair(words[i - 1], words[i])) pairs.emplace_back(index::pair_term(words[i - 1], words[i]));
  }
  if (pairs.empty()) return std::nullopt;
  if (size == 2) {
    // The pair term is the phrase: its words adjacent in one title or page.
    const Xapian::Query words_query(Xapian::Query::OP_AND, phrase.get_subquery(0), phrase.get_subquery(1));
    return Xapian::Query(Xapian::Query::OP_FILTER, words_query, pairs.front());
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase, Xapian::Query(Xapian::Query::OP_AND, pairs.begin(), pairs.end()));
}

std::optional<Xapian::Query> rewrite(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::OP_PHRASE:
      return rewrite_phrase(query);
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      // Operators without parameters: rebuilt from their (rewritten) parts.
      std::vector<Xapian::Query> parts;
      bool changed = false;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query part = query.get_subquery(i);
        std::optional<Xapian::Query> rewritten = rewrite(part);
        changed = changed || rewritten.has_value();
        parts.push_back(rewritten ? *rewritten : part);
      }
      if (!changed) return std::nullopt;
      return Xapian::Query(query.get_type(), parts.begin(), parts.end());
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

Xapian::Query with_word_pairs(const Xapian::Query& query) {
  std::optional<Xapian::Query> rewritten = rewrite(query);
  return rewritten ? *rewritten : query;
}

}  // namespace cydex::search
