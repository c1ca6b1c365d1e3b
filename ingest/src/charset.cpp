// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <vector>

namespace cydex::ingest {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const noexcept { ucnv_close(converter); }
};
struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const noexcept { ucsdet_close(detector); }
};

/// What to do with bytes that are not valid in the charset.
enum class OnInvalid {
  Stop,        ///< Fail, so the caller can try another charset.
  Substitute,  ///< Decode them as U+FFFD.
};

/// Converts with a named charset; nothing when ICU does not know the name,
/// or (with OnInvalid::Stop) when the bytes are not valid in it.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset, OnInvalid on_invalid) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status) || !from) return std::nullopt;
  if (on_invalid == OnInvalid::Stop) {
    // ucnv_convert() would open converters of its own with the default
    // substituting callback, so decode with this one.
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return std::nullopt;
  }
  std::vector<UChar> utf16(bytes.size() * 2 + 16);
  int32_t length = ucnv_toUChars(from.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    utf16.assign(static_cast<std::size_t>(length) + 1, 0);
    length = ucnv_toUChars(from.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  icu::UnicodeString(utf16.data(), length).toUTF8String(out);
  return out;
}

std::optional<std::string> detect(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return std::nullopt;
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return std::nullopt;
  return std::string(name);
}

/// Decodes one UTF-8 sequence at `i`; its length, or 0 when invalid there.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) noexcept {
  const auto lead = static_cast<unsigned char>(bytes[i]);
  if (lead < 0x80) return 1;
  std::size_t extra = 0;
  std::uint32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + extra >= bytes.size()) return 0;
  std::uint32_t cp = lead & (0x3Fu >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(bytes[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return extra + 1;
}

/// UTF-8 with a few stray single bytes: multi-byte sequences are common and
/// invalid bytes rare. (Other multi-byte charsets, such as Shift-JIS, form
/// a valid UTF-8 sequence only now and then, among many invalid bytes.)
bool is_mostly_utf8(std::string_view bytes) noexcept {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length > 1) ++multibyte;
    if (length == 0) ++invalid;
    i += length == 0 ? 1 : length;
  }
  // Two or more: one could be a coincidence of two Latin-1 letters.
  return multibyte >= 2 && invalid < 3 * multibyte;
}

/// windows-1252's 0x80-0x9F (the rest of the high half is Latin-1).
constexpr std::array<char16_t, 32> kWindows1252High = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                                       0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string repair_mixed_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length > 0) {
      out.append(bytes.substr(i, length));
      i += length;
      continue;
    }
    const auto byte = static_cast<unsigned char>(bytes[i++]);
    append_utf8(out, byte >= 0xA0 ? byte : kWindows1252High[static_cast<std::size_t>(byte - 0x80)]);
  }
  return out;
}

}  // namespace

std::string normalise_charset_name(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    if (ch == ' ' || ch == '"' || ch == '\'') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  // Aliases that pages use but ICU does not know, or knows as something else.
  if (out == "unicode-1-1-utf-8" || out == "utf8" || out == "unicode-1-1-utf8" || out == "x-unicode20utf8" ||
      out == "unicode20utf8") {
    return "utf-8";
  }
  if (out == "unicode" || out == "ucs-2" || out == "utf-16") return "utf-16le";
  if (out == "sjis" || out == "x-sjis" || out == "shift-jis" || out == "ms_kanji" || out == "csshiftjis") {
    return "shift_jis";
  }
  return out;
}

std::string for_decoding(const std::string& normalised) {
  // As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean
  // windows-1252, whose 0x80-0x9F are quotes and dashes, not controls.
  if (normalised == "iso-8859-1" || normalised == "iso8859-1" || normalised == "latin1" || normalised == "l1" ||
      normalised == "us-ascii" || normalised == "ascii" || normalised == "iso-ir-100" || normalised == "cp819" ||
      normalised == "ibm819") {
    return "windows-1252";
  }
  // Shift-JIS pages use Microsoft's extension (CP932) in practice.
  if (normalised == "shift_jis") return "windows-31j";
  return normalised;
}

std::string utf16_without_bom(std::string_view bytes) {
  const std::size_t sample = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
  if (sample < 8) return {};
  std::size_t even_zeros = 0;
  std::size_t odd_zeros = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    if (bytes[i] == '\0') ++even_zeros;
    if (bytes[i + 1] == '\0') ++odd_zeros;
  }
  const std::size_t pairs = sample / 2;
  std::string charset;
  if (odd_zeros * 10 >= pairs * 6 && even_zeros * 10 < pairs) charset = "UTF-16LE";
  if (even_zeros * 10 >= pairs * 6 && odd_zeros * 10 < pairs) charset = "UTF-16BE";
  if (charset.empty()) return {};
  // The NUL bytes are the high halves of ASCII-range code units: most must
  // be printable or white space, and control characters (NUL among them)
  // as rare as in any text.
  const bool little_endian = charset == "UTF-16LE";
  std::size_t printable = 0;
  std::size_t control = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    const unsigned first = static_cast<unsigned char>(bytes[i]);
    const unsigned second = static_cast<unsigned char>(bytes[i + 1]);
    const unsigned unit = little_endian ? (first | (second << 8U)) : ((first << 8U) | second);
    if ((unit >= 0x20 && unit < 0x7F) || unit == '\t' || unit == '\n' || unit == '\r' || unit == '\f') {
      ++printable;
    } else if (unit < 0x20 || unit == 0x7F) {
      ++control;
    }
  }
  if (printable * 10 < pairs * 6 || control * 100 > pairs) return {};
  return charset;
}

bool is_valid_utf8(std::string_view bytes) noexcept {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::optional<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared) {
  const std::string charset_name = normalise_charset_name(declared);
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (is_valid_utf8(bytes)) return Decoded{std::string(bytes), "UTF-8"};
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const std::string charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (auto out = convert(bytes.substr(2), charset, OnInvalid::Substitute)) return Decoded{std::move(*out), charset};
  }
  // NUL bytes at every other position mean UTF-16 without a byte-order
  // mark; its declaration, if any, is unreadable to a byte scan anyway.
  if (const std::string utf16 = utf16_without_bom(bytes); !utf16.empty()) {
    if (auto out = convert(bytes, utf16, OnInvalid::Substitute)) return Decoded{std::move(*out), utf16};
  }
  // A page that says UTF-8 and is UTF-8 needs no conversion; one that says
  // UTF-8 but is not is mislabelled, and is repaired below.
  if (is_valid_utf8(bytes) && bytes.find('\0') == std::string_view::npos) {
    return Decoded{std::string(bytes), "UTF-8"};
  }
  const bool declared_utf8 = charset_name == "utf-8";
  // A declaration of UTF-16 on bytes that are not UTF-16 is a copied meta
  // tag (browsers ignore it too).
  const bool declared_usable = !charset_name.empty() && !declared_utf8 && !charset_name.starts_with("utf-16");
  if (declared_usable) {
    if (auto out = convert(bytes, for_decoding(charset_name), OnInvalid::Stop)) {
      return Decoded{std::move(*out), std::string(declared)};
    }
  }
  // Mostly UTF-8 with stray single-byte characters: a UTF-8 template around
  // text pasted in windows-1252. Keep the UTF-8 and read the strays as 1252.
  if (is_mostly_utf8(bytes)) return Decoded{repair_mixed_utf8(bytes), "UTF-8+windows-1252"};
  if (auto detected = detect(bytes)) {
    if (auto out = convert(bytes, for_decoding(normalise_charset_name(*detected)), OnInvalid::Stop)) {
      return Decoded{std::move(*out), *detected};
    }
  }
  if (auto out = convert(bytes, "windows-1252", OnInvalid::Substitute)) return Decoded{std::move(*out), "windows-1252"};
  return std::nullopt;
}

}  // namespace cydex::ingest
