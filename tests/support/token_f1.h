// SPDX-License-Identifier: Apache-2.0
/// @brief Token-level precision, recall and F1 of an extracted text against gold text.
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

namespace cydex::testing {

/// Lower-cased words: runs of ASCII letters and digits and of any non-ASCII
/// byte (so UTF-8 letters stay inside words). The same rule as
/// bench/html_readability.mjs, so cydex and its peer are scored alike.
inline std::map<std::string, int> token_bag(const std::string& text) {
  std::map<std::string, int> bag;
  std::string word;
  for (const char ch : text + " ") {
    const auto byte = static_cast<unsigned char>(ch);
    if (std::isalnum(byte) || byte >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(byte)));
    } else if (!word.empty()) {
      ++bag[word];
      word.clear();
    }
  }
  return bag;
}

struct TokenScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

/// Words in common (with multiplicity) over the extracted and the gold words.
inline TokenScore token_score(const std::string& extracted, const std::string& gold) {
  const auto got = token_bag(extracted);
  const auto want = token_bag(gold);
  int common = 0;
  int got_total = 0;
  int want_total = 0;
  for (const auto& [word, count] : got) {
    got_total += count;
    if (const auto found = want.find(word); found != want.end()) common += std::min(count, found->second);
  }
  for (const auto& [word, count] : want) want_total += count;
  TokenScore out;
  if (got_total > 0) out.precision = static_cast<double>(common) / got_total;
  if (want_total > 0) out.recall = static_cast<double>(common) / want_total;
  if (out.precision + out.recall > 0) out.f1 = 2 * out.precision * out.recall / (out.precision + out.recall);
  return out;
}

}  // namespace cydex::testing
