// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/reindex.h"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <unordered_map>

#include "cydex/corpus/discovery.h"
#include "cydex/corpus/sha256.h"
#include "cydex/index/schema.h"
#include "cydex/ingest/librarian_records.h"

namespace cydex::ingest {
namespace fs = std::filesystem;
namespace {

/// Size and mtime as the registry records them, so that an untouched file
/// compares equal with what was indexed.
std::optional<FileStamp> stamp_of(const fs::path& path) {
  std::error_code ec;
  const std::uint64_t size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::file_clock::to_sys(mtime).time_since_epoch());
  return FileStamp{.size = size, .mtime = seconds.count()};
}

bool under(const std::string& path, const fs::path& root) {
  std::string prefix = root.string();
  if (!prefix.ends_with('/')) prefix.push_back('/');
  return path.starts_with(prefix);
}

corpus::SourceDocument source_for(const fs::path& path, const FileStamp& stamp, const std::string& signature) {
  return corpus::SourceDocument{.id = corpus::document_id_for(path), .path = path,
                                .media_type = corpus::MediaType::Unknown, .size = stamp.size,
                                .mtime = stamp.mtime, .signature = signature};
}

/// What the index holds, by path.
struct IndexState {
  std::unordered_map<std::string, index::IndexedSource> by_path;
  std::unordered_map<std::string, index::RememberedFailure> failures;
};

IndexState read_state(const index::Writer& writer, const std::vector<index::IndexedSource>& sources) {
  IndexState state;
  for (const index::IndexedSource& source : sources) state.by_path.emplace(source.path, source);
  const std::string prefix = index::schema::kFailedKeyPrefix;
  for (const auto& [key, value] : writer.metadata_with_prefix(prefix)) {
    const std::string path = key.substr(prefix.size());
    if (auto failure = index::decode_failure(path, value)) state.failures.emplace(path, std::move(*failure));
  }
  return state;
}

/// A root that is absent, or empty while documents under it are indexed,
/// looks like an unmounted share: deleting its documents would be wrong.
std::optional<std::string> check_roots(const std::vector<fs::path>& roots, const IndexState& state,
                                       const corpus::Discovered& found) {
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return "root " + root.string() + " is missing (is the share mounted?)";
    const bool has_files = std::any_of(found.files.begin(), found.files.end(),
                                       [&](const fs::path& file) { return under(file.string(), root); });
    const bool has_documents = std::any_of(state.by_path.begin(), state.by_path.end(),
                                           [&](const auto& entry) { return under(entry.first, root); });
    if (!has_files && has_documents) {
      return "root " + root.string() + " is empty but documents under it are indexed (is the share mounted?)";
    }
  }
  return std::nullopt;
}

/// Indexed content by size, to tell without hashing that a file cannot be a
/// copy, and by signature, to find the document it is a copy of.
struct ContentIndex {
  std::unordered_multimap<std::uint64_t, index::IndexedSource> vanished_by_size;
  std::set<std::uint64_t> sizes;
  std::set<std::string> signatures;
};

/// A file whose path the index does not hold yet: moved here if its content
/// is that of a vanished path of the same size, a copy if it is that of an
/// indexed document, else new.
void plan_new_file(const fs::path& file, const FileStamp& stamp, ContentIndex& content, ReindexPlan& plan) {
  if (content.sizes.contains(stamp.size)) {
    const std::optional<std::string> signature = corpus::sha256_file(file);
    const auto [first, last] = content.vanished_by_size.equal_range(stamp.size);
    for (auto it = first; signature && it != last; ++it) {
      if (it->second.signature != *signature) continue;
      plan.repoint.emplace_back(it->second.path, source_for(file, stamp, *signature));
      content.vanished_by_size.erase(it);
      ++plan.unchanged;
      ++plan.moved;
      return;
    }
    if (signature && content.signatures.contains(*signature)) {
      plan.copies.push_back(source_for(file, stamp, *signature));
      plan.stamps.emplace(file, stamp);
      return;
    }
  }
  plan.to_extract.push_back(file);
  plan.stamps.emplace(file, stamp);
}

/// A file the index holds whose size or mtime changed: touched when the
/// content is the same, a copy when it is now that of another document,
/// else changed.
void plan_known_file(const fs::path& file, const FileStamp& stamp, const index::IndexedSource& indexed,
                     const ContentIndex& content, ReindexPlan& plan) {
  const std::optional<std::string> signature = corpus::sha256_file(file);
  if (signature && !indexed.signature.empty() && *signature == indexed.signature) {
    plan.repoint.emplace_back(indexed.path, source_for(file, stamp, *signature));
    ++plan.unchanged;
    return;
  }
  plan.known.insert(file);
  plan.stamps.emplace(file, stamp);
  if (signature && content.signatures.contains(*signature)) {
    plan.copies.push_back(source_for(file, stamp, *signature));
    return;
  }
  plan.to_extract.push_back(file);
}

}  // namespace

std::vector<fs::path> remembered_roots(const index::Writer& writer) {
  std::vector<fs::path> roots;
  std::istringstream lines(writer.metadata(index::schema::kRootsKey));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) roots.emplace_back(line);
  }
  return roots;
}

corpus::Result<std::vector<fs::path>, index::IndexError> remember_roots(index::Writer& writer,
                                                                        const std::vector<fs::path>& roots) {
  std::vector<fs::path> all = remembered_roots(writer);
  for (const fs::path& root : roots) {
    std::error_code ec;
    fs::path absolute = fs::absolute(root, ec).lexically_normal();
    if (ec) absolute = root;
    // "dir/" normalises to "dir/"; keep one spelling per folder.
    if (!absolute.has_filename()) absolute = absolute.parent_path();
    if (std::find(all.begin(), all.end(), absolute) == all.end()) all.push_back(absolute);
  }
  std::string value;
  for (const fs::path& root : all) value += root.string() + "\n";
  if (index::Status set = writer.set_metadata(index::schema::kRootsKey, value); !set) {
    return corpus::Unexpected(set.error());
  }
  return all;
}

corpus::Result<ReindexPlan, std::string> plan_reindex(const std::vector<fs::path>& roots,
                                                      const index::Writer& writer, const ReindexOptions& options) {
  auto sources = writer.indexed_sources();
  if (!sources) return corpus::Unexpected(sources.error().detail);
  IndexState state = read_state(writer, *sources);
  corpus::Discovered found = corpus::discover(roots);
  if (auto problem = check_roots(roots, state, found)) return corpus::Unexpected(*problem);

  ReindexPlan plan;
  plan.warnings = found.problems;
  // Drops the files `cydex rm` excluded; finds those whose record changed.
  const std::set<fs::path> records = catalogue_changes(found, writer, plan.warnings);
  ContentIndex content;
  for (const index::IndexedSource& source : *sources) {
    content.sizes.insert(source.size);
    if (!source.signature.empty()) content.signatures.insert(source.signature);
  }
  std::vector<std::pair<fs::path, FileStamp>> fresh;
  std::set<std::string> seen;
  for (const fs::path& file : found.files) {
    const std::optional<FileStamp> stamp = stamp_of(file);
    if (!stamp) continue;  // Vanished since discovery: the next run sees it gone.
    const std::string path = file.string();
    seen.insert(path);
    const auto indexed = state.by_path.find(path);
    if (indexed != state.by_path.end() && indexed->second.size == stamp->size &&
        indexed->second.mtime == stamp->mtime) {
      if (!records.contains(file)) {
        ++plan.unchanged;
        continue;
      }
      plan.to_extract.push_back(file);  // Only its catalogue record changed.
      plan.known.insert(file);
      plan.stamps.emplace(file, *stamp);
      continue;
    }
    const auto failure = state.failures.find(path);
    if (failure != state.failures.end() && failure->second.size == stamp->size &&
        failure->second.mtime == stamp->mtime && !options.retry_failed) {
      plan.still_failed.push_back(failure->second);
      continue;
    }
    if (indexed != state.by_path.end()) {
      plan_known_file(file, *stamp, indexed->second, content, plan);
    } else {
      fresh.emplace_back(file, *stamp);
    }
  }
  // Documents under the roots whose file is gone: candidates for a move.
  const auto gone = [&](const std::string& path) {
    return !seen.contains(path) &&
           std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) { return under(path, root); });
  };
  for (const auto& [path, source] : state.by_path) {
    if (gone(path)) content.vanished_by_size.emplace(source.size, source);
  }
  for (const auto& [file, stamp] : fresh) plan_new_file(file, stamp, content, plan);
  for (const auto& [size, source] : content.vanished_by_size) plan.remove.push_back(source.path);
  for (const auto& [path, failure] : state.failures) {
    if (gone(path)) plan.forget_failures.push_back(path);
  }
  std::sort(plan.to_extract.begin(), plan.to_extract.end());
  std::sort(plan.remove.begin(), plan.remove.end());
  return plan;
}

namespace {

/// Re-points, records copies, removes and forgets: everything that needs
/// no extraction. A copy whose document is gone meanwhile joins `extract`.
std::optional<index::IndexError> apply_bookkeeping(const ReindexPlan& plan, index::Writer& writer,
                                                   ReindexReport& report, std::vector<fs::path>& extract) {
  for (const auto& [old_path, source] : plan.repoint) {
    if (index::Status done = writer.repoint_path(old_path, source); !done) return done.error();
  }
  for (const corpus::SourceDocument& source : plan.copies) {
    auto added = writer.add_copy(source);
    if (!added) return added.error();
    if (!*added) {
      extract.push_back(source.path);
      continue;
    }
    ++(plan.known.contains(source.path) ? report.updated : report.added);
    // A file that failed before and now has an indexed document's bytes.
    const std::string failed_key = index::schema::kFailedKeyPrefix + source.path.string();
    if (!writer.metadata(failed_key).empty()) {
      if (index::Status done = writer.set_metadata(failed_key, ""); !done) return done.error();
    }
  }
  for (const std::string& path : plan.remove) {
    if (index::Status done = writer.remove_path(path); !done) return done.error();
    ++report.removed;
  }
  for (const std::string& path : plan.forget_failures) {
    if (index::Status done = writer.set_metadata(index::schema::kFailedKeyPrefix + path, ""); !done) {
      return done.error();
    }
  }
  return std::nullopt;
}

/// Remembers this run's failures and forgets the failures of files that
/// were indexed this time.
std::optional<index::IndexError> record_failures(const ReindexPlan& plan, const BatchReport& batch,
                                                 const std::set<fs::path>& indexed, index::Writer& writer,
                                                 ReindexReport& report) {
  const std::string prefix = index::schema::kFailedKeyPrefix;
  for (const corpus::IngestError& error : batch.failed) {
    const auto stamp = plan.stamps.find(error.path);
    const FileStamp known = stamp != plan.stamps.end() ? stamp->second : stamp_of(error.path).value_or(FileStamp{});
    const index::RememberedFailure failure{.path = error.path.string(), .size = known.size, .mtime = known.mtime,
                                           .kind = std::string(corpus::to_string(error.kind)),
                                           .reason = error.message()};
    if (index::Status done = writer.set_metadata(prefix + failure.path, index::encode_failure(failure)); !done) {
      return done.error();
    }
    report.failed.push_back(ReindexFailure{.path = failure.path, .reason = failure.reason});
  }
  for (const fs::path& path : indexed) {
    if (writer.metadata(prefix + path.string()).empty()) continue;
    if (index::Status done = writer.set_metadata(prefix + path.string(), ""); !done) return done.error();
  }
  return std::nullopt;
}

}  // namespace

ReindexReport apply_reindex(const ReindexPlan& plan, index::Writer& writer, const ExtractorRegistry& registry,
                            const BatchOptions& options) {
  ReindexReport report;
  report.unchanged = plan.unchanged;
  report.warnings = plan.warnings;
  std::vector<fs::path> extract = plan.to_extract;
  if (auto fatal = apply_bookkeeping(plan, writer, report, extract)) {
    report.fatal = fatal;
    return report;
  }
  std::set<fs::path> indexed;
  BatchReport batch;
  if (!extract.empty()) {
    BatchOptions batch_options = options;
    batch_options.on_progress = [&](const DocumentOutcome& outcome, std::size_t done, std::size_t total) {
      if (outcome.indexed) {
        indexed.insert(outcome.path);
        ++(plan.known.contains(outcome.path) ? report.updated : report.added);
      }
      if (options.on_progress) options.on_progress(outcome, done, total);
    };
    batch = ingest_paths(extract, writer, registry, batch_options);
    for (std::string& warning : batch.warnings) report.warnings.push_back(std::move(warning));
    if (batch.fatal) {
      report.fatal = batch.fatal;
      return report;
    }
  }
  if (auto fatal = record_failures(plan, batch, indexed, writer, report)) {
    report.fatal = fatal;
    return report;
  }
  for (const index::RememberedFailure& failure : plan.still_failed) {
    report.failed.push_back(ReindexFailure{.path = failure.path, .reason = failure.reason});
  }
  if (index::Status committed = writer.commit(); !committed) report.fatal = committed.error();
  return report;
}

}  // namespace cydex::ingest
