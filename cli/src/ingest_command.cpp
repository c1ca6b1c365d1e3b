// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <iomanip>
#include <optional>
#include <ostream>

#include "arguments.h"
#include "commands.h"
#include "cydex/index/tag_synonyms.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/tagger.h"
#include "help_text.h"
#include "index_location.h"
#include "json_output.h"
#include "progress_bar.h"
#include "taxonomy_location.h"
#include "worker_options.h"

namespace cydex::cli {
int ingest_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "json"},
      {.name = "quiet", .short_name = 'q'},
      {.name = "jobs", .takes_value = true, .short_name = 'j'},
      {.name = "timeout", .takes_value = true},
      {.name = "memory-limit", .takes_value = true},
      {.name = "batch-size", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "ingest", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << ingest_help();
    return kExitOk;
  }
  if (arguments.operands.empty()) return usage_error(context, "ingest", "name at least one file or folder");
  ingest::BatchOptions options;
  if (auto problem = read_worker_options(arguments, options)) return usage_error(context, "ingest", *problem);
  index::WriterOptions writer_options;
  if (auto problem = read_writer_options(arguments, writer_options)) return usage_error(context, "ingest", *problem);

  // Load the taxonomy before touching the index: a librarian's typo in it
  // stops the run with its file and line instead of indexing without tags.
  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(arguments, context, "ingest");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);
  const corpus::OrganisationNames organisations(*taxonomy);

  const std::filesystem::path dir = index_location(arguments, context);
  auto writer = index::Writer::open(dir, writer_options);
  if (!writer) {
    context.err << "cydex ingest: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }

  const bool quiet = arguments.has("quiet");
  const bool json = arguments.has("json");
  std::optional<ProgressBar> bar;
  if (context.err_is_terminal && !quiet) bar.emplace(context.err);

  options.tagger = &tagger;
  options.organisations = &organisations;
  options.on_progress = [&](const ingest::DocumentOutcome& outcome, std::size_t done, std::size_t total) {
    if (bar) bar->update(done, total, outcome.path.filename().string());
  };
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  std::vector<std::filesystem::path> paths(arguments.operands.begin(), arguments.operands.end());
  const ingest::BatchReport report = ingest::ingest_paths(paths, *writer, registry, options);
  if (bar) bar->finish();
  // The taxonomy's aliases become query synonyms ("GGE" finds un-gge).
  if (!report.fatal) {
    if (index::Status synonyms = writer->set_synonyms(index::tag_synonyms(*taxonomy)); !synonyms) {
      context.err << "cydex ingest: " << synonyms.error().detail << "\n";
    }
  }

  for (const corpus::IngestError& error : report.failed) context.err << error.message() << "\n";
  if (!quiet) {
    for (const std::string& warning : report.warnings) context.err << "warning: " << warning << "\n";
  }
  if (json) {
    nlohmann::json out = to_json(report);
    out["index"] = dir.string();
    context.out << out.dump(2) << "\n";
  } else if (!quiet) {
    context.out << "Indexed " << report.indexed << " document" << (report.indexed == 1 ? "" : "s");
    if (report.degraded > 0) context.out << " (" << report.degraded << " with warnings)";
    context.out << ", " << report.failed.size() << " failed, in " << std::fixed << std::setprecision(1)
                << report.seconds << " s. Index: " << dir.string() << " (" << writer->document_count()
                << " documents)\n";
  }
  if (report.fatal) {
    context.err << "cydex ingest: stopped: " << report.fatal->detail << "\n";
    return report.fatal->kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  return report.failed.empty() ? kExitOk : kExitPartial;
}

}  // namespace cydex::cli
