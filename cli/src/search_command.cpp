// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <ostream>

#include "arguments.h"
#include "commands.h"
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

}  // namespace

int search_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "org", .takes_value = true, .repeatable = true},
      {.name = "year", .takes_value = true},
      {.name = "limit", .takes_value = true, .short_name = 'n'},
      {.name = "offset", .takes_value = true},
      {.name = "facet", .takes_value = true, .repeatable = true},
      {.name = "facet-limit", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "no-expand"},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "search", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << search_help();
    return kExitOk;
  }

  search::SearchRequest request;
  for (const std::string& word : arguments.operands) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  request.organisations = arguments.values("org");
  request.expand = !arguments.has("no-expand");
  if (const auto years = arguments.value("year")) {
    auto range = parse_years(*years);
    if (!range) return usage_error(context, "search", range.error());
    request.year_from = range->first;
    request.year_to = range->second;
  }
  if (const auto limit = arguments.value("limit")) {
    auto value = parse_int("limit", *limit, 0, 10000);
    if (!value) return usage_error(context, "search", value.error());
    request.limit = *value;
  }
  if (const auto offset = arguments.value("offset")) {
    auto value = parse_int("offset", *offset, 0, 1000000000);
    if (!value) return usage_error(context, "search", value.error());
    request.offset = *value;
  }

  for (const std::string& facet : arguments.values("facet")) {
    if (std::find(search::kFacetNames.begin(), search::kFacetNames.end(), facet) == search::kFacetNames.end()) {
      return usage_error(context, "search",
                         "unknown facet '" + facet + "' (facets: organisation, year, norm, actor, instrument)");
    }
    request.facets.push_back(facet);
  }
  if (const auto limit = arguments.value("facet-limit")) {
    auto value = parse_int("facet-limit", *limit, 1, 100000);
    if (!value) return usage_error(context, "search", value.error());
    request.facet_limit = *value;
  }

  const std::filesystem::path dir = index_location(arguments, context);
  auto searcher = search::Searcher::open(dir);
  if (!searcher) {
    context.err << "cydex search: " << searcher.error().detail << "\n";
    if (searcher.error().kind == search::SearchErrorKind::NoIndex) {
      context.err << "Create one with: cydex ingest --index " << dir.string() << " PATH...\n";
    }
    return kExitFatal;
  }
  auto result = searcher->search(request);
  if (!result) {
    const bool bad_query = result.error().kind == search::SearchErrorKind::BadQuery;
    context.err << "cydex search: " << (bad_query ? "malformed query: " : "") << result.error().detail << "\n";
    return bad_query ? kExitPartial : kExitFatal;
  }
  if (arguments.has("json")) {
    context.out << to_json(*result).dump(2) << "\n";
  } else {
    std::error_code ec;
    TextStyle style{.bold_highlights = context.out_is_terminal && !context.getenv("NO_COLOR"),
                          .base = std::filesystem::current_path(ec),
                          .facet_lines = request.facet_limit > 0 ? request.facet_limit : 8};
    // Labels make tag facets readable; without a taxonomy the ids still are.
    if (auto taxonomy = corpus::Taxonomy::load(taxonomy_location(arguments, context))) {
      for (const corpus::Tag& tag : taxonomy->tags()) style.labels[tag.id] = tag.label;
    }
    print_search_result(*result, style, context.out);
  }
  return kExitOk;
}

}  // namespace cydex::cli
