// SPDX-License-Identifier: Apache-2.0
#include "cydex/search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <exception>
#include <system_error>
#include <thread>

#include "cydex/index/schema.h"
#include "cydex/index/word_pairs.h"
#include "cydex/index/stored_document.h"
#include "facet_collector.h"
#include "facet_counting.h"
#include "cydex/corpus/keyword_in_context.h"
#include "docid_range.h"
#include "query_builder.h"
#include "snippeter.h"
#include "sort_key.h"

namespace cydex::search {
namespace schema = index::schema;

namespace {

/// The counts of one category's tags, by count descending, then id.
std::vector<FacetValue> tag_facet(const std::map<std::string, int>& counts, const std::string& category) {
  std::vector<FacetValue> out;
  const std::string prefix = category + ":";
  for (auto it = counts.lower_bound(prefix); it != counts.end() && it->first.starts_with(prefix); ++it) {
    out.push_back(FacetValue{it->first, it->second});
  }
  std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  return out;
}

DocumentView to_view(const index::StoredDocument& stored) {
  DocumentView view;
  view.id = stored.id;
  view.path = stored.path;
  view.paths = stored.paths;
  view.format = stored.format;
  view.status = stored.status;
  view.title = stored.title;
  view.organisation = stored.organisation;
  view.year = stored.year;
  view.date = stored.date;
  view.language = stored.language;
  view.url = stored.url;
  view.authors = stored.authors;
  view.warnings = stored.warnings;
  std::map<int, const std::string*> page_text;
  for (const index::StoredPage& page : stored.pages) {
    view.pages.emplace_back(page.number, page.text);
    page_text[page.number] = &page.text;
  }
  std::map<std::string, int> counts;
  for (const index::StoredMention& mention : stored.mentions) {
    ++counts[mention.tag];
    const auto text = page_text.find(mention.page);
    std::string context =
        text == page_text.end() ? std::string() : corpus::keyword_in_context(*text->second, mention.start, mention.end);
    view.mentions.push_back(MentionView{mention.tag, mention.page, mention.start, mention.end, std::move(context)});
  }
  for (const auto& [tag, count] : counts) view.tags.push_back(TagCount{tag, count});
  std::stable_sort(view.tags.begin(), view.tags.end(),
                   [](const TagCount& a, const TagCount& b) { return a.count > b.count; });
  return view;
}

}  // namespace

struct Searcher::Impl {
  std::vector<std::string> locations;
  Xapian::Database db;
  /// Some shard is remote: count facets and sort only with what a stock
  /// xapian-tcpsrv can run.
  bool remote = false;
  std::optional<QueryBuilder> builder;
  std::optional<Snippeter> snippeter;
  /// Exact searches of a single local index with at least
  /// `parallel_min_documents` documents split the match into `slices`
  /// docid ranges, one thread each.
  unsigned slices = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
  Xapian::doccount parallel_min_documents = kParallelMinDocuments;
  /// Extra handles on the index, one per slice after the first.
  std::vector<Xapian::Database> twins{};
  /// Every shard is local and has facet codes for every document
  /// (index::schema::kFacetCodesKey): facets are counted from the codes.
  bool facet_codes = false;
  FacetCodeNames facet_names{};

  /// Each shard on its own (the one database, when there is one).
  std::vector<Xapian::Database> shards{};

  /// Reads what the shards' formats allow: facet codes (facet_codes,
  /// facet_names) and word pairs (the builder's).
  void read_index_formats();

  std::vector<Xapian::Database> slice_handles();
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

namespace {

constexpr std::string_view kRemoteScheme = "tcp://";
/// Milliseconds a remote shard may take over one exchange (counting every
/// match of a big shard is one) and over connecting.
constexpr unsigned kRemoteTimeoutMs = 60000;
constexpr unsigned kRemoteConnectTimeoutMs = 10000;

corpus::Result<Xapian::Database, SearchError> open_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": no index here"});
  }
  try {
    return Xapian::Database(dir.string());
  } catch (const Xapian::DatabaseNotFoundError&) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": no index here"});
  } catch (const Xapian::DatabaseOpeningError& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, dir.string() + ": " + error.get_msg()});
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, dir.string() + ": " + error.get_msg()});
  }
}

/// "tcp://HOST:PORT" (HOST may be "[v6 address]"), a database served by xapian-tcpsrv.
corpus::Result<Xapian::Database, SearchError> open_remote(const std::string& location) {
  const auto bad = [&](const std::string& reason) {
    return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, location + ": " + reason});
  };
  const std::string address = location.substr(kRemoteScheme.size());
  const std::size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) return bad("not tcp://HOST:PORT");
  std::string host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port_text = address.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() || port == 0 ||
      port > 65535) {
    return bad("the port must be a number from 1 to 65535, not '" + port_text + "'");
  }
  try {
    return Xapian::Remote::open(host, port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
  } catch (const Xapian::Error& error) {
    // One line: the location, then Xapian's reason and the system's.
    std::string reason = error.get_msg();
    if (const char* system = error.get_error_string(); system != nullptr && *system != '\0') {
      reason += std::string(" (") + system + ")";
    }
    std::replace(reason.begin(), reason.end(), '\n', ' ');
    return corpus::Unexpected(
        SearchError{SearchErrorKind::Index, location + ": cannot open the remote index: " + reason});
  }
}

}  // namespace

corpus::Result<Searcher, SearchError> Searcher::open(const std::filesystem::path& dir) {
  auto db = open_folder(dir);
  if (!db) return corpus::Unexpected(db.error());
  try {
    auto impl = std::make_unique<Impl>();
    impl->locations = {dir.string()};
    impl->db = std::move(*db);
    impl->shards = {impl->db};
    impl->builder.emplace(impl->db);
    impl->snippeter.emplace();
    impl->read_index_formats();
    return Searcher(std::move(impl));
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, dir.string() + ": " + error.get_msg()});
  }
}

bool Searcher::is_remote_location(const std::string& location) { return location.starts_with(kRemoteScheme); }

void Searcher::Impl::read_index_formats() {
  facet_codes = false;
  facet_names = FacetCodeNames{};
  // The metadata of a combined database is its first shard's only, so each
  // shard is asked for itself.
  const auto every_shard = [&](const char* key, std::string_view value) {
    return std::all_of(shards.begin(), shards.end(),
                       [&](const Xapian::Database& shard) { return shard.get_metadata(key) == value; });
  };
  builder->use_word_pairs(every_shard(schema::kPairsKey, index::kWordPairsVersion));
  if (remote || !every_shard(schema::kFacetCodesKey, "1")) return;
  for (const Xapian::Database& shard : shards) facet_names.load(shard);
  facet_codes = true;
}

corpus::Result<Searcher, SearchError> Searcher::open(const std::vector<std::string>& locations) {
  if (locations.empty()) return corpus::Unexpected(SearchError{SearchErrorKind::NoIndex, "no index given"});
  if (locations.size() == 1 && !is_remote_location(locations.front())) return open(std::filesystem::path(locations.front()));
  auto impl = std::make_unique<Impl>();
  for (const std::string& location : locations) {
    if (std::find(impl->locations.begin(), impl->locations.end(), location) != impl->locations.end()) {
      return corpus::Unexpected(
          SearchError{SearchErrorKind::Index, location + ": given twice; the indexes searched together must be disjoint"});
    }
    const bool remote = is_remote_location(location);
    auto shard = remote ? open_remote(location) : open_folder(location);
    if (!shard) return corpus::Unexpected(shard.error());
    impl->db.add_database(*shard);
    impl->shards.push_back(*shard);
    impl->locations.push_back(location);
    impl->remote = impl->remote || remote;
  }
  try {
    // Synonyms (query expansion) and spelling data come from the local
    // shards only: a remote shard in Xapian 1.4 has none to give, so with no
    // local shard the words match as written and no correction is offered.
    impl->builder.emplace(impl->db);
    impl->snippeter.emplace();
    impl->read_index_formats();
    return Searcher(std::move(impl));
  } catch (const Xapian::Error& error) {
    std::string joined;
    for (const std::string& location : locations) joined += (joined.empty() ? "" : ", ") + location;
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, joined + ": " + error.get_msg()});
  }
}

unsigned Searcher::document_count() const { return impl_->db.get_doccount(); }

corpus::Result<DocumentView, SearchError> Searcher::document(const std::string& id_or_path) {
  const auto not_found = [&] {
    return corpus::Unexpected(SearchError{SearchErrorKind::NotFound, "no document '" + id_or_path + "' in the index"});
  };
  try {
    Xapian::Database& db = impl_->db;
    std::string term;
    if (id_or_path.starts_with("/")) {
      term = schema::term(schema::kPathPrefix, id_or_path);
    } else if (id_or_path.size() >= 6) {
      // A unique prefix of an id is enough, as with git.
      const std::string prefix = schema::term(schema::kIdPrefix, id_or_path);
      Xapian::TermIterator it = db.allterms_begin(prefix);
      if (it == db.allterms_end(prefix)) return not_found();
      term = *it;
      if (++it != db.allterms_end(prefix)) {
        return corpus::Unexpected(
            SearchError{SearchErrorKind::NotFound, "'" + id_or_path + "' matches several documents; give more of the id"});
      }
    } else {
      return not_found();
    }
    Xapian::PostingIterator posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return not_found();
    const std::optional<index::StoredDocument> stored = index::StoredDocument::decode(db.get_document(*posting).get_data());
    if (!stored) return corpus::Unexpected(SearchError{SearchErrorKind::Index, "document data is unreadable"});
    return to_view(*stored);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, error.get_type() + std::string(": ") + error.get_msg()});
  }
}

std::map<std::string, int> Searcher::tag_document_counts() {
  std::map<std::string, int> counts;
  const std::string prefix(schema::kTagPrefix);
  for (Xapian::TermIterator it = impl_->db.allterms_begin(prefix); it != impl_->db.allterms_end(prefix); ++it) {
    counts[(*it).substr(prefix.size())] = static_cast<int>(it.get_termfreq());
  }
  return counts;
}

namespace {

/// The match of one slice of the database (or of all of it): its own
/// Enquire, MSet and facet spies, on a Xapian::Database handle no other
/// thread uses.
struct Slice {
  Slice(const Xapian::Database& handle, const FacetPlan& plan) : db(handle), enquire(handle), facets(plan, handle) {}

  /// Runs `query` for the first `wanted` hits, checking at least
  /// `check_at_least` documents (all of them for exact counts).
  void run(const Xapian::Query& query, const SearchRequest& request, bool remote, Xapian::doccount wanted,
           Xapian::doccount check_at_least) {
    enquire.set_query(query);
    sort_key = apply_sort(enquire, request, remote);
    facets.attach(enquire);
    mset = enquire.get_mset(0, wanted, check_at_least);
  }

  Xapian::Database db;
  Xapian::Enquire enquire;
  MatchFacets facets;
  std::unique_ptr<SortKeyMaker> sort_key{};
  Xapian::MSet mset{};
};

/// Whether `query` has a wildcard, whose terms only the match knows.
bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_wildcard(query.get_subquery(i))) return true;
  }
  return false;
}

/// A hit of some slice, ordered as Xapian orders one match: by sort key
/// (if any, in the request's direction), then weight descending, then docid.
struct SliceHit {
  std::size_t slice = 0;
  Xapian::MSetIterator it;
  std::string key{};
  double weight = 0.0;
  Xapian::docid docid = 0;
};

}  // namespace

void Searcher::set_parallelism(unsigned slices, unsigned min_documents) {
  impl_->slices = std::max(slices, 1U);
  impl_->parallel_min_documents = min_documents;
  impl_->twins.clear();
}

std::vector<Xapian::Database> Searcher::Impl::slice_handles() {
  // One handle per slice, all at the revision of `db`: a Xapian::Database
  // is not thread-safe, so each thread reads through its own.
  std::vector<Xapian::Database> handles{db};
  if (remote || locations.size() != 1 || slices < 2 || db.get_doccount() < parallel_min_documents) return handles;
  if (twins.size() + 1 != slices) {
    twins.clear();
    for (unsigned i = 1; i < slices; ++i) twins.emplace_back(locations.front());
  }
  for (Xapian::Database& twin : twins) {
    // A writer committed since `db` was opened: a twin cannot go back to
    // that revision, so this search runs whole rather than mix two states.
    if (twin.get_revision() != db.get_revision()) {
      twins.clear();
      return handles;
    }
  }
  handles.insert(handles.end(), twins.begin(), twins.end());
  return handles;
}

corpus::Result<SearchResult, SearchError> Searcher::search(const SearchRequest& request) {
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  try {
    if (std::optional<QueryProblem> problem = impl_->builder->check(request.query, request.known_tags)) {
      return corpus::Unexpected(SearchError{SearchErrorKind::BadQuery, problem->message, problem->position,
                                            problem->token, problem->suggestions});
    }
    Xapian::Query query;
    try {
      query = impl_->builder->build(request);
    } catch (const Xapian::QueryParserError& error) {
      return corpus::Unexpected(
          SearchError{SearchErrorKind::BadQuery, "malformed query '" + request.query + "': " + error.get_msg()});
    }

    const bool exact = request.counting == Counting::Exact;
    const std::vector<std::string>& wanted = request.facets.empty() ? kFacetNames : request.facets;
    const auto wants = [&](const std::string& name) {
      return exact && std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    };
    FacetPlan plan;
    for (const char* name : {"organisation", "year", "language", "format"}) {
      if (wants(name)) plan.value_facets.emplace_back(name);
    }
    plan.tags = wants("norm") || wants("actor") || wants("instrument");
    // A stock xapian-tcpsrv knows only Xapian's own spies: with a remote
    // shard every facet is counted the portable way, equally exact.
    plan.mode = impl_->remote ? FacetCollector::Mode::Portable : FacetCollector::Mode::Streaming;
    plan.source = impl_->facet_codes ? FacetPlan::Source::Codes : FacetPlan::Source::Slots;

    // Exact counting checks every document: the total and the facet counts are
    // exact. An estimate checks only what the page of hits needs, and is
    // cheap enough to run whole.
    const Xapian::doccount check_at_least = exact ? impl_->db.get_doccount() : 0;
    const auto hits_wanted = static_cast<Xapian::doccount>(std::max(request.offset, 0) + std::max(request.limit, 0));
    std::vector<Xapian::Database> handles = exact ? impl_->slice_handles() : std::vector<Xapian::Database>{impl_->db};
    std::deque<Slice> slices;
    for (const Xapian::Database& handle : handles) slices.emplace_back(handle, plan);

    if (slices.size() == 1) {
      slices.front().run(query, request, impl_->remote, hits_wanted, check_at_least);
    } else {
      // Each slice matches its own span of docids on its own thread; the
      // query travels serialised, as a Xapian::Query may not be shared
      // between threads.
      const std::string serialised = query.serialise();
      const Xapian::docid last = impl_->db.get_lastdocid();
      const Xapian::docid span = last / static_cast<Xapian::docid>(slices.size()) + 1;
      std::vector<std::exception_ptr> failures(slices.size());
      const auto run_slice = [&](std::size_t i) {
        try {
          const Xapian::docid first = static_cast<Xapian::docid>(i) * span + 1;
          const Xapian::docid end = i + 1 == slices.size() ? last : first + span - 1;
          const Xapian::Query own = i == 0 ? query : Xapian::Query::unserialise(serialised);
          const Xapian::Query range((new DocidRangeSource(first, end))->release());
          slices[i].run(Xapian::Query(Xapian::Query::OP_FILTER, own, range), request,
                        impl_->remote, hits_wanted, check_at_least);
        } catch (...) {
          failures[i] = std::current_exception();
        }
      };
      std::vector<std::thread> threads;
      for (std::size_t i = 1; i < slices.size(); ++i) threads.emplace_back(run_slice, i);
      run_slice(0);
      for (std::thread& thread : threads) thread.join();
      for (const std::exception_ptr& failure : failures) {
        if (failure) std::rethrow_exception(failure);
      }
    }

    result.total = 0;
    result.total_exact = true;
    for (const Slice& slice : slices) {
      result.total += static_cast<int>(slice.mset.get_matches_estimated());
      result.total_exact =
          result.total_exact && slice.mset.get_matches_lower_bound() == slice.mset.get_matches_upper_bound();
    }
    if (result.total < 3) result.suggestion = impl_->builder->spelling_suggestion(request.query);
    FacetTally tally;
    for (const Slice& slice : slices) slice.facets.add_to(tally, impl_->facet_names);
    for (const std::string& name : plan.value_facets) {
      const std::vector<FacetValue> values = facet_values(tally.values[name]);
      result.facets[name] = name == "year" ? year_ranges(values, request.year_bucket) : values;
    }
    if (plan.tags) {
      for (const char* category : {"norm", "actor", "instrument"}) {
        if (wants(category)) result.facets[category] = tag_facet(tally.tags, category);
      }
    }
    if (request.facet_limit > 0) {
      for (auto& [name, values] : result.facets) {
        if (values.size() > static_cast<std::size_t>(request.facet_limit)) {
          values.resize(static_cast<std::size_t>(request.facet_limit));
        }
      }
    }

    std::optional<MatchedTerms> query_terms;
    if (request.limit > 0 && !has_wildcard(query)) query_terms = body_terms(query.get_terms_begin(), query.get_terms_end());

    // The page of hits: the slices' best, merged in the order one match
    // over the whole database gives.
    std::vector<SliceHit> merged;
    const bool keyed = request.sort != SortOrder::Relevance;
    for (std::size_t i = 0; i < slices.size(); ++i) {
      for (Xapian::MSetIterator it = slices[i].mset.begin(); it != slices[i].mset.end(); ++it) {
        merged.push_back(SliceHit{i, it, keyed ? it.get_sort_key() : std::string(), it.get_weight(), *it});
      }
    }
    if (slices.size() > 1) {
      const bool descending_key = (request.sort == SortOrder::Date) != request.reverse;
      std::stable_sort(merged.begin(), merged.end(), [&](const SliceHit& a, const SliceHit& b) {
        if (a.key != b.key) return descending_key ? a.key > b.key : a.key < b.key;
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.docid < b.docid;
      });
    }
    const std::size_t first = std::min(merged.size(), static_cast<std::size_t>(std::max(request.offset, 0)));
    const std::size_t stop = std::min(merged.size(), first + static_cast<std::size_t>(std::max(request.limit, 0)));
    for (std::size_t rank = first; rank < stop; ++rank) {
      const SliceHit& at = merged[rank];
      Slice& slice = slices[at.slice];
      const Xapian::Document document = at.it.get_document();
      const std::optional<index::StoredDocument> stored = index::StoredDocument::decode(document.get_data());
      if (!stored) continue;
      Hit hit;
      hit.id = stored->id;
      hit.rank = static_cast<int>(rank) + 1;
      hit.score = at.weight;
      hit.title = stored->title;
      hit.organisation = stored->organisation;
      hit.year = stored->year;
      hit.path = stored->path;
      hit.paths = stored->paths;
      hit.format = stored->format;
      hit.language = stored->language;
      // The query's own terms serve every hit (the snippeter looks for them
      // in the document), except where the match expands a wildcard.
      const MatchedTerms terms =
          query_terms ? *query_terms
                      : body_terms(slice.enquire.get_matching_terms_begin(at.it),
                                   slice.enquire.get_matching_terms_end(at.it));
      hit.snippet = impl_->snippeter->best_passage(*stored, terms, &slice.db, at.docid);
      result.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::DatabaseModifiedError& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, "index changed during the search; run it again"});
  } catch (const Xapian::NetworkError& error) {
    // A remote shard failed (server gone, timeout); the context names it ("remote:tcp(HOST:PORT)").
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, error.get_type() + std::string(": ") +
                                                                      error.get_msg() + " (" + error.get_context() + ")"});
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(SearchError{SearchErrorKind::Index, error.get_type() + std::string(": ") + error.get_msg()});
  }
  return result;
}

}  // namespace cydex::search
