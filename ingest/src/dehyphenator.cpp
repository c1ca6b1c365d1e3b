// SPDX-License-Identifier: Apache-2.0
#include "dehyphenator.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

namespace cydex::ingest {
namespace {

bool is_lower_ascii(char ch) { return ch >= 'a' && ch <= 'z'; }
bool is_upper_ascii(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool is_word_byte(char ch) {
  // ASCII letters and every byte of a multi-byte UTF-8 sequence (letters in
  // the languages cydex indexes); hyphens are handled by the caller.
  return is_lower_ascii(ch) || is_upper_ascii(ch) || static_cast<unsigned char>(ch) >= 0x80;
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& ch : out) {
    if (is_upper_ascii(ch)) ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

/// Words (letters and inner hyphens) of every page, in lower case, skipping
/// words that end a line with a hyphen (they are the fragments in question).
struct Vocabulary {
  std::unordered_set<std::string> words;

  explicit Vocabulary(const std::vector<corpus::Page>& pages) {
    for (const corpus::Page& page : pages) add(page.text);
  }

  void add(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      if (!is_word_byte(text[i])) {
        ++i;
        continue;
      }
      std::size_t end = i;
      while (end < text.size() && (is_word_byte(text[end]) || (text[end] == '-' && end + 1 < text.size() &&
                                                                 is_word_byte(text[end + 1])))) {
        ++end;
      }
      const bool split_at_line_end = end + 1 < text.size() && text[end] == '-' && text[end + 1] == '\n';
      if (!split_at_line_end) words.insert(lower(text.substr(i, end - i)));
      i = end + 1;
    }
  }

  [[nodiscard]] bool has(const std::string& word) const { return words.count(lower(word)) > 0; }
};

enum class Decision { Join, KeepHyphen };

/// `head` and `tail` are the letters either side of the break; `compound` is
/// the whole hyphenated word they belong to ("cyber-diplomat-in-chief").
Decision decide(std::string_view head, std::string_view tail, const std::string& compound,
                const Vocabulary& vocabulary) {
  const std::string joined = std::string(head) + std::string(tail);
  if (vocabulary.has(joined)) return Decision::Join;
  if (vocabulary.has(std::string(head) + "-" + std::string(tail)) || vocabulary.has(compound)) {
    return Decision::KeepHyphen;
  }
  // "EU-wide", "G7-led": the head is an acronym or ends in a digit.
  const bool head_all_caps =
      head.size() >= 2 && std::all_of(head.begin(), head.end(), [](char ch) { return !is_lower_ascii(ch); });
  if (head_all_caps) return Decision::KeepHyphen;
  return Decision::Join;
}

void dehyphenate_page(std::string& text, const Vocabulary& vocabulary) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const bool at_split = text[i] == '-' && i + 1 < text.size() && text[i + 1] == '\n' && i > 0 &&
                          is_word_byte(text[i - 1]) && i + 2 < text.size() && is_lower_ascii(text[i + 2]);
    if (!at_split) {
      out.push_back(text[i++]);
      continue;
    }
    // The head: the word fragment just written to `out`, back to a non-word byte.
    std::size_t head_start = out.size();
    while (head_start > 0 && (is_word_byte(out[head_start - 1]) || out[head_start - 1] == '-')) --head_start;
    const std::string head = out.substr(head_start);
    // The tail: the word starting the next line.
    std::size_t tail_end = i + 2;
    while (tail_end < text.size() && is_word_byte(text[tail_end])) ++tail_end;
    const std::string_view tail = std::string_view(text).substr(i + 2, tail_end - (i + 2));

    // The tail's own inner hyphens ("in-chief") belong to the same compound.
    std::size_t compound_end = tail_end;
    while (compound_end + 1 < text.size() && text[compound_end] == '-' && is_word_byte(text[compound_end + 1])) {
      ++compound_end;
      while (compound_end < text.size() && is_word_byte(text[compound_end])) ++compound_end;
    }
    const std::string compound =
        head + "-" + std::string(std::string_view(text).substr(i + 2, compound_end - (i + 2)));

    const std::string_view last_part = std::string_view(head).substr(head.rfind('-') + 1);
    if (decide(last_part, tail, compound, vocabulary) == Decision::KeepHyphen) out.push_back('-');
    out.append(tail);
    // Punctuation attached to the word ("lomatic,") stays with it; whatever
    // follows on the tail's line starts the next line.
    std::size_t rest = tail_end;
    while (rest < text.size() && text[rest] != ' ' && text[rest] != '\n') out.push_back(text[rest++]);
    while (rest < text.size() && text[rest] == ' ') ++rest;
    if (rest < text.size() && text[rest] != '\n') out.push_back('\n');
    i = rest;
  }
  text = std::move(out);
}

}  // namespace

void dehyphenate(std::vector<corpus::Page>& pages) {
  const Vocabulary vocabulary(pages);
  for (corpus::Page& page : pages) dehyphenate_page(page.text, vocabulary);
}

}  // namespace cydex::ingest
