// SPDX-License-Identifier: Apache-2.0
#include "json_output.h"

#include <algorithm>
#include <map>

#include "cydex/corpus/keyword_in_context.h"

namespace cydex::cli {
namespace {

using nlohmann::json;

json optional_string(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json metadata_json(const corpus::DocumentMetadata& meta) {
  return json{{"title", optional_string(meta.title)},
              {"organisation", optional_string(meta.organisation)},
              {"year", meta.year ? json(*meta.year) : json(nullptr)},
              {"date", optional_string(meta.date)},
              {"language", optional_string(meta.language)},
              {"authors", meta.authors},
              {"url", optional_string(meta.url)},
              {"description", optional_string(meta.description)},
              {"keywords", meta.keywords}};
}

}  // namespace

json to_json(const search::SearchResult& result) {
  json results = json::array();
  for (const search::Hit& hit : result.hits) {
    json highlights = json::array();
    for (const auto& [start, end] : hit.snippet.highlights) highlights.push_back({start, end});
    results.push_back({{"id", hit.id},
                       {"rank", hit.rank},
                       {"score", hit.score},
                       {"title", hit.title},
                       {"organisation", hit.organisation},
                       {"year", hit.year ? json(*hit.year) : json(nullptr)},
                       {"path", hit.path},
                       {"paths", hit.paths},
                       {"format", hit.format},
                       {"language", optional_string(hit.language)},
                       {"snippet", hit.snippet.text},
                       {"highlights", highlights},
                       {"page", hit.snippet.page ? json(*hit.snippet.page) : json(nullptr)}});
  }
  json facets = json::object();
  for (const auto& [name, values] : result.facets) {
    json list = json::array();
    for (const search::FacetValue& value : values) list.push_back({{"value", value.value}, {"count", value.count}});
    facets[name] = list;
  }
  return json{{"query", result.query},
              {"suggestion", result.suggestion.empty() ? json(nullptr) : json(result.suggestion)},
              {"total", result.total},
              {"total_exact", result.total_exact},
              {"offset", result.offset},
              {"results", results},
              {"facets", facets}};
}

json to_json(const search::SearchError& error, const std::string& query) {
  json out{{"error", error.detail}, {"query", query}};
  if (error.kind == search::SearchErrorKind::BadQuery) {
    out["position"] = error.position ? json(*error.position) : json(nullptr);
    out["token"] = optional_string(error.token);
    out["suggestions"] = error.suggestions;
  }
  return out;
}

json to_json(const ingest::BatchReport& report) {
  json failed = json::array();
  for (const corpus::IngestError& error : report.failed) {
    failed.push_back({{"path", error.path.string()},
                      {"stage", error.stage},
                      {"kind", std::string(corpus::to_string(error.kind))},
                      {"reason", error.detail}});
  }
  json out{{"indexed", report.indexed},
           {"degraded", report.degraded},
           {"failed", failed},
           {"warnings", report.warnings},
           {"seconds", report.seconds}};
  if (report.fatal) out["fatal"] = report.fatal->detail;
  return out;
}

/// Tags with their mentions in context, most mentioned first.
json tags_json(const corpus::ExtractedDocument& document) {
  std::map<std::string, json> mentions;
  std::map<int, const std::string*> page_text;
  for (const corpus::Page& page : document.pages) page_text[page.number] = &page.text;
  for (const corpus::Mention& mention : document.mentions) {
    const auto text = page_text.find(mention.page);
    const std::string context = text == page_text.end()
                                    ? std::string()
                                    : corpus::keyword_in_context(*text->second, mention.start, mention.end);
    mentions[mention.tag].push_back(
        {{"page", mention.page}, {"start", mention.start}, {"end", mention.end}, {"context", context}});
  }
  std::vector<std::pair<std::string, json>> ordered(mentions.begin(), mentions.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  json out = json::array();
  for (auto& [tag, list] : ordered) out.push_back({{"id", tag}, {"count", list.size()}, {"mentions", list}});
  return out;
}

json to_json(const corpus::ExtractedDocument& document) {
  json pages = json::array();
  for (const corpus::Page& page : document.pages) pages.push_back({{"number", page.number}, {"text", page.text}});
  return json{{"path", document.source.path.string()},
              {"format", std::string(corpus::to_string(document.source.media_type))},
              {"status", std::string(corpus::to_string(document.status))},
              {"warnings", document.warnings},
              {"error", nullptr},
              {"metadata", metadata_json(document.metadata)},
              {"pages", pages},
              {"tags", tags_json(document)}};
}

json failed_extraction_json(const corpus::IngestError& error) {
  return json{{"path", error.path.string()},
              {"format", nullptr},
              {"status", "failed"},
              {"warnings", json::array()},
              {"error", error.message()},
              {"metadata", metadata_json({})},
              {"pages", json::array()},
              {"tags", json::array()}};
}

}  // namespace cydex::cli
