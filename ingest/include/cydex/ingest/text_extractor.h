// SPDX-License-Identifier: Apache-2.0
/// @brief TextExtractor: plain-text files in any charset.
#pragma once

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// Decodes the file (BOM, UTF-8, else ICU detection) into one page; the title
/// is the first non-empty line when it is short enough to be one.
class TextExtractor final : public Extractor {
 public:
  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override;
};

}  // namespace cydex::ingest
