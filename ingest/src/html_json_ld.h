// SPDX-License-Identifier: Apache-2.0
/// @brief Reading schema.org metadata from a page's JSON-LD blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cydex::ingest::html {

/// The bibliographic fields of the page's main schema.org item (an Article,
/// NewsArticle, WebPage, Report...). Empty strings when absent.
struct JsonLdFields {
  std::string headline{};
  std::string publisher{};  ///< publisher.name, or sourceOrganization.name.
  std::string date_published{};
  std::string language{};  ///< inLanguage.
  std::string description{};
  std::string url{};
  std::vector<std::string> authors{};
};

/// Merges the fields of one `<script type="application/ld+json">` block into
/// `fields` (fields already set win). Malformed JSON is ignored.
void read_json_ld(std::string_view script, JsonLdFields& fields);

}  // namespace cydex::ingest::html
