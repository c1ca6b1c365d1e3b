// SPDX-License-Identifier: Apache-2.0
/// @brief Mention: one place where a document names a tagged norm, actor or instrument.
#pragma once

#include <cstddef>
#include <string>

namespace cydex::corpus {

/// A match of one taxonomy alias in a page's text.
struct Mention {
  std::string tag{};       ///< Tag identifier, "CATEGORY:ID" ("norm:13j", "actor:de").
  int page = 1;            ///< Page number (Page::number) the mention is on.
  std::size_t start = 0;   ///< Byte offset of the first matched byte in that page's text.
  std::size_t end = 0;     ///< One past the last matched byte; start < end <= text size.
};

}  // namespace cydex::corpus
