// SPDX-License-Identifier: Apache-2.0
// Small out-of-line members of the shared document vocabulary.
#include "cydex/corpus/document_metadata.h"
#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/ingest_error.h"
#include "cydex/corpus/sha256.h"
#include "cydex/corpus/source_document.h"

namespace cydex::corpus {

std::string_view to_string(MediaType type) noexcept {
  switch (type) {
    case MediaType::Pdf: return "pdf";
    case MediaType::Html: return "html";
    case MediaType::Text: return "text";
    case MediaType::Unknown: break;
  }
  return "unknown";
}

std::string document_id_for(const std::filesystem::path& absolute_path) {
  return sha256_hex(absolute_path.string()).substr(0, 16);
}

std::string_view to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::Unreadable: return "unreadable";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::Encrypted: return "encrypted";
    case ErrorKind::Corrupt: return "corrupt";
    case ErrorKind::NoTextLayer: return "no-text-layer";
    case ErrorKind::BadEncoding: return "bad-encoding";
    case ErrorKind::TooLarge: return "too-large";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Internal: break;
  }
  return "internal";
}

std::string IngestError::message() const {
  std::string out = path.string();
  out += ": ";
  out += stage;
  out += ": ";
  out += to_string(kind);
  if (!detail.empty()) {
    out += ": ";
    out += detail;
  }
  return out;
}

std::string_view to_string(ExtractionStatus status) noexcept {
  return status == ExtractionStatus::Ok ? "ok" : "degraded";
}

std::size_t ExtractedDocument::text_size() const noexcept {
  std::size_t total = 0;
  for (const Page& page : pages) total += page.text.size();
  return total;
}

void DocumentMetadata::overlay(const DocumentMetadata& over) {
  if (!over.title.empty()) title = over.title;
  if (!over.organisation.empty()) organisation = over.organisation;
  if (over.year) year = over.year;
  if (!over.date.empty()) date = over.date;
  if (!over.language.empty()) language = over.language;
  if (!over.authors.empty()) authors = over.authors;
  if (!over.url.empty()) url = over.url;
  if (!over.description.empty()) description = over.description;
  if (!over.keywords.empty()) keywords = over.keywords;
}

}  // namespace cydex::corpus
