// SPDX-License-Identifier: Apache-2.0
/// @brief The request and result types of a search.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cydex::search {

/// The order of hits. Every order breaks ties by relevance.
enum class SortOrder {
  Relevance,  ///< Best match first (BM25).
  Date,       ///< Newest first: by date (slot 6), else by year; documents with neither last.
  Title,      ///< By folded title, A to Z; documents without a title last.
};

/// How far the match counts matching documents.
enum class Counting {
  Exact,     ///< Every match is counted: exact total and facets.
  Estimate,  ///< Only as far as the page of hits needs: faster, total may be an estimate, no facets.
};

/// What the user asked for. Filters combine with AND with each other and
/// with the query.
struct SearchRequest {
  std::string query{};                     ///< Query language of docs/QUERY.md; empty matches all.
  std::vector<std::string> organisations{};  ///< Any of these organisations (exact name or its words).
  std::optional<int> year_from{};          ///< Inclusive.
  std::optional<int> year_to{};            ///< Inclusive.
  int offset = 0;                          ///< Hits to skip (for paging).
  int limit = 10;                          ///< Hits to return.
  /// Facets to count, from kFacetNames; empty means all of them.
  std::vector<std::string> facets{};
  int facet_limit = 0;                     ///< Values per facet at most; 0 for all.
  /// Expand words that are taxonomy aliases to the tag they name ("GGE"
  /// also finds documents tagged actor:un-gge). Quoted phrases never expand.
  bool expand = true;
  std::vector<std::string> languages{};    ///< Any of these language tags ("de"); empty for all.
  std::vector<std::string> formats{};      ///< Any of these formats ("pdf", "html", "text"); empty for all.
  SortOrder sort = SortOrder::Relevance;
  /// Date: oldest first; Title: Z to A. Documents without a date or title
  /// stay last. Has no effect on Relevance.
  bool reverse = false;
  /// The year facet counts ranges of this many years, aligned on multiples
  /// of it ("2015-2019" for 5, "2010-2019" for 10); 0 or 1 counts single years.
  int year_bucket = 0;
  Counting counting = Counting::Exact;
  /// Tag ids that are valid even when no document carries them (from the
  /// taxonomy file); the index's own tags and registered aliases always are.
  std::vector<std::string> known_tags{};
};

/// Every facet a search can count, in display order.
inline const std::vector<std::string> kFacetNames = {"organisation", "year", "language", "format",
                                                     "norm",         "actor", "instrument"};

/// The fields of the query language, as written before the colon.
inline const std::vector<std::string> kQueryFields = {"title", "author", "org",   "year", "lang",
                                                      "format", "id",    "norm",  "actor", "instrument"};

/// A highlighted passage. Offsets are byte offsets into `text`.
struct Snippet {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  ///< [start, end) of matched words.
  std::optional<int> page;  ///< Page the passage is on (paginated formats only).
};

struct Hit {
  std::string id;
  int rank = 0;          ///< 1-based position in the whole result list.
  double score = 0;      ///< Relevance weight (BM25); comparable within one search only.
  std::string title;
  std::string organisation;
  std::optional<int> year;
  std::string path;                ///< The primary path.
  std::vector<std::string> paths{};  ///< Every path with this content, primary first.
  std::string format;
  std::string language;
  Snippet snippet;
};

struct FacetValue {
  std::string value;
  int count = 0;  ///< Documents among all matches with this value.
};

struct SearchResult {
  std::string query;
  int total = 0;  ///< Number of matching documents: exact when total_exact, else Xapian's estimate.
  bool total_exact = true;  ///< The match counted every matching document.
  int offset = 0;
  std::vector<Hit> hits;
  /// A corrected query from the corpus vocabulary, when the query found
  /// few documents (fewer than 3) and a correction exists; else empty.
  std::string suggestion{};
  /// Facet name ("organisation", "year", "norm", ...) -> values, by count descending,
  /// then value. Tag facets' values are tag ids ("norm:13j").
  std::map<std::string, std::vector<FacetValue>> facets;
};

/// One tag of a document with its number of mentions.
struct TagCount {
  std::string id{};
  int count = 0;
};

/// One mention with the words around it.
struct MentionView {
  std::string tag{};
  int page = 1;
  std::size_t start = 0;   ///< Byte offsets in the page's text.
  std::size_t end = 0;
  std::string context{};   ///< The sentence-sized passage around the mention, on one line.
};

/// Everything the index holds about one document.
struct DocumentView {
  std::string id{};
  std::string path{};
  std::vector<std::string> paths{};  ///< Every path with this content, primary first.
  std::string format{};
  std::string status{};
  std::string title{};
  std::string organisation{};
  std::optional<int> year{};
  std::string date{};
  std::string language{};
  std::string url{};
  std::vector<std::string> authors{};
  std::vector<std::string> warnings{};
  std::vector<std::pair<int, std::string>> pages{};  ///< Page number and text.
  std::vector<TagCount> tags{};                       ///< By count descending, then id.
  std::vector<MentionView> mentions{};                ///< In page order.
};

enum class SearchErrorKind {
  NoIndex,   ///< No index at the location.
  NotFound,  ///< No such document in the index.
  BadQuery,  ///< The query does not parse.
  Index,     ///< The index cannot be read.
};

struct SearchError {
  SearchErrorKind kind = SearchErrorKind::Index;
  std::string detail;  ///< One line for the user; for BadQuery it quotes the query and names the position.
  /// BadQuery: byte offset in the query of the offending token, when known.
  std::optional<std::size_t> position{};
  std::string token{};                     ///< BadQuery: the offending token as written, when known.
  std::vector<std::string> suggestions{};  ///< BadQuery: closest valid fields or tag ids, best first.
};

}  // namespace cydex::search
