// SPDX-License-Identifier: Apache-2.0
#include <nlohmann/json.hpp>

#include <chrono>
#include <iomanip>
#include <ostream>

#include "arguments.h"
#include "commands.h"
#include "cydex/index/tag_synonyms.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/tagger.h"
#include "cydex/search/searcher.h"
#include "help_text.h"
#include "index_location.h"
#include "taxonomy_location.h"

namespace cydex::cli {

int tags_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "category", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "tags", parsed.error());
  if (parsed->has("help")) {
    context.out << tags_help();
    return kExitOk;
  }
  const std::string category = parsed->value("category").value_or("");
  if (!category.empty() && category != "norm" && category != "actor" && category != "instrument") {
    return usage_error(context, "tags", "--category takes norm, actor or instrument, not '" + category + "'");
  }
  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(*parsed, context, "tags");
  if (!taxonomy) return kExitFatal;

  // Document counts come from the index when there is one.
  std::map<std::string, int> counts;
  auto searcher = search::Searcher::open(index_location(*parsed, context));
  if (searcher) counts = searcher->tag_document_counts();

  nlohmann::json list = nlohmann::json::array();
  for (const corpus::Tag& tag : taxonomy->tags()) {
    if (!category.empty() && tag.category() != category) continue;
    const auto found = counts.find(tag.id);
    const int documents = found == counts.end() ? 0 : found->second;
    if (parsed->has("json")) {
      list.push_back({{"id", tag.id}, {"label", tag.label}, {"aliases", tag.aliases.size()}, {"documents", documents}});
    } else {
      context.out << std::left << std::setw(40) << tag.id << std::right << std::setw(6) << documents << "  "
                  << tag.label << "\n";
    }
  }
  if (parsed->has("json")) context.out << list.dump(2) << "\n";
  if (!searcher) context.err << "cydex tags: no index, so no document counts (" << searcher.error().detail << ")\n";
  return kExitOk;
}

int retag_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "quiet", .short_name = 'q'},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "retag", parsed.error());
  if (parsed->has("help")) {
    context.out << retag_help();
    return kExitOk;
  }
  if (!parsed->operands.empty()) return usage_error(context, "retag", "takes no arguments");
  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(*parsed, context, "retag");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);

  const std::filesystem::path dir = index_location(*parsed, context);
  if (!std::filesystem::is_directory(dir)) {
    context.err << "cydex retag: " << dir.string() << ": no index here\n";
    return kExitFatal;
  }
  auto writer = index::Writer::open(dir, index::WriterOptions{});
  if (!writer) {
    context.err << "cydex retag: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  const auto started = std::chrono::steady_clock::now();
  const auto changed = writer->retag([&](const index::StoredDocument& stored) {
    std::vector<corpus::Page> pages;
    for (const index::StoredPage& page : stored.pages) pages.push_back(corpus::Page{page.number, page.text});
    return tagger.tag(pages);
  });
  if (!changed) {
    context.err << "cydex retag: " << changed.error().detail << "\n";
    return kExitFatal;
  }
  if (index::Status synonyms = writer->set_synonyms(index::tag_synonyms(*taxonomy)); !synonyms) {
    context.err << "cydex retag: " << synonyms.error().detail << "\n";
    return kExitFatal;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!parsed->has("quiet")) {
    context.out << "Re-tagged " << writer->document_count() << " documents in " << std::fixed << std::setprecision(2)
                << seconds << " s; tags changed in " << *changed << ".\n";
  }
  return kExitOk;
}

}  // namespace cydex::cli
