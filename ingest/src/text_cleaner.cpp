// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/text_cleaner.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace cydex::ingest {
namespace {

bool is_removed(UChar32 cp) {
  return cp == 0x00AD       // soft hyphen
         || cp == 0x200B    // zero-width space
         || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

/// Characters a reader takes for their plain form: Latin ligatures and
/// full-width ASCII. Other compatibility characters (superscripts, "™")
/// keep their look.
bool wants_compatibility_mapping(UChar32 cp) {
  return (cp >= 0xFB00 && cp <= 0xFB06) || (cp >= 0xFF01 && cp <= 0xFF5E);
}

icu::UnicodeString map_characters(const icu::UnicodeString& in) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 cp = in.char32At(i);
    i += U16_LENGTH(cp);
    if (is_removed(cp)) continue;
    if (cp == '\r') {
      if (i < in.length() && in.charAt(i) == '\n') ++i;
      out.append(UChar32{'\n'});
    } else if (cp == '\f' || cp == 0x2028 || cp == 0x2029 || cp == 0x0085) {
      out.append(UChar32{'\n'});
    } else if (cp == '\t' || (cp != '\n' && u_isUWhiteSpace(cp))) {
      out.append(UChar32{' '});
    } else if (wants_compatibility_mapping(cp) && U_SUCCESS(status)) {
      out.append(nfkc->normalize(icu::UnicodeString(cp), status));
    } else if (u_iscntrl(cp) && cp != '\n') {
      continue;
    } else {
      out.append(cp);
    }
  }
  return out;
}

/// Trims each line, collapses runs of spaces and keeps at most one blank line.
std::string tidy_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank_before = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line;
    bool space = false;
    for (std::size_t i = pos; i < end; ++i) {
      if (text[i] == ' ') {
        space = !line.empty();
        continue;
      }
      if (space) line.push_back(' ');
      space = false;
      line.push_back(text[i]);
    }
    if (line.empty()) {
      blank_before = !out.empty();
    } else {
      if (!out.empty()) out += blank_before ? "\n\n" : "\n";
      out += line;
      blank_before = false;
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string clean_text(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString mapped = map_characters(source);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string utf8;
  if (U_SUCCESS(status)) {
    nfc->normalize(mapped, status).toUTF8String(utf8);
  } else {
    mapped.toUTF8String(utf8);
  }
  return tidy_lines(utf8);
}

}  // namespace cydex::ingest
