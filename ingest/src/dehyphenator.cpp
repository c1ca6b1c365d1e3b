// SPDX-License-Identifier: Apache-2.0
#include "dehyphenator.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "dehyphenation_evidence.h"

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
      while (end < text.size() &&
             (is_word_byte(text[end]) || (text[end] == '-' && end + 1 < text.size() && is_word_byte(text[end + 1])))) {
        ++end;
      }
      const bool split_at_line_end = end + 1 < text.size() && text[end] == '-' && text[end + 1] == '\n';
      if (!split_at_line_end) words.insert(lower(text.substr(i, end - i)));
      i = end + 1;
    }
  }

  [[nodiscard]] bool has(const std::string& word) const { return words.count(lower(word)) > 0; }
};

enum class Decision { Join, KeepHyphen, Unsure };

/// Heads that form compounds with a hyphen in English ("multi-stakeholder",
/// "non-state", "self-defence") even when both parts are words.
constexpr std::string_view kCompoundPrefixes[] = {"multi",  "non",     "self", "cross", "anti",  "semi",  "quasi",
                                                  "pseudo", "counter", "ex",   "well",  "inter", "intra", "post"};

/// What is known besides the document: the word lists of its language (all
/// four when the language is unknown).
struct Evidence {
  const Vocabulary& vocabulary;
  const WordLists& lists;
  std::vector<std::string> languages;
  Reflow reflow = Reflow::WordToFirstLine;

  [[nodiscard]] bool listed(const std::string& word) const {
    for (const std::string& language : languages) {
      if (lists.contains(language, word)) return true;
      // The English list has "stakeholders" where a text has "stakeholder".
      if (language == "en" && word.size() > 3 && word.back() == 's' &&
          lists.contains(language, word.substr(0, word.size() - 1))) {
        return true;
      }
    }
    return false;
  }
  [[nodiscard]] bool known(const std::string& word) const { return vocabulary.has(word) || listed(word); }
};

/// `head` and `tail` are the letters either side of the break; `compound` is
/// the whole hyphenated word they belong to ("cyber-diplomat-in-chief").
/// Unsure when nothing but the default speaks for joining.
Decision decide(std::string_view head, std::string_view tail, const std::string& compound, const Evidence& evidence) {
  const std::string joined = std::string(head) + std::string(tail);
  if (evidence.vocabulary.has(joined)) return Decision::Join;
  if (evidence.vocabulary.has(std::string(head) + "-" + std::string(tail)) || evidence.vocabulary.has(compound)) {
    return Decision::KeepHyphen;
  }
  // "EU-wide", "G7-led": the head is an acronym or ends in a digit.
  const bool head_all_caps =
      head.size() >= 2 && std::all_of(head.begin(), head.end(), [](char ch) { return !is_lower_ascii(ch); });
  if (head_all_caps) return Decision::KeepHyphen;
  if (evidence.listed(joined)) return Decision::Join;
  // German closes its compounds ("Sicherheits-" / "strategie" is one word);
  // the other languages keep the hyphen between two words that exist alone.
  const bool german = evidence.languages.size() == 1 && evidence.languages.front() == "de";
  if (!german) {
    const std::string lower_head = fold_case(head);
    const bool prefix = std::find(std::begin(kCompoundPrefixes), std::end(kCompoundPrefixes), lower_head) !=
                        std::end(kCompoundPrefixes);
    if (prefix && evidence.known(std::string(tail))) return Decision::KeepHyphen;
    if (head.size() >= 3 && tail.size() >= 3 && evidence.listed(std::string(head)) &&
        evidence.listed(std::string(tail))) {
      return Decision::KeepHyphen;
    }
  }
  return Decision::Unsure;
}

/// Whether the UTF-8 sequence at `at` is a lower-case letter.
bool starts_lower(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  if (static_cast<unsigned char>(text[at]) < 0x80) return is_lower_ascii(text[at]);
  const std::string_view sequence = text.substr(at, 4);
  const icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(sequence.data(), static_cast<int32_t>(sequence.size())));
  return !decoded.isEmpty() && u_islower(decoded.char32At(0));
}

bool starts_upper(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  if (static_cast<unsigned char>(text[at]) < 0x80) return is_upper_ascii(text[at]);
  const std::string_view sequence = text.substr(at, 4);
  const icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(sequence.data(), static_cast<int32_t>(sequence.size())));
  return !decoded.isEmpty() && u_isupper(decoded.char32At(0));
}

/// Where a line-end break after the hyphen at `hyphen` ends: the start of
/// the next line's first word, and whether blank lines lie between (a
/// column or block change, where only evidence justifies a join).
struct Break {
  std::size_t tail_start = std::string::npos;
  bool across_blank_lines = false;
  bool capital_tail = false;  ///< "Cyber-" / "Außenpolitik": a compound, never a printer's split.
};

Break find_break(std::string_view text, std::size_t hyphen) {
  std::size_t i = hyphen + 1;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size() || text[i] != '\n') return {};
  std::size_t newlines = 0;
  while (i < text.size() && (text[i] == '\n' || text[i] == ' ' || text[i] == '\f')) newlines += text[i++] == '\n';
  if (starts_lower(text, i)) return Break{i, newlines > 1, false};
  if (starts_upper(text, i)) return Break{i, newlines > 1, true};
  return {};
}

std::size_t word_end(std::string_view text, std::size_t from) {
  while (from < text.size() && is_word_byte(text[from])) ++from;
  return from;
}

void dehyphenate_page(std::string& text, const Evidence& evidence) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const Break at = text[i] == '-' && i > 0 && is_word_byte(text[i - 1]) ? find_break(text, i) : Break{};
    if (at.tail_start == std::string::npos) {
      out.push_back(text[i++]);
      continue;
    }
    // The head: the word fragment just written to `out`, back to a non-word byte.
    std::size_t head_start = out.size();
    while (head_start > 0 && (is_word_byte(out[head_start - 1]) || out[head_start - 1] == '-')) --head_start;
    const std::string head = out.substr(head_start);
    const std::size_t tail_end = word_end(text, at.tail_start);
    const std::string_view tail = std::string_view(text).substr(at.tail_start, tail_end - at.tail_start);

    // The tail's own inner hyphens ("in-chief") belong to the same compound.
    std::size_t compound_end = tail_end;
    while (compound_end + 1 < text.size() && text[compound_end] == '-' && is_word_byte(text[compound_end + 1])) {
      compound_end = word_end(text, compound_end + 1);
    }
    const std::string compound =
        head + "-" + std::string(std::string_view(text).substr(at.tail_start, compound_end - at.tail_start));

    const std::string_view last_part = std::string_view(head).substr(head.rfind('-') + 1);
    // A capital after the hyphen makes a compound ("Cyber-Außenpolitik",
    // "non-EU"); its lines are joined only when a reader's sentence is asked
    // for, since a capital may also start a new sentence after a dash.
    const Decision decision =
        at.capital_tail
            ? (evidence.reflow == Reflow::JoinLines && !at.across_blank_lines ? Decision::KeepHyphen : Decision::Unsure)
            : decide(last_part, tail, compound, evidence);
    const bool leave =
        at.capital_tail ? decision != Decision::KeepHyphen : at.across_blank_lines && decision == Decision::Unsure;
    if (leave) {
      out.push_back(text[i++]);
      continue;
    }
    if (decision == Decision::KeepHyphen) out.push_back('-');
    out.append(tail);
    // Punctuation attached to the word ("lomatic,") stays with it; whatever
    // follows on the tail's line starts the next line.
    std::size_t rest = tail_end;
    while (rest < text.size() && text[rest] != ' ' && text[rest] != '\n') out.push_back(text[rest++]);
    while (rest < text.size() && text[rest] == ' ') ++rest;
    if (rest < text.size() && text[rest] != '\n') {
      out.push_back(evidence.reflow == Reflow::JoinLines && !at.across_blank_lines ? ' ' : '\n');
    }
    i = rest;
  }
  text = std::move(out);
}

/// The hyphen ending the last text line of `text` that is followed only by
/// whole blocks (small print a layout moved after the body text), or npos.
std::size_t final_split(const std::string& text) {
  std::size_t end = text.find_last_not_of(" \n\f");
  for (int lines = 0; end != std::string::npos && lines < 12; ++lines) {
    const bool block_end = end + 1 >= text.size() || text.find_first_not_of(" \f", end + 1) == std::string::npos ||
                           text.compare(end + 1, 2, "\n\n") == 0;
    if (end > 0 && text[end] == '-' && is_word_byte(text[end - 1]) && block_end) return end;
    const std::size_t line_start = text.rfind('\n', end);
    if (line_start == std::string::npos || line_start == 0) break;
    end = text.find_last_not_of(" \n\f", line_start - 1);
  }
  return std::string::npos;
}

/// A word split between the end of one page and the start of the next is
/// completed on the first page when the joined word is known.
void join_across_pages(corpus::Page& first, corpus::Page& second, const Evidence& evidence) {
  std::string& end = first.text;
  const std::size_t hyphen = final_split(end);
  if (hyphen == std::string::npos) return;
  const std::size_t tail_start = second.text.find_first_not_of(" \n\f");
  if (tail_start == std::string::npos || !starts_lower(second.text, tail_start)) return;
  std::size_t head_start = hyphen;
  while (head_start > 0 && is_word_byte(end[head_start - 1])) --head_start;
  const std::string head = end.substr(head_start, hyphen - head_start);
  const std::size_t tail_end = word_end(second.text, tail_start);
  const std::string tail = second.text.substr(tail_start, tail_end - tail_start);
  if (decide(head, tail, head + "-" + tail, evidence) != Decision::Join) return;
  std::size_t rest = tail_end;
  while (rest < second.text.size() && second.text[rest] != ' ' && second.text[rest] != '\n') ++rest;
  end.replace(hyphen, 1, second.text.substr(tail_start, rest - tail_start));
  while (rest < second.text.size() && second.text[rest] == ' ') ++rest;
  second.text.erase(0, rest);
}

bool is_split_at(std::string_view text, std::size_t i) {
  if (text[i] != '-' || i == 0 || !is_word_byte(text[i - 1])) return false;
  const Break at = find_break(text, i);
  return at.tail_start != std::string::npos && !at.capital_tail;
}

}  // namespace

void dehyphenate(std::vector<corpus::Page>& pages) { dehyphenate(pages, DehyphenationOptions{}); }

void dehyphenate(std::vector<corpus::Page>& pages, const DehyphenationOptions& options) {
  const Vocabulary vocabulary(pages);
  std::string language = options.language;
  if (language.empty()) {
    std::string sample;
    for (const corpus::Page& page : pages) {
      if (sample.size() > 64 * 1024) break;
      sample += page.text;
    }
    language = guess_language(sample);
  }
  Evidence evidence{
      vocabulary, options.word_lists != nullptr ? *options.word_lists : WordLists::system(), {}, options.reflow};
  if (std::find(kWordListLanguages.begin(), kWordListLanguages.end(), language) != kWordListLanguages.end()) {
    evidence.languages.push_back(language);
  } else {
    evidence.languages.assign(kWordListLanguages.begin(), kWordListLanguages.end());
  }
  for (corpus::Page& page : pages) dehyphenate_page(page.text, evidence);
  for (std::size_t p = 0; p + 1 < pages.size(); ++p) join_across_pages(pages[p], pages[p + 1], evidence);
}

LineEndSplits count_line_end_splits(const std::vector<corpus::Page>& pages) {
  LineEndSplits count;
  std::string all;
  for (const corpus::Page& page : pages) {
    all += page.text;
    all.push_back('\n');
  }
  bool in_word = false;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bool word_byte = is_word_byte(all[i]) || (all[i] >= '0' && all[i] <= '9');
    if (word_byte && !in_word) ++count.words;
    in_word = word_byte;
    if (is_split_at(all, i)) ++count.splits;
  }
  return count;
}

}  // namespace cydex::ingest
