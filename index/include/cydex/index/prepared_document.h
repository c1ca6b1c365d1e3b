// SPDX-License-Identifier: Apache-2.0
/// @brief The index's form of a document, built where it was extracted.
#pragma once

#include <memory>
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

/// A prepared document decoded into the form the writer adds, with the
/// words it gives "did you mean": the decoding and the word scan done on
/// another thread than the writer's (ingest_paths' pool thread), so that the
/// single writer does only Xapian's own work. Move-only; empty when made
/// by default.
class UnpackedDocument {
 public:
  UnpackedDocument();
  ~UnpackedDocument();
  UnpackedDocument(UnpackedDocument&&) noexcept;
  UnpackedDocument& operator=(UnpackedDocument&&) noexcept;

  /// Decodes ExtractedDocument::prepared. Throws on bytes that are not a
  /// prepared document (a caller bug: they come from prepare_document()).
  static UnpackedDocument unpack(const std::string& prepared);

  [[nodiscard]] bool empty() const noexcept { return impl_ == nullptr; }
  /// Approximate memory held, in bytes.
  [[nodiscard]] std::size_t bytes() const noexcept;

  struct Impl;
  /// For the writer.
  [[nodiscard]] Impl* impl() noexcept { return impl_.get(); }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::index
