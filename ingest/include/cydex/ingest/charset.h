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

/// Decodes `bytes`: a byte-order mark wins, then `declared` (a charset name
/// from the file, may be empty or unknown to ICU), then valid UTF-8, then ICU's
/// charset detection. Nothing when no charset decodes the bytes.
std::optional<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace cydex::ingest
