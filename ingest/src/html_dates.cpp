// SPDX-License-Identifier: Apache-2.0
#include "html_dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace cydex::ingest::html {
namespace {

struct MonthName {
  std::string_view name;  ///< Lower case, UTF-8.
  int month;
};

/// Month names and their usual abbreviations in en, de, fr, es.
constexpr std::array<MonthName, 62> kMonths = {{
    {"january", 1},   {"jan", 1},        {"januar", 1},    {"jänner", 1},    {"janvier", 1},   {"janv", 1},
    {"enero", 1},     {"february", 2},   {"feb", 2},       {"februar", 2},   {"février", 2},   {"févr", 2},
    {"febrero", 2},   {"march", 3},      {"mar", 3},       {"märz", 3},      {"mars", 3},      {"marzo", 3},
    {"april", 4},     {"apr", 4},        {"avril", 4},     {"abril", 4},     {"may", 5},       {"mai", 5},
    {"mayo", 5},      {"june", 6},       {"jun", 6},       {"juni", 6},      {"juin", 6},      {"junio", 6},
    {"july", 7},      {"jul", 7},        {"juli", 7},      {"juillet", 7},   {"julio", 7},     {"august", 8},
    {"aug", 8},       {"août", 8},       {"agosto", 8},    {"september", 9}, {"sep", 9},       {"sept", 9},
    {"septembre", 9}, {"septiembre", 9}, {"setiembre", 9}, {"october", 10},  {"oct", 10},      {"oktober", 10},
    {"octobre", 10},  {"octubre", 10},   {"november", 11}, {"nov", 11},      {"novembre", 11}, {"noviembre", 11},
    {"december", 12}, {"dec", 12},       {"dezember", 12}, {"décembre", 12}, {"déc", 12},      {"diciembre", 12},
    {"dez", 12},      {"okt", 10},
}};

struct Token {
  std::string text;  ///< Lower case (ASCII letters folded; others as written).
  bool number = false;
  char after = ' ';  ///< The character right after the token.
};

/// Words that label a date as the document's own ("Published: 12.03.2024").
constexpr std::array<std::string_view, 20> kDateLabels = {
    "published", "publication", "date",      "dated",          "decided",     "adopted", "issued",
    "released",  "posted",      "datum",     "veröffentlicht", "beschlossen", "publié",  "publiée",
    "adopté",    "fecha",       "publicado", "aprobado",       "pubblicato",  "data"};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

/// Words (letters, including any non-ASCII byte) and numbers; punctuation
/// separates them. "1er" and "12." come out as the number.
std::vector<Token> tokenise(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto ch = static_cast<unsigned char>(text[i]);
    if (std::isdigit(ch)) {
      std::size_t end = i;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      tokens.push_back({std::string(text.substr(i, end - i)), true, end < text.size() ? text[end] : ' '});
      // French ordinal "1er": the suffix is no word of its own.
      if (text.substr(end, 2) == "er") end += 2;
      i = end;
    } else if (std::isalpha(ch) || ch >= 0x80) {
      std::size_t end = i;
      while (end < text.size() &&
             (std::isalpha(static_cast<unsigned char>(text[end])) || static_cast<unsigned char>(text[end]) >= 0x80)) {
        ++end;
      }
      tokens.push_back({lower_ascii(text.substr(i, end - i)), false, end < text.size() ? text[end] : ' '});
      i = end;
    } else {
      ++i;
    }
  }
  return tokens;
}

int month_of(const Token& token) {
  if (token.number) return 0;
  for (const MonthName& month : kMonths) {
    if (token.text == month.name) return month.month;
  }
  // Capitalised non-ASCII initials stay upper case ("Août" is rare at a
  // sentence start; "Mär" abbreviations are rarer still): one more try.
  return 0;
}

int number_of(const Token& token, int low, int high) {
  if (!token.number || token.text.size() > 4) return 0;
  const int value = std::stoi(token.text);
  return value >= low && value <= high ? value : 0;
}

std::string iso(int year, int month, int day) {
  std::string out = std::to_string(year) + "-";
  if (month < 10) out += "0";
  out += std::to_string(month) + "-";
  if (day < 10) out += "0";
  out += std::to_string(day);
  return out;
}

/// A date starting at token `i`, or empty.
std::string date_at(const std::vector<Token>& tokens, std::size_t i) {
  const auto at = [&](std::size_t k) -> const Token* { return i + k < tokens.size() ? &tokens[i + k] : nullptr; };
  // ISO: 2023 10 12 (the dashes were separators).
  if (const int year = number_of(tokens[i], 1900, 2099); year != 0 && tokens[i].text.size() == 4 && at(2) != nullptr) {
    const int month = number_of(*at(1), 1, 12);
    const int day = number_of(*at(2), 1, 31);
    if (month != 0 && day != 0 && at(1)->text.size() == 2 && at(2)->text.size() == 2) return iso(year, month, day);
  }
  // Numeric, day first, as written in de/fr/es/it: 21.03.2024.
  if (const int day = number_of(tokens[i], 1, 31);
      day != 0 && tokens[i].after == '.' && at(2) != nullptr && at(1)->after == '.' && at(2)->text.size() == 4) {
    const int month = number_of(*at(1), 1, 12);
    const int year = number_of(*at(2), 1900, 2099);
    if (month != 0 && year != 0 && tokens[i].text.size() <= 2 && at(1)->text.size() <= 2) {
      return iso(year, month, day);
    }
  }
  // Day first: 12 October 2023, 12. Oktober 2023, 12 de octubre de 2023.
  if (const int day = number_of(tokens[i], 1, 31); day != 0 && tokens[i].text.size() <= 2 && at(1) != nullptr) {
    std::size_t k = 1;
    if (at(k)->text == "de") ++k;
    if (at(k) != nullptr) {
      if (const int month = month_of(*at(k)); month != 0) {
        ++k;
        if (at(k) != nullptr && (at(k)->text == "de" || at(k)->text == "del")) ++k;
        if (at(k) != nullptr && at(k)->text.size() == 4) {
          if (const int year = number_of(*at(k), 1900, 2099); year != 0) return iso(year, month, day);
        }
      }
    }
  }
  // Month first: October 12, 2023.
  if (const int month = month_of(tokens[i]); month != 0 && at(2) != nullptr) {
    const int day = number_of(*at(1), 1, 31);
    const int year = at(2)->text.size() == 4 ? number_of(*at(2), 1900, 2099) : 0;
    if (day != 0 && at(1)->text.size() <= 2 && year != 0) return iso(year, month, day);
  }
  return {};
}

}  // namespace

std::string first_date_in_text(std::string_view text) {
  const std::vector<Token> tokens = tokenise(text);
  std::string first;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string date = date_at(tokens, i);
    if (date.empty()) continue;
    // A labelled date is the document's own; an unlabelled one may be an
    // event the text reports, so it only counts when no label is found.
    const bool labelled =
        (i >= 1 && std::find(kDateLabels.begin(), kDateLabels.end(), tokens[i - 1].text) != kDateLabels.end()) ||
        (i >= 2 && std::find(kDateLabels.begin(), kDateLabels.end(), tokens[i - 2].text) != kDateLabels.end());
    if (labelled) return date;
    if (first.empty()) first = std::move(date);
  }
  return first;
}

std::string normalise_date(std::string_view value) {
  if (value.size() >= 4) {
    bool digits = true;
    for (std::size_t i = 0; i < 4; ++i) digits = digits && std::isdigit(static_cast<unsigned char>(value[i]));
    if (digits) {
      std::size_t end = 4;
      while (end < value.size() && end < 10 &&
             (std::isdigit(static_cast<unsigned char>(value[end])) || value[end] == '-')) {
        ++end;
      }
      std::string out(value.substr(0, end));
      while (!out.empty() && out.back() == '-') out.pop_back();
      const int year = std::stoi(out.substr(0, 4));
      if (year >= 1900 && year <= 2099) return out;
      return {};
    }
  }
  return first_date_in_text(value);
}

}  // namespace cydex::ingest::html
