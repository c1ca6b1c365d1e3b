// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/batch.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/discovery.h"
#include "cydex/ingest/librarian_records.h"
#include "result_queue.h"
#include "worker_pool.h"

namespace cydex::ingest {
namespace {

/// Extracted documents that may wait for the writer while it commits a
/// batch. A commit of a large index takes seconds; at 150 documents a
/// second of some 50 KB each, this holds several seconds of the workers'
/// output, and bounds the memory they can run ahead with.
constexpr std::size_t kQueuedResultBytes = std::size_t{64} << 20;

PoolOptions pool_options(std::size_t workers, const WorkerLimits& limits) {
  return PoolOptions{.workers = workers,
                     .timeout = limits.timeout,
                     .worker = WorkerSettings{.memory_limit_mb = limits.memory_limit_mb}};
}

/// Worker processes for `files` files: as asked (or one per core), but no
/// more than there are files.
std::size_t worker_count(unsigned jobs, std::size_t files) {
  const std::size_t wanted = jobs > 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(wanted, files));
}

/// Adds one extraction result to the index and the report. Returns Stop on
/// an index failure, which ends the run.
PoolFlow record(ExtractResult result, index::UnpackedDocument unpacked, const std::filesystem::path& path,
                index::Writer& writer, const corpus::Catalogue& catalogue, BatchReport& report,
                DocumentOutcome& outcome) {
  if (!result) {
    report.failed.push_back(std::move(result).error());
    return PoolFlow::Continue;
  }
  corpus::ExtractedDocument& doc = result.value();
  // The single writer sees every document in turn, so two identical files
  // extracted at once by two workers still end up as one document.
  auto placed = writer.place(doc, std::move(unpacked));
  if (!placed) {
    report.fatal = placed.error();
    return PoolFlow::Stop;
  }
  if (*placed == index::Placement::Duplicate) ++report.duplicates;
  if (index::Status remembered = remember_record(writer, doc.source.path, catalogue); !remembered) {
    report.fatal = remembered.error();
    return PoolFlow::Stop;
  }
  outcome.indexed = true;
  outcome.degraded = doc.status == corpus::ExtractionStatus::Degraded;
  ++report.indexed;
  if (outcome.degraded) {
    ++report.degraded;
    for (const std::string& warning : doc.warnings) report.warnings.push_back(path.string() + ": " + warning);
  }
  return PoolFlow::Continue;
}

}  // namespace

BatchReport ingest_paths(const std::vector<std::filesystem::path>& paths, index::Writer& writer,
                         const ExtractorRegistry& registry, const BatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  BatchReport report;
  corpus::Discovered found = corpus::discover(paths);
  report.warnings = found.problems;
  const corpus::Catalogue catalogue = load_catalogues(found.catalogues, report.warnings);
  drop_excluded(found.files, catalogue);

  if (!found.files.empty()) {
    // Workers settle each document's metadata and lay it out for the index;
    // the writer only adds it.
    const Pipeline pipeline{.registry = &registry,
                            .tagger = options.tagger,
                            .read = options.read,
                            .catalogue = &catalogue,
                            .organisations = options.organisations,
                            .prepare_for_index = true};
    std::mutex fork_gate;
    PoolOptions pool_settings = pool_options(worker_count(options.jobs, found.files.size()), options.limits);
    pool_settings.fork_gate = &fork_gate;
    // The pool is made (its workers forked) before the writer thread starts.
    WorkerPool pool(pipeline, pool_settings);
    ResultQueue queue(kQueuedResultBytes);
    // The index is written on a thread of its own, so that the workers go
    // on extracting while it commits a batch; this thread runs the pool.
    std::thread writing([&] {
      std::size_t done = 0;
      while (std::optional<QueuedResult> item = queue.pop()) {
        const std::lock_guard gate(fork_gate);
        DocumentOutcome outcome{item->path, false, false};
        PoolFlow flow = PoolFlow::Stop;
        try {
          flow = record(std::move(item->result), std::move(item->unpacked), item->path, writer, catalogue, report,
                        outcome);
        } catch (const std::exception& error) {
          report.fatal = index::IndexError{index::IndexErrorKind::Internal,
                                         std::string("writing the index: ") + error.what()};
        }
        if (flow == PoolFlow::Stop) {
          queue.abandon();
          break;
        }
        if (options.on_progress) options.on_progress(outcome, ++done, found.files.size());
      }
    });
    pool.run(found.files, [&](const std::filesystem::path& path, ExtractResult result) {
      QueuedResult item{.path = path, .result = std::move(result)};
      if (item.result && !item.result->prepared.empty()) {
        // Decoded here, beside the writer rather than on its thread.
        item.unpacked = index::UnpackedDocument::unpack(item.result->prepared);
        item.result->prepared = std::string();
      }
      item.bytes = result_bytes(item.result) + item.unpacked.bytes();
      return queue.push(std::move(item)) ? PoolFlow::Continue : PoolFlow::Stop;
    });
    queue.close();
    writing.join();
  }

  index::Status committed = writer.commit();
  if (!committed && !report.fatal) report.fatal = committed.error();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void extract_paths(const Pipeline& pipeline, const std::vector<std::filesystem::path>& paths, unsigned jobs,
                   const WorkerLimits& limits, const ExtractHandler& on_result) {
  if (paths.empty()) return;
  // Absolute, as the registry names files, so that a timeout or a crash
  // reads like any other error about the file.
  std::vector<std::filesystem::path> absolute;
  absolute.reserve(paths.size());
  std::map<std::filesystem::path, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::absolute(paths[i], ec).lexically_normal();
    if (ec) path = paths[i];
    positions[path].push_back(i);
    absolute.push_back(std::move(path));
  }
  // Results come back as workers finish; they are handed on in the order
  // the files were named, holding back only those that finished early.
  std::vector<std::optional<ExtractResult>> held(paths.size());
  std::size_t next = 0;
  WorkerPool pool(pipeline, pool_options(worker_count(jobs, paths.size()), limits));
  pool.run(absolute, [&](const std::filesystem::path& path, ExtractResult result) {
    std::vector<std::size_t>& waiting = positions[path];
    const std::size_t at = waiting.front();
    waiting.erase(waiting.begin());
    held[at].emplace(std::move(result));
    while (next < held.size() && held[next]) {
      on_result(paths[next], std::move(*held[next]));
      held[next].reset();
      ++next;
    }
    return PoolFlow::Continue;
  });
}

ExtractResult extract_isolated(const Pipeline& pipeline, const std::filesystem::path& path,
                               const WorkerLimits& limits) {
  std::optional<ExtractResult> out;
  extract_paths(pipeline, {path}, 1, limits,
                [&](const std::filesystem::path&, ExtractResult result) { out.emplace(std::move(result)); });
  return std::move(*out);
}


}  // namespace cydex::ingest
