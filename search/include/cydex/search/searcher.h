// SPDX-License-Identifier: Apache-2.0
/// @brief Searcher: runs queries against an index and returns hits, snippets and facets.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

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
  /// Opens several disjoint indexes (shards) searched as one: totals, hits
  /// and facet counts are over their union, as if one index held every
  /// document (a document in two shards would count twice). A location is
  /// an index folder or "tcp://HOST:PORT", an index served by Xapian's
  /// stock xapian-tcpsrv. With a remote shard, facets are counted with
  /// Xapian's own ValueCountMatchSpy (exact, see docs/SCALE.md); query
  /// expansion and spelling suggestions use the local shards' data only;
  /// SortOrder::Date orders by year, and documents without a year or a
  /// title sort first in ascending order. One folder behaves as open(dir). Errors:
  /// NoIndex or Index, naming the location and the reason.
  static corpus::Result<Searcher, SearchError> open(const std::vector<std::string>& locations);
  /// Whether a location is "tcp://...", a remote index.
  static bool is_remote_location(const std::string& location);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Below this many documents a search runs on one thread: it takes a few
  /// milliseconds anyway.
  static constexpr unsigned kParallelMinDocuments = 20000;
  /// Splits each exact search of a single local index of at least
  /// `min_documents` documents into `slices` docid ranges matched in
  /// parallel, each on its own thread and its own handle on the index; the
  /// results are those of one match of the whole. By default, one slice per
  /// core (at most 4) from kParallelMinDocuments documents. 1 turns it off.
  /// Several shards, a remote one, or an estimated count always run whole.
  void set_parallelism(unsigned slices, unsigned min_documents);

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
