// SPDX-License-Identifier: Apache-2.0
#include "query_syntax.h"

#include <algorithm>
#include <map>

#include "cydex/search/search_types.h"

namespace cydex::search {
namespace {

enum class TokenKind { Word, Phrase, Open, Close };

struct Token {
  TokenKind kind = TokenKind::Word;
  std::string_view text{};
  std::size_t position = 0;
};

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

bool is_letters(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  });
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

/// Operators that join two expressions; "NEAR/5" and "ADJ/3" too.
bool is_binary_operator(std::string_view word) {
  for (const std::string_view op : {"AND", "OR", "XOR", "NEAR", "ADJ"}) {
    if (word == op || (word.starts_with(op) && word.size() > op.size() && word[op.size()] == '/' &&
                       (op == "NEAR" || op == "ADJ"))) {
      return true;
    }
  }
  return false;
}

/// The query as words, phrases and parentheses. A phrase runs to the next
/// quote; `unclosed` receives the offset of a quote that has none.
std::vector<Token> lex(std::string_view query, std::optional<std::size_t>& unclosed) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < query.size()) {
    const char ch = query[i];
    if (is_space(ch)) {
      ++i;
    } else if (ch == '(' || ch == ')') {
      tokens.push_back(Token{ch == '(' ? TokenKind::Open : TokenKind::Close, query.substr(i, 1), i});
      ++i;
    } else if (ch == '"') {
      const std::size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos) {
        unclosed = i;
        return tokens;
      }
      tokens.push_back(Token{TokenKind::Phrase, query.substr(i, close + 1 - i), i});
      i = close + 1;
    } else {
      std::size_t end = i;
      while (end < query.size() && !is_space(query[end]) && query[end] != '(' && query[end] != ')' &&
             query[end] != '"') {
        ++end;
      }
      tokens.push_back(Token{TokenKind::Word, query.substr(i, end - i), i});
      i = end;
    }
  }
  return tokens;
}

/// A word's field name and value, when it has the form NAME:VALUE (after an optional + or -).
std::optional<FieldUse> as_field(const Token& token, std::string_view query) {
  if (token.kind != TokenKind::Word) return std::nullopt;
  std::string_view word = token.text;
  std::size_t position = token.position;
  if (word.starts_with('+') || word.starts_with('-')) {
    word.remove_prefix(1);
    ++position;
  }
  const std::size_t colon = word.find(':');
  if (colon == std::string_view::npos || !is_letters(word.substr(0, colon))) return std::nullopt;
  FieldUse use{lower(word.substr(0, colon)), std::string(word.substr(colon + 1)), position};
  // A quoted value ("norm:"13j"") belongs to the field too.
  const std::size_t after = position + colon + 1;
  if (use.value.empty() && after < query.size() && query[after] == '"') {
    const std::size_t close = query.find('"', after + 1);
    if (close != std::string_view::npos) use.value = std::string(query.substr(after, close + 1 - after));
  }
  return use;
}

bool is_known_field(const std::string& name) {
  return std::find(kQueryFields.begin(), kQueryFields.end(), name) != kQueryFields.end();
}

bool is_boolean_field(const std::string& name) { return name != "title" && name != "author" && name != "org"; }

const std::map<std::string, std::string>& example_values() {
  static const std::map<std::string, std::string> examples = {
      {"title", "title:strategy"}, {"author", "author:smith"}, {"org", "org:snv"},
      {"year", "year:2019"},       {"lang", "lang:de"},        {"format", "format:pdf"},
      {"id", "id:4f0c1e2a9b3d5e7f"},       {"norm", "norm:13j"},       {"actor", "actor:de"},
      {"instrument", "instrument:budapest-convention"}};
  return examples;
}

/// Long forms people type for a field.
const std::map<std::string, std::string>& long_forms() {
  static const std::map<std::string, std::string> forms = {
      {"language", "lang"},     {"languages", "lang"},    {"organisation", "org"},  {"organization", "org"},
      {"organisations", "org"}, {"organizations", "org"}, {"authors", "author"},    {"type", "format"},
      {"filetype", "format"},   {"date", "year"},         {"instruments", "instrument"},
      {"norms", "norm"},        {"actors", "actor"},      {"titles", "title"}};
  return forms;
}

/// The field a user clearly meant by an unknown NAME, or nothing.
std::vector<std::string> meant_fields(const std::string& name) {
  if (const auto form = long_forms().find(name); form != long_forms().end()) return {form->second};
  std::vector<std::string> out;
  std::size_t best = 3;
  for (const std::string& field : kQueryFields) {
    if (field.size() < 3) continue;
    const std::size_t allowed = field.size() >= 5 ? 2 : 1;
    if (name.size() > field.size() + allowed) continue;  // farther than allowed anyway; keeps long words cheap
    const std::size_t distance = edit_distance(name, field);
    if (distance > allowed || distance > best) continue;
    if (distance < best) out.clear();
    best = distance;
    out.push_back(field);
  }
  return out;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

QueryProblem problem(std::string_view query, std::size_t position, std::string_view token, const std::string& what) {
  return QueryProblem{"malformed query " + quoted(query) + ": " + quoted(token) + " at column " +
                          std::to_string(column_of(query, position)) + " " + what,
                      position, std::string(token), {}};
}

std::optional<QueryProblem> field_problem(std::string_view query, const Token& token, const Token* next) {
  const std::optional<FieldUse> use = as_field(token, query);
  if (!use) return std::nullopt;
  const std::string written = std::string(token.text.substr(use->position - token.position, use->name.size() + 1));
  if (is_known_field(use->name)) {
    const bool group_follows = use->value.empty() && next != nullptr && next->position == token.position + token.text.size() &&
                               (next->kind == TokenKind::Open || next->kind == TokenKind::Phrase);
    const std::string& example = example_values().at(use->name);
    if (use->value.empty() && !group_follows) {
      return problem(query, use->position, written, "needs a value, as in " + example);
    }
    if (group_follows && next->kind == TokenKind::Open && is_boolean_field(use->name)) {
      return problem(query, use->position, written, "takes one value, as in " + example + ", not a group");
    }
    return std::nullopt;
  }
  if (use->value.empty() || use->value.starts_with('/')) return std::nullopt;
  const std::vector<std::string> meant = meant_fields(use->name);
  if (meant.empty()) return std::nullopt;
  std::string names;
  for (const std::string& field : meant) names += (names.empty() ? "" : " or ") + field + ":";
  QueryProblem out{"unknown field " + quoted(written) + " at column " + std::to_string(column_of(query, use->position)) +
                       " of " + quoted(query) + "; did you mean " + names +
                       "? (fields: title, author, org, year, lang, format, id, norm, actor, instrument)",
                   use->position, written, {}};
  for (const std::string& field : meant) out.suggestions.push_back(field + ":");
  return out;
}

}  // namespace

std::size_t column_of(std::string_view query, std::size_t position) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < position && i < query.size(); ++i) {
    column += (static_cast<unsigned char>(query[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return column;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t max_distance, std::size_t count) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& candidate : candidates) {
    // The length difference bounds the distance from below: skip what cannot be near.
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (gap > max_distance) continue;
    const std::size_t distance = edit_distance(word, candidate);
    if (distance <= max_distance) scored.emplace_back(distance, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < count; ++i) out.push_back(scored[i].second);
  return out;
}

std::vector<FieldUse> field_uses(std::string_view query) {
  std::optional<std::size_t> unclosed;
  std::vector<FieldUse> out;
  for (const Token& token : lex(query, unclosed)) {
    if (auto use = as_field(token, query)) out.push_back(std::move(*use));
  }
  return out;
}

std::optional<QueryProblem> find_syntax_problem(std::string_view query) {
  std::optional<std::size_t> unclosed;
  const std::vector<Token> tokens = lex(query, unclosed);
  std::vector<std::size_t> open;
  // Whether an operand (word, phrase or closed group) ends just before.
  bool operand_before = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const Token* next = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    const bool operand_after = next != nullptr && next->kind != TokenKind::Close &&
                               !(next->kind == TokenKind::Word && is_binary_operator(next->text));
    switch (token.kind) {
      case TokenKind::Open:
        open.push_back(token.position);
        operand_before = false;
        break;
      case TokenKind::Close:
        if (open.empty()) return problem(query, token.position, ")", "has no matching '('");
        open.pop_back();
        operand_before = true;
        break;
      case TokenKind::Phrase:
        operand_before = true;
        break;
      case TokenKind::Word:
        if (is_binary_operator(token.text)) {
          if (!operand_before) return problem(query, token.position, token.text, "needs a word before it");
          if (!operand_after) return problem(query, token.position, token.text, "needs a word after it");
          operand_before = false;
        } else if (token.text == "NOT") {
          if (!operand_after) return problem(query, token.position, token.text, "needs a word after it");
          operand_before = false;
        } else {
          if (auto found = field_problem(query, token, next)) return found;
          operand_before = true;
        }
        break;
    }
  }
  if (unclosed) return problem(query, *unclosed, "\"", "opens a phrase that is not closed");
  if (!open.empty()) return problem(query, open.back(), "(", "is not closed");
  return std::nullopt;
}

}  // namespace cydex::search
