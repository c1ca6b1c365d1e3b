// SPDX-License-Identifier: Apache-2.0
/// @brief Guessing a text's language from its commonest words, for pages that do not declare one.
#pragma once

#include <string>
#include <string_view>

namespace cydex::ingest::html {

/// "en", "de", "fr", "es", "it" or "nl" when the text's function words
/// clearly point to one of them; empty for short or mixed text.
std::string detect_language(std::string_view text);

}  // namespace cydex::ingest::html
