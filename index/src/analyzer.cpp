// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cassert>

namespace cydex::index {
namespace {

struct UTextCloser {
  void operator()(UText* text) const noexcept { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

bool is_ascii(std::string_view text) noexcept {
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

/// "u.s" -> "us": a word of single letters joined by dots is an acronym.
void collapse_acronym(std::string& term) {
  if (term.find('.') == std::string::npos) return;
  for (std::size_t i = 0; i < term.size(); ++i) {
    const bool letter_slot = i % 2 == 0;
    const unsigned char ch = static_cast<unsigned char>(term[i]);
    if (letter_slot ? !(ch >= 'a' && ch <= 'z') : ch != '.') return;
  }
  std::erase(term, '.');
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    nfc = icu::Normalizer2::getNFCInstance(status);
    // ICU's data is compiled into libicudata; failing here means a broken
    // installation, which is not a per-document condition.
    assert(U_SUCCESS(status) && words);
  }

  std::string fold_word(std::string_view word) const {
    std::string out;
    if (is_ascii(word)) {
      out.reserve(word.size());
      for (const char ch : word) {
        out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
      }
    } else {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString source =
          icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
      icu::UnicodeString folded = nfkc_casefold->normalize(source, status);
      icu::UnicodeString decomposed = nfd->normalize(folded, status);
      icu::UnicodeString stripped;
      for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        if (u_charType(cp) == U_NON_SPACING_MARK) continue;
        stripped.append(cp == 0x2019 ? UChar32{'\''} : cp);  // ’ is an apostrophe in words
      }
      icu::UnicodeString composed = nfc->normalize(stripped, status);
      if (U_FAILURE(status)) return {};
      composed.toUTF8String(out);
    }
    collapse_acronym(out);
    return out;
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return tokens;
  icu::BreakIterator& words = *impl_->words;
  words.setText(utext.get(), status);
  if (U_FAILURE(status)) return tokens;

  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const auto begin = static_cast<std::size_t>(start);
    const auto length = static_cast<std::size_t>(end - start);
    std::string term = impl_->fold_word(text.substr(begin, length));
    if (term.empty() || term.size() > kMaxTermBytes) continue;
    tokens.push_back(Token{std::move(term), begin, begin + length});
  }
  // The iterator keeps a pointer to utext; detach before it is closed.
  words.setText(icu::UnicodeString());
  return tokens;
}

std::string Analyzer::fold(std::string_view text) const {
  std::string out;
  for (const Token& token : tokenize(text)) {
    if (!out.empty()) out.push_back(' ');
    out += token.term;
  }
  return out;
}

}  // namespace cydex::index
