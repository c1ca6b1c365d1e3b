// SPDX-License-Identifier: Apache-2.0
/// @brief Analyzer: ICU normalisation and word breaking, shared by indexing and querying.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cydex::index {

/// A word found in a text.
struct Token {
  std::string term;        ///< Folded form: case-folded, accents removed, NFC.
  std::size_t start = 0;   ///< Byte offset of the word in the analysed text.
  std::size_t end = 0;     ///< One past the last byte; start < end.
};

/// Splits text into words with ICU's word-break rules and folds each word so
/// that "Démarche", "DEMARCHE" and "démarche" give the same term.
///
/// Holds ICU iterators, so one Analyzer must not be shared between threads;
/// make one per thread (construction is cheap).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// The words of `text` (UTF-8; invalid bytes are skipped) in order.
  /// Punctuation and spaces are not words. A dotted acronym ("U.S.") becomes
  /// one word without dots ("us"). Words longer than kMaxTermBytes are dropped.
  [[nodiscard]] std::vector<Token> tokenize(std::string_view text) const;

  /// The folded form of one word or phrase: what tokenize() would store.
  [[nodiscard]] std::string fold(std::string_view text) const;

  static constexpr std::size_t kMaxTermBytes = 64;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::index
