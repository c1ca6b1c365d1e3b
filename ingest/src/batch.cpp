// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/batch.h"

#include <chrono>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/discovery.h"

namespace cydex::ingest {

BatchReport ingest_paths(const std::vector<std::filesystem::path>& paths, index::Writer& writer,
                         const ExtractorRegistry& registry, const BatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  BatchReport report;
  const corpus::Discovered found = corpus::discover(paths);
  report.warnings = found.problems;

  corpus::Catalogue catalogue;
  for (const std::filesystem::path& file : found.catalogues) {
    auto loaded = catalogue.load(file);
    if (!loaded) report.warnings.push_back(loaded.error().message());
  }

  const Pipeline pipeline{.registry = &registry, .tagger = options.tagger, .read = options.read};
  std::size_t done = 0;
  for (const std::filesystem::path& path : found.files) {
    ExtractResult result = process_file(pipeline, path);
    DocumentOutcome outcome{path, false, false};
    if (result) {
      corpus::ExtractedDocument& doc = result.value();
      if (const auto record = catalogue.find(doc.source.path)) doc.metadata.overlay(*record);
      index::Status written = writer.put(doc);
      if (!written) {
        report.fatal = written.error();
        break;
      }
      outcome.indexed = true;
      outcome.degraded = doc.status == corpus::ExtractionStatus::Degraded;
      ++report.indexed;
      if (outcome.degraded) {
        ++report.degraded;
        for (const std::string& warning : doc.warnings) report.warnings.push_back(path.string() + ": " + warning);
      }
    } else {
      report.failed.push_back(std::move(result).error());
    }
    if (options.on_progress) options.on_progress(outcome, ++done, found.files.size());
  }

  index::Status committed = writer.commit();
  if (!committed && !report.fatal) report.fatal = committed.error();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace cydex::ingest
