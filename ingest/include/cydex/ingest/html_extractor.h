// SPDX-License-Identifier: Apache-2.0
/// @brief HtmlExtractor: the main text and metadata of saved web pages, with libxml2.
#pragma once

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// Decodes any charset (byte-order mark, `<meta charset>`, http-equiv, ICU
/// detection; mislabelled pages repaired), parses with libxml2's recovering
/// HTML parser (never touching the network), keeps the article (`<main>`,
/// role=main or a dominant `<article>` when present, else the container
/// that text and link density point to) and drops scripts, styles,
/// navigation, site headers, footers, asides, forms, cookie banners, skip
/// links, share buttons, breadcrumbs, comments and related-content boxes.
/// Reads title (og:title, JSON-LD headline, `<title>` without the site
/// name, first h1), organisation (og:site_name, JSON-LD publisher,
/// DC.publisher), date (article:published_time, JSON-LD datePublished,
/// DC.date, `<time>`, a date written in the text), language (`<html
/// lang>`, Content-Language, detection from the text), canonical URL,
/// description and authors. One page.
class HtmlExtractor final : public Extractor {
 public:
  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override;
};

}  // namespace cydex::ingest
