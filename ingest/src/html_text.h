// SPDX-License-Identifier: Apache-2.0
/// @brief Finding a web page's main content and turning it into text.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace cydex::ingest {

struct HtmlText {
  std::string text;           ///< Blocks separated by blank lines, list items by line breaks.
  std::string first_heading;  ///< Text of the page's first visible h1, for a missing title.
};

/// The article's text: the content of `<main>` or role="main" (when it
/// holds text), else a dominant `<article>`, else the containers that text
/// and link density point to (see html_density.h), else `<body>`; without
/// page furniture wherever it sits (see html_furniture.h) and without short
/// blocks that are mostly links. Never empty when the page has visible text.
HtmlText extract_main_text(const xmlNode* root);

}  // namespace cydex::ingest
