// SPDX-License-Identifier: Apache-2.0
/// @brief DocumentListing: every document of an index with its metadata, for listings and statistics.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/result.h"
#include "cydex/index/index_error.h"
#include "cydex/index/indexed_source.h"

namespace cydex::index {

/// One document as `cydex list` and `cydex stats` see it (no page text).
struct ListedDocument {
  std::string id{};
  std::string path{};                ///< The primary path.
  std::vector<std::string> paths{};  ///< Every path with this content, primary first.
  std::string format{};
  std::string status{};
  std::string title{};
  std::string organisation{};
  std::optional<int> year{};
  std::string date{};
  std::string language{};
  std::string url{};
  int pages = 0;
  std::map<std::string, int> tags{};  ///< Tag id -> number of mentions.
};

/// What an index holds, read without the write lock.
struct DocumentListing {
  std::vector<ListedDocument> documents{};           ///< In index order.
  std::vector<RememberedFailure> failures{};         ///< Remembered by `cydex reindex`, by path.
  std::vector<std::string> roots{};                  ///< Remembered roots.
};

/// Reads every document's stored record from the index at `dir` (a read-only
/// view at its last commit). Errors: NotFound when there is no index,
/// Corrupt or Io when it cannot be read.
corpus::Result<DocumentListing, IndexError> read_listing(const std::filesystem::path& dir);

/// The remembered roots alone, without reading any document.
corpus::Result<std::vector<std::string>, IndexError> read_roots(const std::filesystem::path& dir);

}  // namespace cydex::index
