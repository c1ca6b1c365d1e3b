// SPDX-License-Identifier: Apache-2.0
/// @brief Keyword in context: the words around a mention, for reading it where it stands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cydex::corpus {

/// About `radius` bytes of `text` on each side of [start, end), cut at
/// spaces and UTF-8 character boundaries, on one line with single spaces, with "…"
/// where the text goes on.
std::string keyword_in_context(std::string_view text, std::size_t start, std::size_t end, std::size_t radius = 60);

}  // namespace cydex::corpus
