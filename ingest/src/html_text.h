// SPDX-License-Identifier: Apache-2.0
/// @brief Finding a web page's main content and turning it into text.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace cydex::ingest {

struct HtmlText {
  std::string text;           ///< Blocks separated by blank lines, list items by line breaks.
  std::string first_heading;  ///< Text of the first h1 in the content, for a missing title.
};

/// The article's text: the content of `<main>`, else the longest
/// `<article>`, else an element with role="main", else `<body>`, without
/// page furniture (scripts, navigation, headers and footers outside the
/// article, asides, forms, cookie banners, skip links, share buttons,
/// related-content boxes, breadcrumbs).
HtmlText extract_main_text(const xmlNode* root);

}  // namespace cydex::ingest
