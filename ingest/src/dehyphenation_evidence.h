// SPDX-License-Identifier: Apache-2.0
/// @brief Evidence for dehyphenation: Debian word lists per language, and a guess of a text's language.
#pragma once

#include <array>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <cstdint>
#include <memory>
#include <span>
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
  /// Lists read from `folder` (file names as in /usr/share/dict). With a
  /// `cache` folder, each list is also kept there ready-built, and mapped
  /// from there while the list's file keeps its size and time.
  explicit WordLists(std::filesystem::path folder, std::filesystem::path cache = {});

  /// The lists in /usr/share/dict, loaded once per process: about 10 MB
  /// of read-only data per language, which no document should pay for again.
  /// Cached in $XDG_CACHE_HOME/cydex (else ~/.cache/cydex; none without a
  /// home), so that a process maps them in microseconds.
  static const WordLists& system();

  /// Whether `word` (any case) is in the list of `language` ("en", ...).
  /// False for a language without a list.
  [[nodiscard]] bool contains(std::string_view language, std::string_view word) const;

  /// Reads every list now. Worker processes forked afterwards share the
  /// pages instead of each reading the lists again.
  void preload() const;
  /// Whether the list of `language` could be read and is not empty.
  [[nodiscard]] bool available(std::string_view language) const;

 private:
  /// One list: the file's words, case-folded, one per line, and an
  /// open-addressing hash table of (offset, length) pairs into that buffer.
  /// Building it costs one pass and two allocations, where a node-based set
  /// cost an allocation per word (350,000 for German or French). The built
  /// list is kept in the cache folder and mapped from there next time.
  struct List {
    std::once_flag loaded{};
    std::string owned_words{};
    std::vector<std::uint64_t> owned_slots{};
    std::shared_ptr<const void> mapping{};  ///< The cache file, when mapped.
    std::string_view words{};
    std::span<const std::uint64_t> slots{};  ///< offset << 32 | length; 0 is empty.
    std::size_t count = 0;
    [[nodiscard]] bool contains(std::string_view word) const;
    void insert(std::uint32_t offset, std::uint32_t length);
  };
  const List* list_for(std::string_view language) const;

  void build(List& list, const std::filesystem::path& source) const;
  std::filesystem::path folder_;
  std::filesystem::path cache_;
  mutable std::array<List, kWordListLanguages.size()> lists_{};
};

}  // namespace cydex::ingest
