// SPDX-License-Identifier: Apache-2.0
/// @brief Searcher: runs queries against an index and returns hits, snippets and facets.
#pragma once

#include <filesystem>
#include <map>
#include <memory>

#include "cydex/corpus/result.h"
#include "cydex/search/search_types.h"

namespace cydex::search {

/// A read-only view of an index at the moment it was opened: searches see
/// the last commit before open() and are unaffected by a concurrent writer.
/// Not thread-safe; open one Searcher per thread.
class Searcher {
 public:
  /// Opens the index in `dir`. Errors: NoIndex when there is none, Index
  /// when it cannot be read.
  static corpus::Result<Searcher, SearchError> open(const std::filesystem::path& dir);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs the request. Facet counts cover all matching documents, not only
  /// the page of hits returned. Errors: BadQuery with the parser's reason.
  corpus::Result<SearchResult, SearchError> search(const SearchRequest& request);

  /// The document with this id (or a unique prefix of at least 6 hex
  /// digits of it), or with this absolute path. Errors: NotFound.
  corpus::Result<DocumentView, SearchError> document(const std::string& id_or_path);

  /// Number of documents carrying each tag, for every tag in the index.
  std::map<std::string, int> tag_document_counts();

  [[nodiscard]] unsigned document_count() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::search
