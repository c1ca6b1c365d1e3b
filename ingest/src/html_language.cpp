// SPDX-License-Identifier: Apache-2.0
#include "html_language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

namespace cydex::ingest::html {
namespace {

struct Language {
  std::string_view code;
  /// Frequent function words that are rare in the other five languages.
  std::initializer_list<std::string_view> words;
};

const std::array<Language, 6> kLanguages = {{
    {"en", {"the", "and",  "of", "to",   "is",  "that", "for", "with", "are", "this",  "be",  "by",  "which",
            "was", "have", "it", "from", "not", "or",   "an",  "on",   "its", "their", "has", "been"}},
    {"de", {"der",  "die", "und", "das", "ist", "nicht", "mit",    "sich", "des",  "auf",  "für", "dem", "den",
            "eine", "ein", "zu",  "im",  "von", "auch",  "werden", "wird", "sind", "oder", "bei", "nach"}},
    {"fr", {"le",  "la", "les",  "et",  "des",  "est", "une", "du",    "dans", "pour", "que",  "qui", "pas",
            "sur", "au", "sont", "par", "avec", "aux", "ces", "cette", "été",  "ou",   "leur", "nous"}},
    {"es", {"el",   "los", "las",  "y",   "es", "una",  "del", "que",  "por",  "para", "con",   "se",   "su",
            "como", "más", "pero", "sus", "al", "está", "son", "este", "esta", "ha",   "sobre", "entre"}},
    {"it", {"il",  "di",  "che",   "è",    "della", "per", "non",   "sono", "gli",    "delle",  "nel", "alla", "dei",
            "una", "con", "anche", "come", "più",   "del", "degli", "sul",  "questo", "essere", "ha",  "stato"}},
    {"nl", {"de",    "het", "een", "van", "en",   "is",   "dat",  "niet", "op",  "zijn",  "met", "voor", "worden",
            "wordt", "ook", "bij", "aan", "naar", "door", "deze", "dit",  "wij", "heeft", "om",  "kan"}},
}};

/// Text beyond this adds no confidence, only time.
constexpr std::size_t kSample = 20000;
/// Fewer function words than this, and the text is too short to tell.
constexpr int kMinHits = 8;

std::string_view next_word(std::string_view text, std::size_t& at, std::string& buffer) {
  while (at < text.size()) {
    const auto ch = static_cast<unsigned char>(text[at]);
    if (std::isalpha(ch) || ch >= 0x80) break;
    ++at;
  }
  buffer.clear();
  while (at < text.size()) {
    const auto ch = static_cast<unsigned char>(text[at]);
    if (!std::isalpha(ch) && ch < 0x80) break;
    buffer.push_back(static_cast<char>(std::tolower(ch)));
    ++at;
  }
  return buffer;
}

}  // namespace

std::string detect_language(std::string_view text) {
  text = text.substr(0, kSample);
  std::array<int, kLanguages.size()> hits{};
  std::string buffer;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::string_view word = next_word(text, at, buffer);
    if (word.empty()) continue;
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
      const auto& words = kLanguages[i].words;
      if (std::find(words.begin(), words.end(), word) != words.end()) ++hits[i];
    }
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  int runner_up = 0;
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    if (it != best) runner_up = std::max(runner_up, *it);
  }
  // A clear lead: words shared between languages ("de", "en") should not decide.
  if (*best < kMinHits || *best * 2 < runner_up * 3) return {};
  return std::string(kLanguages[static_cast<std::size_t>(best - hits.begin())].code);
}

}  // namespace cydex::ingest::html
