// SPDX-License-Identifier: Apache-2.0
/// @brief Extractor: the interface every format's text extractor implements.
#pragma once

#include <string_view>

#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/ingest_error.h"
#include "cydex/corpus/result.h"
#include "cydex/corpus/source_document.h"

namespace cydex::ingest {

using ExtractResult = corpus::Result<corpus::ExtractedDocument, corpus::IngestError>;

/// Turns one file's bytes into pages of text and the file's own metadata.
///
/// Implementations hold no global state and may be called from several
/// threads on different documents. They never throw for bad input: every
/// problem with the file comes back as an IngestError naming source.path.
/// Page text is returned raw (as the format gives it); the registry applies
/// the shared cleaning steps afterwards.
class Extractor {
 public:
  virtual ~Extractor() = default;
  [[nodiscard]] virtual ExtractResult extract(const corpus::SourceDocument& source,
                                              std::string_view bytes) const = 0;
};

}  // namespace cydex::ingest
