// SPDX-License-Identifier: Apache-2.0
/// @brief Reading a web page's bibliographic metadata from its head, JSON-LD and text.
#pragma once

#include <libxml/tree.h>

#include "cydex/corpus/document_metadata.h"
#include "html_text.h"

namespace cydex::ingest {

/// Title (og:title, JSON-LD headline, DC.title, else the part of `<title>`
/// that is the first h1 or is not the site's name, else the first h1),
/// organisation (og:site_name, JSON-LD publisher, DC.publisher, else the
/// site name after the last " | " of `<title>`), date and
/// year (article:published_time, JSON-LD datePublished, DC.date,
/// citation_date, the first `<time datetime>`, else the first date written
/// in the opening of the main text), language (`<html lang>`,
/// Content-Language, JSON-LD inLanguage, else detected from the main text),
/// canonical URL, description and authors.
corpus::DocumentMetadata read_html_metadata(const xmlNode* root, const HtmlText& text);

}  // namespace cydex::ingest
