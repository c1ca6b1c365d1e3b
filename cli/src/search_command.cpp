// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <ostream>

#include "arguments.h"
#include "commands.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/search/searcher.h"
#include "help_text.h"
#include "index_location.h"
#include "json_output.h"
#include "search_output.h"
#include "taxonomy_location.h"

namespace cydex::cli {
namespace {

/// "2019", "2019..2023", "2019..", "..2023".
corpus::Result<std::pair<std::optional<int>, std::optional<int>>, std::string> parse_years(const std::string& text) {
  const auto dots = text.find("..");
  const auto year = [](const std::string& part) -> corpus::Result<std::optional<int>, std::string> {
    if (part.empty()) return std::optional<int>{};
    auto value = parse_int("year", part, 0, 9999);
    if (!value) return corpus::Unexpected("--year takes YEAR or FROM..TO, not '" + part + "'");
    return std::optional<int>(*value);
  };
  if (dots == std::string::npos) {
    auto single = year(text);
    if (!single || !*single) return corpus::Unexpected(std::string("--year takes YEAR or FROM..TO"));
    return std::pair{*single, *single};
  }
  auto from = year(text.substr(0, dots));
  auto to = year(text.substr(dots + 2));
  if (!from) return corpus::Unexpected(from.error());
  if (!to) return corpus::Unexpected(to.error());
  if (*from && *to && **from > **to) return corpus::Unexpected("--year range " + text + " is empty (FROM > TO)");
  return std::pair{*from, *to};
}

enum class OutputFormat { Text, Json, Csv };

struct SearchOptions {
  search::SearchRequest request{};
  OutputFormat format = OutputFormat::Text;
};

const std::vector<OptionSpec>& search_specs() {
  static const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true, .repeatable = true},
      {.name = "org", .takes_value = true, .repeatable = true},
      {.name = "year", .takes_value = true},
      {.name = "lang", .takes_value = true, .repeatable = true},
      {.name = "doc-format", .takes_value = true, .repeatable = true},
      {.name = "limit", .takes_value = true, .short_name = 'n'},
      {.name = "offset", .takes_value = true},
      {.name = "sort", .takes_value = true},
      {.name = "reverse"},
      {.name = "facet", .takes_value = true, .repeatable = true},
      {.name = "facet-limit", .takes_value = true},
      {.name = "year-buckets", .takes_value = true},
      {.name = "estimate"},
      {.name = "taxonomy", .takes_value = true},
      {.name = "no-expand"},
      {.name = "format", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  return specs;
}

/// Reads an int option into `target`; the error is the usage message.
std::optional<std::string> read_int(const Arguments& arguments, const std::string& name, int min, int max, int& target) {
  const auto text = arguments.value(name);
  if (!text) return std::nullopt;
  auto value = parse_int(name, *text, min, max);
  if (!value) return value.error();
  target = *value;
  return std::nullopt;
}

/// The output, order and count options.
std::optional<std::string> read_presentation(const Arguments& arguments, SearchOptions& options) {
  search::SearchRequest& request = options.request;
  if (const auto format = arguments.value("format")) {
    if (*format == "text") options.format = OutputFormat::Text;
    else if (*format == "json") options.format = OutputFormat::Json;
    else if (*format == "csv") options.format = OutputFormat::Csv;
    else if (*format == "pdf" || *format == "html") {
      return "--format chooses the output (text, json, csv); for documents in " + *format + " use --doc-format " +
             *format + " or format:" + *format;
    } else {
      return "--format takes text, json or csv, not '" + *format + "'";
    }
    if (arguments.has("json") && options.format != OutputFormat::Json) return "--json and --format " + *format + " disagree";
  }
  if (arguments.has("json")) options.format = OutputFormat::Json;
  const std::string sort = arguments.value("sort").value_or("relevance");
  if (sort == "relevance") request.sort = search::SortOrder::Relevance;
  else if (sort == "date") request.sort = search::SortOrder::Date;
  else if (sort == "title") request.sort = search::SortOrder::Title;
  else return "--sort takes relevance, date or title, not '" + sort + "'";
  request.reverse = arguments.has("reverse");
  if (request.reverse && request.sort == search::SortOrder::Relevance) return "--reverse needs --sort date or --sort title";
  if (const auto buckets = arguments.value("year-buckets")) {
    if (*buckets == "decade") {
      request.year_bucket = 10;
    } else {
      auto value = parse_int("year-buckets", *buckets, 1, 1000);
      if (!value) return value.error() + " or 'decade'";
      request.year_bucket = *value;
    }
  }
  if (arguments.has("estimate")) {
    if (arguments.has("facet") || arguments.has("year-buckets")) return "--estimate counts no facets; drop --facet and --year-buckets";
    request.counting = search::Counting::Estimate;
  }
  return std::nullopt;
}

corpus::Result<SearchOptions, std::string> read_options(const Arguments& arguments) {
  SearchOptions options;
  search::SearchRequest& request = options.request;
  for (const std::string& word : arguments.operands) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  request.organisations = arguments.values("org");
  request.languages = arguments.values("lang");
  request.formats = arguments.values("doc-format");
  for (const std::string& format : request.formats) {
    if (format != "pdf" && format != "html" && format != "text") {
      return corpus::Unexpected("--doc-format takes pdf, html or text, not '" + format + "'");
    }
  }
  request.expand = !arguments.has("no-expand");
  if (const auto years = arguments.value("year")) {
    auto range = parse_years(*years);
    if (!range) return corpus::Unexpected(range.error());
    request.year_from = range->first;
    request.year_to = range->second;
  }
  if (auto error = read_int(arguments, "limit", 0, 10000, request.limit)) return corpus::Unexpected(*error);
  if (auto error = read_int(arguments, "offset", 0, 1000000000, request.offset)) return corpus::Unexpected(*error);
  for (const std::string& facet : arguments.values("facet")) {
    if (std::find(search::kFacetNames.begin(), search::kFacetNames.end(), facet) == search::kFacetNames.end()) {
      return corpus::Unexpected("unknown facet '" + facet +
                                "' (facets: organisation, year, language, format, norm, actor, instrument)");
    }
    request.facets.push_back(facet);
  }
  if (auto error = read_int(arguments, "facet-limit", 1, 100000, request.facet_limit)) return corpus::Unexpected(*error);
  if (auto error = read_presentation(arguments, options)) return corpus::Unexpected(*error);
  if (request.year_bucket > 0 && !request.facets.empty() &&
      std::find(request.facets.begin(), request.facets.end(), "year") == request.facets.end()) {
    request.facets.push_back("year");
  }
  return options;
}

/// Whether the query failed on a tag id the index does not know.
bool unknown_tag(const search::SearchError& error) {
  return error.kind == search::SearchErrorKind::BadQuery && error.detail.starts_with("unknown tag");
}

std::string order_note(const search::SearchRequest& request) {
  switch (request.sort) {
    case search::SortOrder::Date:
      return request.reverse ? "oldest first" : "newest first";
    case search::SortOrder::Title:
      return request.reverse ? "by title, Z-A" : "by title, A-Z";
    case search::SortOrder::Relevance:
      break;
  }
  return {};
}

}  // namespace

int search_command(const std::vector<std::string>& args, const Context& context) {
  auto parsed = parse_arguments(args, search_specs());
  if (!parsed) return usage_error(context, "search", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << search_help();
    return kExitOk;
  }
  auto options = read_options(arguments);
  if (!options) return usage_error(context, "search", options.error());
  search::SearchRequest& request = options->request;
  const bool json = options->format == OutputFormat::Json;

  // Several --index: disjoint shards searched as one, folders or tcp://HOST:PORT.
  std::vector<std::string> locations = arguments.values("index");
  if (locations.empty()) locations.push_back(index_location(arguments, context).string());
  auto searcher = search::Searcher::open(locations);
  if (!searcher) {
    context.err << "cydex search: " << searcher.error().detail << "\n";
    if (searcher.error().kind == search::SearchErrorKind::NoIndex && locations.size() == 1 &&
        !search::Searcher::is_remote_location(locations.front())) {
      context.err << "Create one with: cydex ingest --index " << locations.front() << " PATH...\n";
    }
    if (json) context.out << to_json(searcher.error(), request.query).dump(2) << "\n";
    return kExitFatal;
  }
  std::optional<corpus::Taxonomy> taxonomy;
  if (!request.organisations.empty()) {
    // "--org EEAS" finds what was indexed under the registry's display name,
    // "European External Action Service", as ingest normalised it.
    if (auto loaded = corpus::Taxonomy::load(taxonomy_location(arguments, context))) taxonomy = std::move(*loaded);
    if (taxonomy) {
      const corpus::OrganisationNames names(*taxonomy);
      for (std::string& organisation : request.organisations) organisation = names.canonical(organisation);
    }
  }
  auto result = searcher->search(request);
  if (!result && unknown_tag(result.error())) {
    // A tag of a taxonomy edited since the last retag is valid: no document has it yet.
    if (auto loaded = corpus::Taxonomy::load(taxonomy_location(arguments, context))) taxonomy = std::move(*loaded);
    if (taxonomy) {
      for (const corpus::Tag& tag : taxonomy->tags()) request.known_tags.push_back(tag.id);
      result = searcher->search(request);
    }
  }
  if (!result) {
    const bool bad_query = result.error().kind == search::SearchErrorKind::BadQuery;
    context.err << "cydex search: " << result.error().detail << "\n";
    if (json) context.out << to_json(result.error(), request.query).dump(2) << "\n";
    return bad_query ? kExitPartial : kExitFatal;
  }
  if (json) {
    context.out << to_json(*result).dump(2) << "\n";
  } else if (options->format == OutputFormat::Csv) {
    print_search_csv(*result, context.out);
  } else {
    std::error_code ec;
    TextStyle style{.bold_highlights = context.out_is_terminal && !context.getenv("NO_COLOR"),
                    .base = std::filesystem::current_path(ec),
                    .facet_lines = request.facet_limit > 0 ? request.facet_limit : 8,
                    .order = order_note(request)};
    // Labels make tag facets readable; without a taxonomy the ids still are.
    if (!taxonomy) {
      if (auto loaded = corpus::Taxonomy::load(taxonomy_location(arguments, context))) taxonomy = std::move(*loaded);
    }
    if (taxonomy) {
      for (const corpus::Tag& tag : taxonomy->tags()) style.labels[tag.id] = tag.label;
    }
    print_search_result(*result, style, context.out);
  }
  return kExitOk;
}

}  // namespace cydex::cli
