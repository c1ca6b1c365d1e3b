// SPDX-License-Identifier: Apache-2.0
/// @brief PdfExtractor: text, pages and metadata of PDF files, with poppler-cpp.
#pragma once

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// Extracts each page in reading order (poppler's text layout analysis),
/// removes running headers, footers and page numbers that repeat across
/// pages, and reads the Info dictionary (title, author, dates).
/// Errors: Encrypted (needs a user password), Corrupt (poppler cannot load
/// it), NoTextLayer (no page has text: a scan).
class PdfExtractor final : public Extractor {
 public:
  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override;
};

}  // namespace cydex::ingest
