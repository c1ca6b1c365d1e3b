// SPDX-License-Identifier: Apache-2.0
/// @brief Page: one page of extracted text.
#pragma once

#include <string>

namespace cydex::corpus {

/// A page of extracted text. HTML and plain-text documents have one page.
struct Page {
  int number = 1;    ///< 1-based page number, as a reader would cite it.
  std::string text;  ///< NFC-normalised UTF-8; paragraphs separated by "\n\n".
};

}  // namespace cydex::corpus
