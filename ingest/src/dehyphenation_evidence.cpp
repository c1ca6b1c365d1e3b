// SPDX-License-Identifier: Apache-2.0
#include "dehyphenation_evidence.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace cydex::ingest {
namespace {

/// The file of each language in kWordListLanguages, in the same order.
constexpr std::array<std::string_view, 4> kFiles = {"american-english", "ngerman", "french", "spanish"};

/// Short words that are frequent in one language and rare in the others.
struct Markers {
  std::string_view language;
  std::array<std::string_view, 10> words;
};
constexpr std::array<Markers, 4> kMarkers = {{
    {"en", {"the", "and", "of", "to", "is", "that", "with", "for", "which", "are"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auch"}},
    {"fr", {"le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "sur"}},
    {"es", {"el", "los", "las", "y", "del", "es", "una", "para", "por", "con"}},
}};

bool is_ascii_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

}  // namespace

std::string fold_case(std::string_view word) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

std::string guess_language(std::string_view text, const LanguageGuessOptions& options) {
  text = text.substr(0, 64 * 1024);
  std::array<std::size_t, kMarkers.size()> hits{};
  std::array<std::array<bool, 10>, kMarkers.size()> seen{};
  std::size_t words = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !is_ascii_letter(text[start])) ++start;
    std::size_t end = start;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    // Only whole ASCII words: "für" must not count as "f".
    const bool whole = end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80;
    if (end > start) ++words;
    if (end > start && end - start <= 5 && whole) {
      std::string word(text.substr(start, end - start));
      for (char& ch : word) ch = static_cast<char>(ch | 0x20);
      for (std::size_t m = 0; m < kMarkers.size(); ++m) {
        const auto at = std::find(kMarkers[m].words.begin(), kMarkers[m].words.end(), word);
        if (at != kMarkers[m].words.end()) {
          ++hits[m];
          seen[m][static_cast<std::size_t>(at - kMarkers[m].words.begin())] = true;
        }
      }
    }
    start = end + 1;
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  std::size_t second = 0;
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    if (it != best) second = std::max(second, *it);
  }
  // Clear evidence: a few markers, twice as many as any other language's,
  // and in running text several different ones making up a good share of
  // the words (in Setswana "le" is frequent, but it is not French).
  const auto index = static_cast<std::size_t>(best - hits.begin());
  if (*best < options.min_markers || *best < 2 * second) return {};
  const auto distinct = static_cast<std::size_t>(std::count(seen[index].begin(), seen[index].end(), true));
  const bool running_text = options.min_markers >= 3;
  if (running_text && (distinct < 3 || *best * 25 < words)) return {};
  return std::string(kMarkers[index].language);
}

WordLists::WordLists(std::filesystem::path folder) : folder_(std::move(folder)) {}

const WordLists& WordLists::system() {
  static const WordLists lists("/usr/share/dict");
  return lists;
}

const WordLists::List* WordLists::list_for(std::string_view language) const {
  const auto at = std::find(kWordListLanguages.begin(), kWordListLanguages.end(), language);
  if (at == kWordListLanguages.end()) return nullptr;
  const auto index = static_cast<std::size_t>(at - kWordListLanguages.begin());
  List& list = lists_[index];
  std::call_once(list.loaded, [&] {
    std::ifstream in(folder_ / kFiles[index], std::ios::binary);
    if (!in) return;
    std::ostringstream content;
    content << in.rdbuf();
    list.words = fold_case(content.str());
    // A hash set of views into the one buffer: no string per word, and no
    // sorting (the lists are sorted by their language's collation, not by
    // bytes), which keeps the first lookup cheap for a short-lived process.
    list.index.reserve(static_cast<std::size_t>(std::count(list.words.begin(), list.words.end(), '\n')) + 1);
    std::size_t start = 0;
    while (start < list.words.size()) {
      std::size_t end = list.words.find('\n', start);
      if (end == std::string::npos) end = list.words.size();
      const std::string_view word = std::string_view(list.words).substr(start, end - start);
      // Possessives ("diplomat's") add nothing to the question of a split.
      if (!word.empty() && word.find('\'') == std::string_view::npos) list.index.insert(word);
      start = end + 1;
    }
  });
  return &list;
}

bool WordLists::contains(std::string_view language, std::string_view word) const {
  const List* list = list_for(language);
  if (list == nullptr || word.empty()) return false;
  const std::string folded = fold_case(word);
  return list->index.count(std::string_view(folded)) > 0;
}

bool WordLists::available(std::string_view language) const {
  const List* list = list_for(language);
  return list != nullptr && !list->index.empty();
}

}  // namespace cydex::ingest
