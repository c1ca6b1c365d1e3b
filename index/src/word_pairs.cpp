// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/word_pairs.h"

#include <algorithm>
#include <array>

#include "cydex/index/schema.h"

namespace cydex::index {
namespace {

/// The ten most frequent words of each language, folded (no accents, lower
/// case), in byte order. Changing this list changes the index format: bump
/// kWordPairsVersion.
constexpr std::array<std::string_view, 34> kCommonWords = {
    "a",   "and", "das", "de",  "del", "den", "der", "des", "die", "du",  "el", "en",
    "et",  "for", "in",  "is",  "l",   "la",  "le",  "les", "los", "mit", "of", "on",
    "que", "se",  "that", "the", "to",  "und", "von", "y",   "zu",  "dem"};

constexpr std::array<std::string_view, kCommonWords.size()> sorted_words() {
  std::array<std::string_view, kCommonWords.size()> words = kCommonWords;
  std::sort(words.begin(), words.end());
  return words;
}

constexpr std::array<std::string_view, kCommonWords.size()> kSorted = sorted_words();

}  // namespace

bool is_common_word(std::string_view term) {
  // Common words are short; most words are not, and are answered at once.
  if (term.size() > 4) return false;
  return std::binary_search(kSorted.begin(), kSorted.end(), term);
}

std::string pair_term(std::string_view first, std::string_view second) {
  std::string out(schema::kPairPrefix);
  out.reserve(out.size() + first.size() + 1 + second.size());
  out += first;
  out += ' ';
  out += second;
  return out;
}

}  // namespace cydex::index
