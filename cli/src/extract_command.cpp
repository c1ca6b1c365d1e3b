// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <ostream>

#include "arguments.h"
#include "commands.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/pipeline.h"
#include "cydex/ingest/registry.h"
#include "cydex/ingest/tagger.h"
#include "help_text.h"
#include "json_output.h"
#include "taxonomy_location.h"

namespace cydex::cli {
namespace {

void print_text(const corpus::ExtractedDocument& doc, std::ostream& out) {
  const corpus::DocumentMetadata& meta = doc.metadata;
  out << "path:         " << doc.source.path.string() << "\n"
      << "format:       " << corpus::to_string(doc.source.media_type) << "\n"
      << "status:       " << corpus::to_string(doc.status) << "\n"
      << "title:        " << meta.title << "\n"
      << "organisation: " << meta.organisation << "\n"
      << "year:         " << (meta.year ? std::to_string(*meta.year) : "") << "\n"
      << "date:         " << meta.date << "\n"
      << "language:     " << meta.language << "\n"
      << "pages:        " << doc.pages.size() << "\n";
  for (const std::string& warning : doc.warnings) out << "warning:      " << warning << "\n";
  for (const corpus::Page& page : doc.pages) {
    out << "\n--- page " << page.number << " ---\n" << page.text << "\n";
  }
}

}  // namespace

int extract_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},  // accepted for symmetry; extract never touches it
      {.name = "taxonomy", .takes_value = true},
      {.name = "json"},
      {.name = "timeout", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "extract", parsed.error());
  if (parsed->has("help")) {
    context.out << extract_help();
    return kExitOk;
  }
  if (parsed->operands.size() != 1) return usage_error(context, "extract", "name exactly one file");
  // The file goes through one worker process, as in 'cydex ingest', so a
  // file that makes a library spin or crash is cut off and reported.
  ingest::WorkerLimits limits;
  if (const auto timeout = parsed->value("timeout")) {
    auto seconds = parse_int("timeout", *timeout, 0, 604800);
    if (!seconds) return usage_error(context, "extract", seconds.error());
    limits.timeout = std::chrono::seconds(*seconds);
  }

  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(*parsed, context, "extract");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  const ingest::Pipeline pipeline{.registry = &registry, .tagger = &tagger};
  const ingest::ExtractResult result = ingest::extract_isolated(pipeline, parsed->operands.front(), limits);
  if (!result) {
    context.err << result.error().message() << "\n";
    if (parsed->has("json")) context.out << failed_extraction_json(result.error()).dump(2) << "\n";
    return kExitPartial;
  }
  if (parsed->has("json")) {
    context.out << to_json(*result).dump(2) << "\n";
  } else {
    print_text(*result, context.out);
  }
  return kExitOk;
}

}  // namespace cydex::cli
