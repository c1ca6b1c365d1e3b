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

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace cydex::ingest
