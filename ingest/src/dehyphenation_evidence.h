// SPDX-License-Identifier: Apache-2.0
/// @brief Evidence for dehyphenation: Debian word lists per language, and a guess of a text's language.
#pragma once

#include <array>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cydex::ingest {

/// The languages cydex has word lists for, as BCP 47 primary tags.
inline constexpr std::array<std::string_view, 4> kWordListLanguages = {"en", "de", "fr", "es"};

struct LanguageGuessOptions {
  /// Marker words needed before a language is named: 3 for running text;
  /// 1 for a title, where one "del" or "der" already tells.
  std::size_t min_markers = 3;
};

/// "en", "de", "fr" or "es" when the text's commonest short words clearly
/// belong to one of them, else empty. Reads at most the first 64 KiB.
[[nodiscard]] std::string guess_language(std::string_view text, const LanguageGuessOptions& options = {});

/// Lower case of a UTF-8 word, with ICU's full case mapping.
[[nodiscard]] std::string fold_case(std::string_view word);

/// The spelling word lists of the Debian packages wamerican, wngerman,
/// wfrench and wspanish (/usr/share/dict/american-english, ngerman, french,
/// spanish). Each list is read the first time a word of its language is
/// looked up, once, and shared by all threads; a missing or unreadable list
/// counts as empty, so dehyphenation falls back on the document's own
/// vocabulary.
class WordLists {
 public:
  /// Lists read from `folder` (file names as in /usr/share/dict).
  explicit WordLists(std::filesystem::path folder);

  /// The lists in /usr/share/dict, loaded once per process: about 10 MB
  /// of read-only data per language, which no document should pay for again.
  static const WordLists& system();

  /// Whether `word` (any case) is in the list of `language` ("en", ...).
  /// False for a language without a list.
  [[nodiscard]] bool contains(std::string_view language, std::string_view word) const;

  /// Whether the list of `language` could be read and is not empty.
  [[nodiscard]] bool available(std::string_view language) const;

 private:
  struct List {
    std::once_flag loaded{};
    std::string words{};  ///< The file, case-folded; the views point into it.
    std::unordered_set<std::string_view> index{};
  };
  const List* list_for(std::string_view language) const;

  std::filesystem::path folder_;
  mutable std::array<List, kWordListLanguages.size()> lists_{};
};

}  // namespace cydex::ingest
