// SPDX-License-Identifier: Apache-2.0
/// @brief Choosing a PDF's bibliographic metadata from its Info dictionary, XMP packet and first page.
#pragma once

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "cydex/corpus/document_metadata.h"

namespace cydex::ingest {

/// Everything a PDF says about itself, as read by the extractor. Strings are
/// UTF-8 and empty when absent; dates are seconds since 1970, 0 when absent.
struct PdfMetadataSources {
  std::string info_title{};
  std::string info_author{};
  std::string info_subject{};
  std::string info_keywords{};
  std::time_t info_created{};
  std::time_t info_modified{};
  std::string xmp{};               ///< The XMP packet (XML), from the catalog's /Metadata stream.
  std::string catalog_language{};  ///< The catalog's /Lang, when the catalog is readable in the file.
  std::string first_page_title{};  ///< The largest text on page 1, when it stands out.
  std::string text_language{};     ///< Guessed from the extracted text ("en"), or empty.
  std::time_t now{};               ///< The present, for "a date in the future".
};

/// The values chosen (the Info /Subject becomes the description), with
/// what was found but not trusted.
struct PdfMetadata {
  corpus::DocumentMetadata record{};
  std::string modified{};                 ///< ISO date of the last modification, when trusted.
  std::vector<std::string> distrusted{};  ///< One line each: a value ignored and why.
};

/// Title: Info, else XMP dc:title, else the first page's largest text; a
/// placeholder ("Microsoft Word - draft3.docx", "untitled", a file name) or
/// a title in another language than a clearly recognised text is not
/// trusted. Dates: Info, else XMP; 1970 and dates after `now` are not
/// trusted. Language: the catalog's /Lang, else XMP dc:language, unless the
/// text is clearly in another language (a word processor's default
/// language outlives many translations), which then wins.
[[nodiscard]] PdfMetadata choose_pdf_metadata(const PdfMetadataSources& sources);

/// The catalog's /Lang entry ("en-GB") when the catalog object is stored
/// uncompressed in `bytes`; empty otherwise.
[[nodiscard]] std::string find_catalog_language(std::string_view bytes);

/// Whether a title is a placeholder or a file name rather than a title.
[[nodiscard]] bool is_placeholder_title(std::string_view title);

}  // namespace cydex::ingest
