// SPDX-License-Identifier: Apache-2.0
/// @brief ExtractedDocument: the text and metadata of one source file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cydex/corpus/document_metadata.h"
#include "cydex/corpus/mention.h"
#include "cydex/corpus/page.h"
#include "cydex/corpus/source_document.h"

namespace cydex::corpus {

/// How complete an extraction is.
enum class ExtractionStatus {
  Ok,        ///< All text extracted.
  Degraded,  ///< Indexed, but with less than the full text (see warnings).
};

std::string_view to_string(ExtractionStatus status) noexcept;

/// The outcome of a successful extraction. Pages are in reading order and
/// numbered from 1 without gaps.
struct ExtractedDocument {
  SourceDocument source;
  DocumentMetadata metadata;
  std::vector<Page> pages;
  ExtractionStatus status = ExtractionStatus::Ok;
  std::vector<std::string> warnings;  ///< One line each, for a person.
  std::vector<Mention> mentions;      ///< Set by the tagger after extraction, in page order.
  /// The index's own encoding of this document (terms, positions, values
  /// and stored data), when the process that extracted it also prepared it
  /// for the index; empty otherwise. Opaque outside the index module.
  std::string prepared;

  /// Total bytes of page text.
  [[nodiscard]] std::size_t text_size() const noexcept;
};

}  // namespace cydex::corpus
