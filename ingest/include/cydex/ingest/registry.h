// SPDX-License-Identifier: Apache-2.0
/// @brief ExtractorRegistry: the extractors keyed by media type, and reading a file through them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>

#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

struct ReadOptions {
  /// Files larger than this are refused as TooLarge without being read.
  std::uint64_t max_file_bytes = 512ull << 20;
};

/// Maps each media type to its extractor (PDF, HTML and plain text by default).
class ExtractorRegistry {
 public:
  /// A registry with cydex's built-in extractors.
  static ExtractorRegistry with_defaults();

  void add(corpus::MediaType type, std::unique_ptr<Extractor> extractor);

  /// Reads the file, recognises its format by content, extracts and cleans
  /// its text. The source's id, size, mtime and signature are filled in.
  [[nodiscard]] ExtractResult extract_file(const std::filesystem::path& path, const ReadOptions& options) const;

 private:
  std::map<corpus::MediaType, std::unique_ptr<Extractor>> extractors_;
};

}  // namespace cydex::ingest
