// SPDX-License-Identifier: Apache-2.0
/// @brief HtmlExtractor: the main text and metadata of saved web pages, with libxml2.
#pragma once

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// Parses with libxml2's recovering HTML parser (never touching the network),
/// keeps the article (`<main>`, `<article>` or role=main when present, else
/// the body) and drops scripts, styles, navigation, headers, footers, asides,
/// forms and skip links. Reads title (og:title, `<title>`, first h1),
/// organisation (og:site_name), date (article:published_time, `<time>`),
/// language (`<html lang>`), canonical URL and authors. One page.
class HtmlExtractor final : public Extractor {
 public:
  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override;
};

}  // namespace cydex::ingest
