// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
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
#include "worker_options.h"

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
      {.name = "jobs", .takes_value = true, .short_name = 'j'},
      {.name = "timeout", .takes_value = true},
      {.name = "memory-limit", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "extract", parsed.error());
  if (parsed->has("help")) {
    context.out << extract_help();
    return kExitOk;
  }
  if (parsed->operands.empty()) return usage_error(context, "extract", "name at least one file");
  // Each file goes through a worker process, as in 'cydex ingest', so a
  // file that makes a library spin or crash is cut off and reported.
  ingest::BatchOptions options;
  if (auto problem = read_worker_options(*parsed, options)) return usage_error(context, "extract", *problem);

  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(*parsed, context, "extract");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  const ingest::Pipeline pipeline{.registry = &registry, .tagger = &tagger};
  std::vector<std::filesystem::path> files(parsed->operands.begin(), parsed->operands.end());

  // One file: one JSON document (the contract). Several: JSON Lines, one
  // object per file in the order named, or the text of each under a header.
  const bool json = parsed->has("json");
  const bool several = files.size() > 1;
  int status = kExitOk;
  ingest::extract_paths(pipeline, files, options.jobs, options.limits,
                        [&](const std::filesystem::path& path, ingest::ExtractResult result) {
                          if (several && !json) context.out << "==> " << path.string() << " <==\n";
                          if (!result) {
                            context.err << result.error().message() << "\n";
                            if (json) context.out << failed_extraction_json(result.error()).dump(several ? -1 : 2) << "\n";
                            status = kExitPartial;
                          } else if (json) {
                            context.out << to_json(*result).dump(several ? -1 : 2) << "\n";
                          } else {
                            print_text(*result, context.out);
                          }
                          if (several && !json) context.out << "\n";
                        });
  return status;
}

}  // namespace cydex::cli
