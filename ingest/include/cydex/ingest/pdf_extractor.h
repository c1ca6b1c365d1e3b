// SPDX-License-Identifier: Apache-2.0
/// @brief PdfExtractor: text, pages and metadata of PDF files, with poppler-cpp.
#pragma once

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// How a page's words are put in reading order.
enum class PdfReadingOrder {
  /// cydex's own analysis of poppler's positioned words (lines, blocks,
  /// columns, small print), with poppler's layout text where the analysis
  /// is unsure (tables, mixed writing directions).
  TextBoxes,
  /// poppler's layout text only; kept for comparison and measurement.
  PopplerLayout,
};

/// Whether the extractor rejoins words split at line ends itself.
enum class PdfDehyphenation {
  /// With the document's language at hand (see dehyphenate()), joining the
  /// two lines of a rejoined word as one.
  WithEvidence,
  /// Line-end hyphens are left as printed; for measuring what dehyphenation
  /// does.
  Off,
};

struct PdfExtractorOptions {
  PdfReadingOrder reading_order = PdfReadingOrder::TextBoxes;
  PdfDehyphenation dehyphenation = PdfDehyphenation::WithEvidence;
};

/// Extracts each page in reading order, removes running headers, footers
/// and page numbers that repeat across pages, and reads the metadata: Info
/// dictionary, XMP packet, the catalog's /Lang, and the first page's most
/// prominent text as a title of last resort. Pages are read one at a time,
/// so memory stays bounded by the text, not by poppler's page objects.
/// Errors: Encrypted (needs a user password), Corrupt (poppler cannot load
/// it, or it has no pages). A scan (no text on any page) and a file poppler
/// had to repair come back Degraded with a warning.
class PdfExtractor final : public Extractor {
 public:
  PdfExtractor() = default;
  explicit PdfExtractor(PdfExtractorOptions options) : options_(options) {}

  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override;

 private:
  PdfExtractorOptions options_{};
};

}  // namespace cydex::ingest
