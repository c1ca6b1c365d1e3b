// SPDX-License-Identifier: Apache-2.0
// cydex stats: what the index holds, counted; read from the index alone.
#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "cydex/index/document_listing.h"
#include "help_text.h"
#include "index_location.h"

namespace cydex::cli {
namespace {

/// Values with their document counts, most frequent first, then by value.
using Counts = std::vector<std::pair<std::string, int>>;

Counts sorted(const std::map<std::string, int>& counts) {
  Counts out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

struct TagStats {
  int documents = 0;
  int mentions = 0;
};

struct Stats {
  int documents = 0;
  long long pages = 0;
  std::map<std::string, std::map<std::string, int>> facets{};  ///< Facet -> value -> documents.
  std::map<std::string, std::map<std::string, TagStats>> tags{};  ///< Category -> tag id -> counts.
  std::vector<index::RememberedFailure> failures{};
};

Stats count(const index::DocumentListing& listing) {
  Stats stats;
  stats.documents = static_cast<int>(listing.documents.size());
  for (const index::ListedDocument& doc : listing.documents) {
    stats.pages += doc.pages;
    ++stats.facets["organisation"][doc.organisation];
    ++stats.facets["year"][doc.year ? std::to_string(*doc.year) : ""];
    ++stats.facets["format"][doc.format];
    ++stats.facets["language"][doc.language];
    for (const auto& [id, mentions] : doc.tags) {
      TagStats& tag = stats.tags[id.substr(0, id.find(':'))][id];
      ++tag.documents;
      tag.mentions += mentions;
    }
  }
  stats.failures = listing.failures;
  return stats;
}

const std::vector<std::string> kFacetOrder = {"organisation", "year", "format", "language"};

nlohmann::ordered_json stats_json(const Stats& stats) {
  nlohmann::ordered_json out = {{"documents", stats.documents}, {"pages", stats.pages}};
  for (const std::string& facet : kFacetOrder) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    const auto found = stats.facets.find(facet);
    if (found != stats.facets.end()) {
      for (const auto& [value, documents] : sorted(found->second)) {
        values.push_back({{"value", value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value)},
                          {"count", documents}});
      }
    }
    out[facet] = values;
  }
  nlohmann::ordered_json tags = nlohmann::ordered_json::object();
  for (const auto& [category, ids] : stats.tags) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::map<std::string, int> by_documents;
    for (const auto& [id, tag] : ids) by_documents[id] = tag.documents;
    for (const auto& [id, documents] : sorted(by_documents)) {
      list.push_back({{"id", id}, {"documents", documents}, {"mentions", ids.at(id).mentions}});
    }
    tags[category] = list;
  }
  out["tags"] = tags;
  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const index::RememberedFailure& failure : stats.failures) {
    failures.push_back({{"path", failure.path}, {"kind", failure.kind}, {"reason", failure.reason}});
  }
  out["failures"] = failures;
  return out;
}

void print_stats(const Stats& stats, std::ostream& out) {
  out << stats.documents << (stats.documents == 1 ? " document, " : " documents, ") << stats.pages
      << (stats.pages == 1 ? " page\n" : " pages\n");
  const std::map<std::string, std::string> titles = {
      {"organisation", "Organisation"}, {"year", "Year"}, {"format", "Format"}, {"language", "Language"}};
  for (const std::string& facet : kFacetOrder) {
    const auto found = stats.facets.find(facet);
    if (found == stats.facets.end()) continue;
    out << "\n" << titles.at(facet) << ":\n";
    for (const auto& [value, documents] : sorted(found->second)) {
      out << std::setw(8) << documents << "  " << (value.empty() ? "(unknown)" : value) << "\n";
    }
  }
  for (const auto& [category, ids] : stats.tags) {
    int mentions = 0;
    for (const auto& [id, tag] : ids) mentions += tag.mentions;
    out << "\nTags, " << category << ": " << ids.size() << (ids.size() == 1 ? " tag, " : " tags, ") << mentions
        << (mentions == 1 ? " mention" : " mentions") << " (documents, mentions, tag)\n";
    std::map<std::string, int> by_documents;
    for (const auto& [id, tag] : ids) by_documents[id] = tag.documents;
    for (const auto& [id, documents] : sorted(by_documents)) {
      out << std::setw(8) << documents << std::setw(8) << ids.at(id).mentions << "  " << id << "\n";
    }
  }
  out << "\nFailures remembered by reindex: " << stats.failures.size() << "\n";
  for (const index::RememberedFailure& failure : stats.failures) out << "  " << failure.reason << "\n";
}

}  // namespace

int stats_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "stats", parsed.error());
  if (parsed->has("help")) {
    context.out << stats_help();
    return kExitOk;
  }
  if (!parsed->operands.empty()) return usage_error(context, "stats", "takes no operands");
  const std::filesystem::path dir = index_location(*parsed, context);
  auto listing = index::read_listing(dir);
  if (!listing) {
    context.err << "cydex stats: " << listing.error().detail;
    if (listing.error().kind == index::IndexErrorKind::NotFound) context.err << " (create one with: cydex ingest PATH...)";
    context.err << "\n";
    return kExitFatal;
  }
  const Stats stats = count(*listing);
  if (parsed->has("json")) {
    context.out << stats_json(stats).dump(2) << "\n";
  } else {
    print_stats(stats, context.out);
  }
  return kExitOk;
}

}  // namespace cydex::cli
