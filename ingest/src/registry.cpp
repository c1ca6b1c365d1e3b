// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/registry.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <system_error>

#include "cydex/corpus/sha256.h"
#include "cydex/ingest/html_extractor.h"
#include "cydex/ingest/media_type.h"
#include "cydex/ingest/pdf_extractor.h"
#include "cydex/ingest/text_cleaner.h"
#include "cydex/ingest/text_extractor.h"
#include "dehyphenator.h"

namespace cydex::ingest {
namespace fs = std::filesystem;
namespace {

corpus::IngestError read_error(const fs::path& path, corpus::ErrorKind kind, std::string detail) {
  return corpus::IngestError{path, "read", kind, std::move(detail)};
}

corpus::Result<std::string, corpus::IngestError> read_bounded(const fs::path& path, std::uint64_t size,
                                                             const ReadOptions& options) {
  if (size > options.max_file_bytes) {
    return corpus::Unexpected(read_error(path, corpus::ErrorKind::TooLarge,
                                         std::to_string(size) + " bytes, over the limit of " +
                                             std::to_string(options.max_file_bytes)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return corpus::Unexpected(read_error(path, corpus::ErrorKind::Unreadable, std::strerror(errno)));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return corpus::Unexpected(read_error(path, corpus::ErrorKind::Unreadable, "read error"));
  return bytes;
}

/// The file name without its extension, as a last-resort title.
std::string title_from_file_name(const fs::path& path) {
  std::string stem = path.stem().string();
  for (char& ch : stem) {
    if (ch == '_' || ch == '-') ch = ' ';
  }
  return stem;
}

}  // namespace

ExtractorRegistry ExtractorRegistry::with_defaults() {
  ExtractorRegistry registry;
  registry.add(corpus::MediaType::Pdf, std::make_unique<PdfExtractor>());
  registry.add(corpus::MediaType::Html, std::make_unique<HtmlExtractor>());
  registry.add(corpus::MediaType::Text, std::make_unique<TextExtractor>());
  return registry;
}

void ExtractorRegistry::add(corpus::MediaType type, std::unique_ptr<Extractor> extractor) {
  extractors_[type] = std::move(extractor);
}

ExtractResult ExtractorRegistry::extract_file(const fs::path& path, const ReadOptions& options) const {
  corpus::SourceDocument source;
  source.path = fs::absolute(path).lexically_normal();
  source.id = corpus::document_id_for(source.path);
  std::error_code ec;
  const fs::file_status status = fs::status(source.path, ec);
  if (ec || !fs::is_regular_file(status)) {
    return corpus::Unexpected(read_error(source.path, corpus::ErrorKind::Unreadable,
                                         ec ? ec.message() : "not a regular file"));
  }
  source.size = fs::file_size(source.path, ec);
  const auto mtime = fs::last_write_time(source.path, ec);
  source.mtime = std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::file_clock::to_sys(mtime).time_since_epoch())
                     .count();

  auto bytes = read_bounded(source.path, source.size, options);
  if (!bytes) return corpus::Unexpected(std::move(bytes).error());
  if (bytes->empty()) {
    return corpus::Unexpected(
        corpus::IngestError{source.path, "detect", corpus::ErrorKind::Unsupported, "empty file (0 bytes)"});
  }
  source.signature = corpus::sha256_hex(*bytes);
  source.media_type = sniff_media_type(std::string_view(*bytes).substr(0, 4096));
  const auto extractor = extractors_.find(source.media_type);
  if (extractor == extractors_.end()) {
    return corpus::Unexpected(corpus::IngestError{source.path, "detect", corpus::ErrorKind::Unsupported,
                                                  "not PDF, HTML or text (binary content)"});
  }

  ExtractResult result = extractor->second->extract(source, *bytes);
  if (!result) return result;
  corpus::ExtractedDocument& doc = result.value();
  for (corpus::Page& page : doc.pages) page.text = clean_text(page.text);
  // The PDF extractor dehyphenates with its own evidence (word lists of the
  // document's language) before cleaning; cleaning trims the spaces some
  // producers leave after a line-end hyphen ("dip- \n"), so the shared step
  // runs again on the clean text and joins what that uncovers.
  if (source.media_type != corpus::MediaType::Html) dehyphenate(doc.pages);
  if (doc.metadata.title.empty()) doc.metadata.title = title_from_file_name(source.path);
  return result;
}

}  // namespace cydex::ingest
