// SPDX-License-Identifier: Apache-2.0
/// @brief The per-file pipeline: extract, clean, tag, settle the metadata,
/// prepare for the index. What one worker does with one file.
#pragma once

#include <filesystem>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/ingest/extractor.h"
#include "cydex/ingest/registry.h"
#include "cydex/ingest/tagger.h"

namespace cydex::ingest {

/// The stages and settings a file goes through; shared read-only by workers.
struct Pipeline {
  const ExtractorRegistry* registry = nullptr;  ///< Required.
  const Tagger* tagger = nullptr;               ///< Optional: no tagging when null.
  ReadOptions read{};
  /// When set, each document gets its librarian's record here (see
  /// apply_librarian_record), with organisation names from `organisations`
  /// (may be null).
  const corpus::Catalogue* catalogue = nullptr;
  const corpus::OrganisationNames* organisations = nullptr;
  /// Builds the index's form of each document here
  /// (ExtractedDocument::prepared): workers tokenise, stem and lay out the
  /// document in parallel, and the single writer only adds it. The result
  /// then carries no pages or mentions of its own: they are in the
  /// prepared form.
  bool prepare_for_index = false;
};

/// Extracts the file, tags its pages and, as `pipeline` asks, applies the
/// librarian's record and prepares the document for the index. Never throws: an exception from a
/// library becomes an Internal error naming the file.
ExtractResult process_file(const Pipeline& pipeline, const std::filesystem::path& path);

}  // namespace cydex::ingest
