// SPDX-License-Identifier: Apache-2.0
/// @brief Decoding bytes of any charset into UTF-8, with ICU.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cydex::ingest {

struct Decoded {
  std::string utf8;
  std::string charset;  ///< What the bytes were read as ("UTF-8", "windows-1252", ...).
};

/// Decodes `bytes`: a byte-order mark wins, then UTF-16 recognised by its
/// NUL bytes, then valid UTF-8 (without NUL bytes), then `declared` (a
/// charset name from the file, may be empty or unknown to ICU; Latin-1
/// labels read as windows-1252) when the bytes are valid in it, then a
/// repair of UTF-8 with stray windows-1252 bytes, then ICU's charset
/// detection, then windows-1252. Nothing when no charset decodes the bytes.
std::optional<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared);

/// A charset label lower-cased, with the aliases pages use but ICU does not
/// know mapped to ICU names ("UNICODE-1-1-UTF-8" -> "utf-8", "x-sjis" ->
/// "shift_jis").
std::string normalise_charset_name(std::string_view name);

/// The converter to decode a normalised label with: browsers read Latin-1
/// and ASCII labels as windows-1252, and Shift-JIS as its Microsoft variant.
std::string for_decoding(const std::string& normalised);

/// "UTF-16LE" or "UTF-16BE" when `bytes` (a file's first kilobytes are
/// enough) look like UTF-16 text without a byte-order mark: NUL bytes at
/// nearly every odd (little-endian) or every even (big-endian) position and
/// almost none at the other, and code units that are mostly printable ASCII
/// with hardly any control characters. Empty otherwise, so binary data with
/// many NUL bytes is not taken for text.
std::string utf16_without_bom(std::string_view bytes);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace cydex::ingest
