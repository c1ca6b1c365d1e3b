// SPDX-License-Identifier: Apache-2.0
// cydex add: register files in the librarian's catalogue and index them.
#include <map>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "catalogue_edit.h"
#include "commands.h"
#include "cydex/corpus/catalogue_file.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/index/schema.h"
#include "cydex/index/tag_synonyms.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/reindex.h"
#include "cydex/ingest/tagger.h"
#include "cydex/search/searcher.h"
#include "help_text.h"
#include "index_location.h"
#include "taxonomy_location.h"
#include "worker_options.h"

namespace cydex::cli {
namespace {
namespace fs = std::filesystem;

/// The options that become catalogue cells, as --OPTION -> metadata key.
const std::vector<std::pair<std::string, std::string>> kFieldOptions = {
    {"title", "title"}, {"org", "org"},   {"year", "year"},   {"date", "date"},
    {"lang", "lang"},   {"url", "url"},   {"authors", "authors"}, {"notes", "notes"},
};

std::vector<OptionSpec> add_options() {
  std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "json"},
      {.name = "jobs", .takes_value = true, .short_name = 'j'},
      {.name = "timeout", .takes_value = true},
      {.name = "memory-limit", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
  for (const auto& [option, key] : kFieldOptions) specs.push_back({.name = option, .takes_value = true});
  return specs;
}

/// One file's outcome, for the report.
struct Added {
  fs::path path{};
  fs::path catalogue{};
  std::string error{};  ///< Empty when it was indexed.
};

/// Writes the rows: each file's given fields, and its `excluded` mark cleared.
std::optional<std::string> register_files(const std::vector<fs::path>& files, const std::vector<FieldEdit>& edits,
                                          const std::vector<fs::path>& roots, std::map<fs::path, Added>& added) {
  std::map<fs::path, corpus::CatalogueFile> catalogues;
  for (const fs::path& file : files) {
    const fs::path where = catalogue_for(file, roots);
    added[file].path = file;
    added[file].catalogue = where;
    auto found = catalogues.find(where);
    if (found == catalogues.end()) {
      auto opened = corpus::CatalogueFile::open(where);
      if (!opened) return opened.error().message();
      found = catalogues.emplace(where, std::move(*opened)).first;
    }
    found->second.set(file, "excluded", "");
    for (const FieldEdit& edit : edits) found->second.set(file, edit.column, edit.value);
  }
  for (const auto& [where, catalogue] : catalogues) {
    if (auto saved = catalogue.save(); !saved) return saved.error().message();
  }
  return std::nullopt;
}

/// What indexing a file needs from the taxonomy.
struct Indexing {
  const corpus::Taxonomy* taxonomy = nullptr;
  const ingest::Tagger* tagger = nullptr;
  const corpus::OrganisationNames* organisations = nullptr;
};

/// Holds the write lock while it records the files in their catalogues
/// and indexes them. Returns an exit code when the run must stop.
std::optional<int> register_and_index(const std::vector<fs::path>& files, const std::vector<FieldEdit>& edits,
                                      const fs::path& dir, const Indexing& indexing, ingest::BatchOptions options,
                                      std::map<fs::path, Added>& added, const Context& context) {
  auto writer = index::Writer::open(dir, index::WriterOptions{});
  if (!writer) {
    context.err << "cydex add: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  // A file under no remembered root: its folder becomes one, so that
  // `cydex reindex` keeps it (and its catalogue) in step from now on.
  std::vector<fs::path> roots = ingest::remembered_roots(*writer);
  for (const fs::path& file : files) {
    if (root_containing(file, roots)) continue;
    auto remembered = ingest::remember_roots(*writer, {file.parent_path()});
    if (!remembered) {
      context.err << "cydex add: " << remembered.error().detail << "\n";
      return kExitFatal;
    }
    roots = *remembered;
    context.err << "cydex add: " << file.parent_path().string()
                << " is now a root: 'cydex reindex' keeps every file in it in step\n";
  }
  if (auto problem = register_files(files, edits, roots, added)) {
    context.err << "cydex add: " << *problem << "\n";
    return kExitFatal;
  }
  options.tagger = indexing.tagger;
  options.organisations = indexing.organisations;
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  const ingest::BatchReport batch = ingest::ingest_paths(files, *writer, registry, options);
  for (const corpus::IngestError& error : batch.failed) {
    auto found = added.find(error.path);
    if (found != added.end()) found->second.error = error.message();
  }
  for (const std::string& warning : batch.warnings) context.err << "warning: " << warning << "\n";
  if (batch.fatal) {
    context.err << "cydex add: stopped: " << batch.fatal->detail << "\n";
    return batch.fatal->kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  // An indexed file leaves the failures `cydex reindex` remembers.
  for (const auto& [path, file] : added) {
    const std::string key = index::schema::kFailedKeyPrefix + path.string();
    if (!file.error.empty() || writer->metadata(key).empty()) continue;
    if (index::Status cleared = writer->set_metadata(key, ""); !cleared) {
      context.err << "cydex add: " << cleared.error().detail << "\n";
      return kExitFatal;
    }
  }
  if (index::Status synonyms = writer->set_synonyms(index::tag_synonyms(*indexing.taxonomy)); !synonyms) {
    context.err << "cydex add: " << synonyms.error().detail << "\n";
  }
  if (index::Status committed = writer->commit(); !committed) {
    context.err << "cydex add: " << committed.error().detail << "\n";
    return kExitFatal;
  }
  return std::nullopt;
}

int report(const std::vector<Added>& files, const fs::path& dir, bool json, const Context& context) {
  auto searcher = search::Searcher::open(dir);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  bool failed = false;
  for (const Added& file : files) {
    std::optional<search::DocumentView> doc;
    std::string error = file.error;
    if (error.empty() && searcher) {
      auto found = searcher->document(file.path.string());
      if (found) {
        doc = std::move(*found);
      } else {
        error = file.path.string() + ": not in the index after adding it";
      }
    }
    failed = failed || !error.empty();
    if (!error.empty()) context.err << error << "\n";
    if (json) {
      nlohmann::ordered_json entry = doc ? summary_json(*doc) : nlohmann::ordered_json{{"path", file.path.string()}};
      entry["path"] = file.path.string();
      entry["catalogue"] = file.catalogue.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(file.catalogue.string());
      entry["error"] = error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(error);
      out.push_back(std::move(entry));
    } else if (doc) {
      context.out << "Added " << file.path.string() << "\n";
      print_summary(*doc, context.out);
      context.out << "  catalogue:    " << file.catalogue.string() << "\n";
    }
  }
  if (json) context.out << out.dump(2) << "\n";
  return failed ? kExitPartial : kExitOk;
}

}  // namespace

int add_command(const std::vector<std::string>& args, const Context& context) {
  auto parsed = parse_arguments(args, add_options());
  if (!parsed) return usage_error(context, "add", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << add_help();
    return kExitOk;
  }
  if (arguments.operands.empty()) return usage_error(context, "add", "name at least one file");
  std::vector<FieldEdit> edits;
  for (const auto& [option, key] : kFieldOptions) {
    if (const auto value = arguments.value(option)) {
      auto edit = check_field(key, *value);
      if (!edit) return usage_error(context, "add", "--" + option + ": " + edit.error());
      edits.push_back(std::move(*edit));
    }
  }
  ingest::BatchOptions options;
  if (auto problem = read_worker_options(arguments, options)) return usage_error(context, "add", *problem);

  // Files first: a typo in a name is reported and the others go on.
  std::vector<Added> results;
  std::vector<fs::path> files;
  for (const std::string& operand : arguments.operands) {
    const fs::path path = absolute_path(operand);
    std::error_code ec;
    std::string problem;
    if (!fs::exists(path, ec)) {
      problem = "no such file";
    } else if (fs::is_directory(path, ec)) {
      problem = "is a folder (add names files; 'cydex reindex FOLDER' keeps a folder in step)";
    } else if (!fs::is_regular_file(path, ec)) {
      problem = "not a regular file";
    } else if (corpus::is_catalogue_file(path)) {
      problem = "is a catalogue file, not a document";
    }
    if (!problem.empty()) {
      results.push_back(Added{.path = path, .catalogue = {}, .error = path.string() + ": " + problem});
    } else if (std::find(files.begin(), files.end(), path) == files.end()) {
      files.push_back(path);
    }
  }
  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(arguments, context, "add");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);
  const corpus::OrganisationNames organisations(*taxonomy);

  const fs::path dir = index_location(arguments, context);
  if (files.empty()) return report(results, dir, arguments.has("json"), context);
  const Indexing indexing{.taxonomy = &*taxonomy, .tagger = &tagger, .organisations = &organisations};
  std::map<fs::path, Added> added;
  if (const std::optional<int> stop = register_and_index(files, edits, dir, indexing, options, added, context)) {
    return *stop;
  }
  for (const auto& [path, file] : added) results.push_back(file);
  return report(results, dir, arguments.has("json"), context);
}

}  // namespace cydex::cli
