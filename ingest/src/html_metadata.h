// SPDX-License-Identifier: Apache-2.0
/// @brief Reading a web page's bibliographic metadata from its head.
#pragma once

#include <libxml/tree.h>

#include "cydex/corpus/document_metadata.h"

namespace cydex::ingest {

/// Title (og:title, else `<title>` without a " | Site" suffix), organisation
/// (og:site_name, DC.publisher), date and year (article:published_time,
/// DC.date, citation_date, the first `<time datetime>`), language (`<html
/// lang>`), canonical URL and authors (meta author).
corpus::DocumentMetadata read_html_metadata(const xmlNode* root);

}  // namespace cydex::ingest
