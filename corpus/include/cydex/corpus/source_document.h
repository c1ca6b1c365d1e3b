// SPDX-License-Identifier: Apache-2.0
/// @brief SourceDocument: a file of the collection, before extraction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace cydex::corpus {

/// The formats cydex extracts. Decided by content, not by file name.
enum class MediaType { Unknown, Pdf, Html, Text };

/// Short lower-case name used in the index and in JSON ("pdf", "html", "text").
std::string_view to_string(MediaType type) noexcept;

/// A file on disk that is to be (or has been) indexed.
struct SourceDocument {
  std::string id;                 ///< Stable document id: hex digest prefix of the absolute path.
  std::filesystem::path path;     ///< Absolute, lexically normal path.
  MediaType media_type = MediaType::Unknown;
  std::uint64_t size = 0;         ///< Bytes, from stat at discovery time.
  std::int64_t mtime = 0;         ///< Seconds since the epoch, from stat at discovery time.
  std::string signature;          ///< SHA-256 of the content, lower-case hex; empty until read.
};

/// The id cydex gives the file at `absolute_path`: the first 16 hex digits of
/// the SHA-256 of the path's UTF-8 bytes. Stable across runs and machines for
/// the same path.
std::string document_id_for(const std::filesystem::path& absolute_path);

}  // namespace cydex::corpus
