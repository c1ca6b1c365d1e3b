// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/pipeline.h"

#include <exception>

#include "cydex/index/prepared_document.h"
#include "cydex/ingest/librarian_records.h"

namespace cydex::ingest {

ExtractResult process_file(const Pipeline& pipeline, const std::filesystem::path& path) {
  // The one catch-all per document, so that a bug or a library exception
  // costs one document, never the batch.
  try {
    ExtractResult result = pipeline.registry->extract_file(path, pipeline.read);
    if (!result) return result;
    if (pipeline.tagger != nullptr) result->mentions = pipeline.tagger->tag(result->pages);
    if (pipeline.catalogue != nullptr) apply_librarian_record(*result, *pipeline.catalogue, pipeline.organisations);
    if (pipeline.prepare_for_index) {
      result->prepared = index::prepare_document(*result);
      // The prepared form holds the pages and mentions (as stored data and
      // terms); sending them a second time to the writer would double what
      // crosses the channel and what the writer's process decodes.
      result->pages.clear();
      result->mentions.clear();
    }
    return result;
  } catch (const std::exception& error) {
    return corpus::Unexpected(corpus::IngestError{path, "extract", corpus::ErrorKind::Internal, error.what()});
  } catch (...) {
    return corpus::Unexpected(corpus::IngestError{path, "extract", corpus::ErrorKind::Internal, "unknown exception"});
  }
}

}  // namespace cydex::ingest
