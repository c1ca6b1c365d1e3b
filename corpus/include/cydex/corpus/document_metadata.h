// SPDX-License-Identifier: Apache-2.0
/// @brief DocumentMetadata: the bibliographic record of one document.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cydex::corpus {

/// Bibliographic fields. Set by an extractor from the file's own metadata,
/// then overlaid by the librarian's catalogue record (which wins).
/// Every string is UTF-8; an empty string means "unknown".
struct DocumentMetadata {
  std::string title{};
  std::string organisation{};  ///< Publishing organisation, as the catalogue names it.
  std::optional<int> year{};  ///< Year of publication (four digits).
  std::string date{};         ///< ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) when known.
  std::string language{};     ///< BCP 47 primary tag in lower case ("en", "de").
  std::vector<std::string> authors{};
  std::string url{};          ///< Where the document was published, when known.
  std::string description{};  ///< The publisher's one-paragraph summary (a web page's meta description).
  std::vector<std::string> keywords{};  ///< The publisher's keywords (a PDF's Info /Keywords), in their order.

  /// Copies every field that is set in `over` onto this record.
  void overlay(const DocumentMetadata& over);
};

}  // namespace cydex::corpus
