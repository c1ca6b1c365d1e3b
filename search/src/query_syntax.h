// SPDX-License-Identifier: Apache-2.0
/// @brief Finding the mistakes in a query that Xapian's parser accepts silently or reports without a position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cydex::search {

/// A mistake in a query, located for the user.
struct QueryProblem {
  std::string message{};                   ///< One line: quotes the query, names the column and the token.
  std::size_t position = 0;                ///< Byte offset of the offending token in the query.
  std::string token{};                     ///< The offending token as written.
  std::vector<std::string> suggestions{};  ///< Closest valid alternatives, best first.
};

/// "NAME:VALUE" outside quotes, at the start of a word, with NAME in ASCII letters.
struct FieldUse {
  std::string name{};        ///< Lower-cased, without the colon.
  std::string value{};       ///< As written; up to a space or ')'; empty when nothing follows.
  std::size_t position = 0;  ///< Byte offset of NAME in the query.
};

/// Every NAME:VALUE of the query (see FieldUse), in order.
std::vector<FieldUse> field_uses(std::string_view query);

/// The first structural mistake: a quote or parenthesis not closed, a ')'
/// without '(', an operator without a word on one side, a known field with
/// nothing after it (or a group after a field that takes one value), or a
/// word that is clearly meant as a field but is not one ("nrom:13j",
/// "language:de"). A word is taken as meant for a field only when its name
/// is ASCII letters, the value does not start with '/' (so URLs are text),
/// and the name is within one edit (two for names of five letters or more)
/// of a field name of three letters or more, or a common long form of one
/// ("language", "organisation"); "10:30" or "https://..." stay text.
std::optional<QueryProblem> find_syntax_problem(std::string_view query);

/// Optimal string alignment distance (insertions, deletions, substitutions,
/// transpositions of neighbours), over bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `count` candidates nearest to `word`, nearest first then
/// alphabetically, none farther than `max_distance`.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance, std::size_t count);

/// "malformed query 'QUERY': WHAT" and the like: the column (1-based, in
/// characters) of a byte offset in the query.
std::size_t column_of(std::string_view query, std::size_t position);

}  // namespace cydex::search
