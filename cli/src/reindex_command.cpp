// SPDX-License-Identifier: Apache-2.0
#include <chrono>
#include <fstream>
#include <iomanip>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/reindex.h"
#include "cydex/ingest/tagger.h"
#include "help_text.h"
#include "index_location.h"
#include "progress_bar.h"
#include "taxonomy_location.h"
#include "worker_options.h"

namespace cydex::cli {
namespace {

nlohmann::ordered_json report_json(const ingest::ReindexReport& report, double seconds) {
  nlohmann::json failed = nlohmann::json::array();
  for (const ingest::ReindexFailure& failure : report.failed) {
    failed.push_back({{"path", failure.path}, {"reason", failure.reason}});
  }
  return {{"added", report.added},         {"updated", report.updated}, {"removed", report.removed},
          {"unchanged", report.unchanged}, {"failed", failed},          {"seconds", seconds}};
}

/// Writes the report beside its destination and renames it into place, so a
/// monitoring job never reads half a report.
bool write_report(const std::filesystem::path& file, const nlohmann::ordered_json& report) {
  const std::filesystem::path partial = file.string() + ".partial";
  {
    std::ofstream out(partial);
    out << report.dump(2) << "\n";
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  return !ec;
}

/// The roots to scan: those named (made absolute), else the remembered ones.
std::vector<std::filesystem::path> roots_to_scan(const Arguments& arguments, const index::Writer& writer) {
  if (arguments.operands.empty()) return ingest::remembered_roots(writer);
  std::vector<std::filesystem::path> roots;
  for (const std::string& operand : arguments.operands) {
    std::error_code ec;
    std::filesystem::path root = std::filesystem::absolute(operand, ec).lexically_normal();
    if (!root.has_filename()) root = root.parent_path();
    roots.push_back(root);
  }
  return roots;
}

int finish(const ingest::ReindexReport& report, const Arguments& arguments, const Context& context,
           std::chrono::steady_clock::time_point started) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const bool quiet = arguments.has("quiet");
  for (const ingest::ReindexFailure& failure : report.failed) context.err << failure.reason << "\n";
  if (!quiet) {
    for (const std::string& warning : report.warnings) context.err << "warning: " << warning << "\n";
    context.out << "Added " << report.added << ", updated " << report.updated << ", removed " << report.removed
                << ", unchanged " << report.unchanged << ", failed " << report.failed.size() << ", in "
                << std::fixed << std::setprecision(2) << seconds << " s.\n";
  }
  if (const auto file = arguments.value("report")) {
    if (!write_report(*file, report_json(report, seconds))) {
      context.err << "cydex reindex: cannot write the report " << *file << "\n";
      return kExitFatal;
    }
  }
  if (report.fatal) {
    context.err << "cydex reindex: stopped: " << report.fatal->detail << "\n";
    return report.fatal->kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  return report.failed.empty() ? kExitOk : kExitPartial;
}

std::vector<OptionSpec> reindex_options() {
  return {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "report", .takes_value = true},
      {.name = "retry-failed"},
      {.name = "quiet", .short_name = 'q'},
      {.name = "jobs", .takes_value = true, .short_name = 'j'},
      {.name = "timeout", .takes_value = true},
      {.name = "memory-limit", .takes_value = true},
      {.name = "batch-size", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
}

}  // namespace

int reindex_command(const std::vector<std::string>& args, const Context& context) {
  const auto started = std::chrono::steady_clock::now();
  auto parsed = parse_arguments(args, reindex_options());
  if (!parsed) return usage_error(context, "reindex", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << reindex_help();
    return kExitOk;
  }
  ingest::BatchOptions options;
  if (auto problem = read_worker_options(arguments, options)) return usage_error(context, "reindex", *problem);
  index::WriterOptions writer_options;
  if (auto problem = read_writer_options(arguments, writer_options)) return usage_error(context, "reindex", *problem);

  const std::filesystem::path dir = index_location(arguments, context);
  auto writer = index::Writer::open(dir, writer_options);
  if (!writer) {
    context.err << "cydex reindex: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  const std::vector<std::filesystem::path> roots = roots_to_scan(arguments, *writer);
  if (roots.empty()) {
    context.err << "cydex reindex: no roots remembered in " << dir.string()
                << "; name the folders to keep in step once: cydex reindex FOLDER...\n";
    return kExitFatal;
  }
  auto plan = ingest::plan_reindex(roots, *writer, ingest::ReindexOptions{.retry_failed = arguments.has("retry-failed")});
  if (!plan) {
    context.err << "cydex reindex: " << plan.error() << "; nothing was changed\n";
    return kExitFatal;
  }
  if (auto remembered = ingest::remember_roots(*writer, roots); !remembered) {
    context.err << "cydex reindex: " << remembered.error().detail << "\n";
    return kExitFatal;
  }

  // The taxonomy is loaded only when something needs extracting, so a
  // night without changes costs a scan of the folders and nothing more.
  std::optional<corpus::Taxonomy> taxonomy;
  std::optional<ingest::Tagger> tagger;
  std::optional<corpus::OrganisationNames> organisations;
  if (!plan->to_extract.empty()) {
    taxonomy = load_taxonomy(arguments, context, "reindex");
    if (!taxonomy) return kExitFatal;
    tagger.emplace(*taxonomy);
    options.tagger = &*tagger;
    organisations.emplace(*taxonomy);
    options.organisations = &*organisations;
  }
  std::optional<ProgressBar> bar;
  if (context.err_is_terminal && !arguments.has("quiet")) bar.emplace(context.err);
  options.on_progress = [&](const ingest::DocumentOutcome& outcome, std::size_t done, std::size_t total) {
    if (bar) bar->update(done, total, outcome.path.filename().string());
  };
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  const ingest::ReindexReport report = ingest::apply_reindex(*plan, *writer, registry, options);
  if (bar) bar->finish();
  return finish(report, arguments, context, started);
}

}  // namespace cydex::cli
