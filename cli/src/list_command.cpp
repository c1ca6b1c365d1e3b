// SPDX-License-Identifier: Apache-2.0
// cydex list: one line per indexed document, filtered and sorted.
#include <algorithm>
#include <cctype>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/index/document_listing.h"
#include "help_text.h"
#include "index_location.h"
#include "taxonomy_location.h"

namespace cydex::cli {
namespace {

std::string lower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

struct ListFilter {
  std::vector<std::string> organisations{};  ///< As given and as the registry names them, lower case.
  std::optional<int> year_from{};
  std::optional<int> year_to{};
  std::string language{};  ///< Lower case.
  std::string format{};
};

/// "2019", "2015..2020", "2015.." or "..2020".
std::optional<std::string> read_years(const std::string& text, ListFilter& filter) {
  const std::size_t dots = text.find("..");
  const auto year = [](const std::string& part) -> std::optional<int> {
    if (part.size() != 4 || !std::all_of(part.begin(), part.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return std::nullopt;
    }
    return std::stoi(part);
  };
  const std::string problem = "--year takes YEAR or FROM..TO (e.g. 2019 or 2015..2020), not '" + text + "'";
  if (dots == std::string::npos) {
    filter.year_from = filter.year_to = year(text);
    return filter.year_from ? std::nullopt : std::optional<std::string>(problem);
  }
  const std::string from = text.substr(0, dots);
  const std::string to = text.substr(dots + 2);
  if (from.empty() && to.empty()) return problem;
  if (!from.empty() && !(filter.year_from = year(from))) return problem;
  if (!to.empty() && !(filter.year_to = year(to))) return problem;
  return std::nullopt;
}

bool matches(const index::ListedDocument& doc, const ListFilter& filter) {
  if (!filter.organisations.empty()) {
    const std::string organisation = lower(doc.organisation);
    const bool any = std::any_of(filter.organisations.begin(), filter.organisations.end(), [&](const std::string& want) {
      return organisation == want || organisation.find(want) != std::string::npos;
    });
    if (!any) return false;
  }
  if (filter.year_from && (!doc.year || *doc.year < *filter.year_from)) return false;
  if (filter.year_to && (!doc.year || *doc.year > *filter.year_to)) return false;
  if (!filter.language.empty()) {
    const std::string language = lower(doc.language);
    if (language != filter.language && !language.starts_with(filter.language + "-")) return false;
  }
  return filter.format.empty() || doc.format == filter.format;
}

void sort_documents(std::vector<index::ListedDocument>& docs, const std::string& order) {
  const auto by_path = [](const index::ListedDocument& a, const index::ListedDocument& b) { return a.path < b.path; };
  if (order == "path") {
    std::sort(docs.begin(), docs.end(), by_path);
  } else if (order == "title") {
    // Documents without a title last.
    std::sort(docs.begin(), docs.end(), [&](const auto& a, const auto& b) {
      if (a.title.empty() != b.title.empty()) return b.title.empty();
      const std::string x = lower(a.title), y = lower(b.title);
      return x != y ? x < y : by_path(a, b);
    });
  } else {
    // Oldest first; documents without a year last.
    std::sort(docs.begin(), docs.end(), [&](const auto& a, const auto& b) {
      if (a.year.has_value() != b.year.has_value()) return a.year.has_value();
      if (a.year != b.year) return *a.year < *b.year;
      return by_path(a, b);
    });
  }
}

nlohmann::ordered_json document_json(const index::ListedDocument& doc) {
  const auto or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
  };
  return {{"id", doc.id},
          {"year", doc.year ? nlohmann::ordered_json(*doc.year) : nlohmann::ordered_json(nullptr)},
          {"organisation", or_null(doc.organisation)},
          {"title", or_null(doc.title)},
          {"path", doc.path},
          {"paths", doc.paths.empty() ? std::vector<std::string>{doc.path} : doc.paths},
          {"format", doc.format},
          {"language", or_null(doc.language)},
          {"date", or_null(doc.date)},
          {"pages", doc.pages},
          {"status", doc.status}};
}

std::vector<OptionSpec> list_options() {
  return {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "org", .takes_value = true, .repeatable = true},
      {.name = "year", .takes_value = true},
      {.name = "lang", .takes_value = true},
      {.name = "format", .takes_value = true},
      {.name = "sort", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
}

}  // namespace

int list_command(const std::vector<std::string>& args, const Context& context) {
  auto parsed = parse_arguments(args, list_options());
  if (!parsed) return usage_error(context, "list", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << list_help();
    return kExitOk;
  }
  if (!arguments.operands.empty()) return usage_error(context, "list", "takes no operands (filters are options)");
  ListFilter filter;
  if (const auto years = arguments.value("year")) {
    if (auto problem = read_years(*years, filter)) return usage_error(context, "list", *problem);
  }
  filter.language = lower(arguments.value("lang").value_or(""));
  filter.format = arguments.value("format").value_or("");
  if (!filter.format.empty() && filter.format != "pdf" && filter.format != "html" && filter.format != "text") {
    return usage_error(context, "list", "--format takes pdf, html or text, not '" + filter.format + "'");
  }
  const std::string order = arguments.value("sort").value_or("path");
  if (order != "path" && order != "title" && order != "year") {
    return usage_error(context, "list", "--sort takes title, year or path, not '" + order + "'");
  }
  if (arguments.has("org")) {
    // "EEAS" finds the documents stored under "European External Action Service".
    const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(arguments, context, "list");
    if (!taxonomy) return kExitFatal;
    const corpus::OrganisationNames names(*taxonomy);
    for (const std::string& org : arguments.values("org")) {
      filter.organisations.push_back(lower(corpus::collapse_spaces(org)));
      filter.organisations.push_back(lower(names.canonical(org)));
    }
  }

  const std::filesystem::path dir = index_location(arguments, context);
  auto listing = index::read_listing(dir);
  if (!listing) {
    context.err << "cydex list: " << listing.error().detail;
    if (listing.error().kind == index::IndexErrorKind::NotFound) context.err << " (create one with: cydex ingest PATH...)";
    context.err << "\n";
    return kExitFatal;
  }
  std::vector<index::ListedDocument> docs;
  for (index::ListedDocument& doc : listing->documents) {
    if (matches(doc, filter)) docs.push_back(std::move(doc));
  }
  sort_documents(docs, order);
  if (arguments.has("json")) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const index::ListedDocument& doc : docs) out.push_back(document_json(doc));
    context.out << out.dump(2) << "\n";
    return kExitOk;
  }
  const auto or_dash = [](const std::string& text) { return text.empty() ? std::string("-") : text; };
  for (const index::ListedDocument& doc : docs) {
    context.out << doc.id << '\t' << (doc.year ? std::to_string(*doc.year) : "-") << '\t' << or_dash(doc.organisation)
                << '\t' << or_dash(doc.title) << '\t' << doc.path << '\n';
  }
  return kExitOk;
}

}  // namespace cydex::cli
