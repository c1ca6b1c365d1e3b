// SPDX-License-Identifier: Apache-2.0
/// @brief The index's form of a document, built where it was extracted.
#pragma once

#include <string>

#include "cydex/corpus/extracted_document.h"

namespace cydex::index {

/// Everything the writer would build from `document` (terms with positions,
/// stems, values and stored data, per schema.h), built and encoded here, for
/// ExtractedDocument::prepared. Extraction workers call it, so that
/// tokenising and stemming run in parallel and the single writer only adds
/// the result. The document's metadata must be final (librarian's record
/// applied). One builder per process: not for concurrent threads.
std::string prepare_document(const corpus::ExtractedDocument& document);

}  // namespace cydex::index
