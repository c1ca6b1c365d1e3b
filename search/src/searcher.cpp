// SPDX-License-Identifier: Apache-2.0
#include "cydex/search/searcher.h"

#include <xapian.h>

#include <deque>
#include <system_error>

#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "facet_collector.h"
#include "query_builder.h"
#include "snippeter.h"

namespace cydex::search {
namespace schema = index::schema;

struct Searcher::Impl {
  std::filesystem::path dir;
  Xapian::Database db;
  std::optional<QueryBuilder> builder;
  std::optional<Snippeter> snippeter;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

corpus::Result<Searcher, SearchError> Searcher::open(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": no index here"});
  }
  try {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->db = Xapian::Database(dir.string());
    impl->builder.emplace(impl->db);
    impl->snippeter.emplace(impl->builder->stemmer());
    return Searcher(std::move(impl));
  } catch (const Xapian::DatabaseNotFoundError&) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": no index here"});
  } catch (const Xapian::DatabaseOpeningError& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": " + error.get_msg()});
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, dir.string() + ": " + error.get_msg()});
  }
}

unsigned Searcher::document_count() const { return impl_->db.get_doccount(); }

corpus::Result<SearchResult, SearchError> Searcher::search(const SearchRequest& request) {
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  try {
    Xapian::Query query;
    try {
      query = impl_->builder->build(request);
    } catch (const Xapian::QueryParserError& error) {
      return corpus::Unexpected(SearchError{SearchErrorKind::BadQuery, error.get_msg()});
    }

    std::deque<FacetCollector> facets;
    facets.emplace_back("organisation", schema::kOrganisationSlot);
    facets.emplace_back("year", schema::kYearSlot);
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    for (FacetCollector& facet : facets) facet.attach(enquire);

    // checkatleast = every document: the total and the facet counts are exact.
    const Xapian::doccount all = impl_->db.get_doccount();
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(request.offset, 0)),
                                               static_cast<Xapian::doccount>(std::max(request.limit, 0)), all);
    result.total = static_cast<int>(mset.get_matches_estimated());
    for (const FacetCollector& facet : facets) result.facets[facet.name()] = facet.values();

    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document document = it.get_document();
      const std::optional<index::StoredDocument> stored = index::StoredDocument::decode(document.get_data());
      if (!stored) continue;
      Hit hit;
      hit.id = stored->id;
      hit.rank = request.offset + static_cast<int>(it.get_rank() - mset.get_firstitem()) + 1;
      hit.score = it.get_weight();
      hit.title = stored->title;
      hit.organisation = stored->organisation;
      hit.year = stored->year;
      hit.path = stored->path;
      hit.format = stored->format;
      hit.language = stored->language;
      const MatchedTerms terms = body_terms(enquire.get_matching_terms_begin(it), enquire.get_matching_terms_end(it));
      hit.snippet = impl_->snippeter->best_passage(*stored, terms);
      result.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::DatabaseModifiedError& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, "index changed during the search; run it again"});
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, error.get_type() + std::string(": ") + error.get_msg()});
  }
  return result;
}

}  // namespace cydex::search
