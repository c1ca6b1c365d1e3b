// SPDX-License-Identifier: Apache-2.0
// cydex meta: read or correct the librarian's record of one indexed document.
#include <map>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "catalogue_edit.h"
#include "commands.h"
#include "cydex/corpus/catalogue_file.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/index/document_listing.h"
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

std::vector<OptionSpec> meta_options() {
  return {
      {.name = "index", .takes_value = true},
      {.name = "taxonomy", .takes_value = true},
      {.name = "set", .takes_value = true, .repeatable = true},
      {.name = "unset", .takes_value = true, .repeatable = true},
      {.name = "json"},
      {.name = "timeout", .takes_value = true},
      {.name = "memory-limit", .takes_value = true},
      {.name = "help", .short_name = 'h'},
  };
}

/// The cells to write, from --set KEY=VALUE (and KEY=VALUE operands after
/// DOC) and --unset KEY; the error is one line for the user.
corpus::Result<std::vector<FieldEdit>, std::string> read_edits(const Arguments& arguments) {
  std::vector<std::string> assignments = arguments.values("set");
  if (arguments.operands.size() > 1) {
    if (!arguments.has("set")) return corpus::Unexpected(std::string("name exactly one document (id, id prefix or path)"));
    assignments.insert(assignments.end(), arguments.operands.begin() + 1, arguments.operands.end());
  }
  std::vector<FieldEdit> edits;
  std::map<std::string, std::string> seen;  // column -> how it was given
  for (const std::string& assignment : assignments) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string::npos) return corpus::Unexpected("--set takes KEY=VALUE, not '" + assignment + "'");
    auto edit = check_field(assignment.substr(0, eq), assignment.substr(eq + 1));
    if (!edit) return corpus::Unexpected("--set " + edit.error());
    if (!seen.emplace(edit->column, "--set").second) return corpus::Unexpected(edit->column + " is given twice");
    edits.push_back(std::move(*edit));
  }
  for (const std::string& key : arguments.values("unset")) {
    const std::optional<std::string> column = column_for_key(key);
    if (!column) return corpus::Unexpected("--unset: unknown key '" + key + "' (keys: org, year, date, title, lang, url, authors, notes)");
    if (!seen.emplace(*column, "--unset").second) return corpus::Unexpected(*column + " is both set and unset");
    edits.push_back(FieldEdit{.column = *column, .value = ""});
  }
  return edits;
}

/// The document DOC names; prints the error and gives the exit code otherwise.
corpus::Result<search::DocumentView, int> find_document(const fs::path& dir, const std::string& operand,
                                                        const Context& context) {
  auto searcher = search::Searcher::open(dir);
  if (!searcher) {
    context.err << "cydex meta: " << searcher.error().detail << "\n";
    return corpus::Unexpected(static_cast<int>(kExitFatal));
  }
  auto doc = searcher->document(document_key(operand));
  if (!doc) {
    context.err << "cydex meta: " << doc.error().detail;
    std::error_code ec;
    if (fs::is_regular_file(operand, ec)) context.err << " ('cydex add " << operand << "' adds it)";
    context.err << "\n";
    return corpus::Unexpected(static_cast<int>(doc.error().kind == search::SearchErrorKind::NotFound ? kExitPartial : kExitFatal));
  }
  return std::move(*doc);
}

int print_record(const search::DocumentView& doc, const fs::path& catalogue, bool json, const Context& context) {
  std::optional<std::map<std::string, std::string>> row;
  if (auto opened = corpus::CatalogueFile::open(catalogue)) row = opened->row(doc.path);
  if (json) {
    nlohmann::ordered_json record = nullptr;
    if (row) {
      record = nlohmann::ordered_json::object();
      for (const auto& [column, value] : *row) record[column] = value;
    }
    context.out << nlohmann::ordered_json{{"id", doc.id}, {"path", doc.path}, {"catalogue", catalogue.string()},
                                          {"record", record}, {"indexed", summary_json(doc)}}
                       .dump(2)
                << "\n";
    return kExitOk;
  }
  context.out << doc.path << "\n";
  if (row) {
    context.out << "Librarian's record (" << catalogue.string() << "):\n";
    for (const auto& [column, value] : *row) {
      if (column != "path") context.out << "  " << column << ": " << value << "\n";
    }
  } else {
    context.out << "No librarian's record; 'cydex meta " << doc.id.substr(0, 12)
                << " --set KEY=VALUE' makes one in " << catalogue.string() << "\n";
  }
  context.out << "Indexed:\n";
  print_summary(doc, context.out);
  return kExitOk;
}

/// Writes the edits into the catalogue and re-extracts the one file, under
/// the write lock. Returns the exit code when it did not succeed.
std::optional<int> correct(const search::DocumentView& doc, const std::vector<FieldEdit>& edits,
                           const fs::path& dir, const Arguments& arguments, const Context& context,
                           fs::path& catalogue) {
  ingest::BatchOptions options;
  if (auto problem = read_worker_options(arguments, options)) return usage_error(context, "meta", *problem);
  const fs::path file(doc.path);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    context.err << "cydex meta: " << doc.path << ": the file is gone, so it cannot be indexed again; nothing was "
                << "changed ('cydex reindex' drops it from the index)\n";
    return kExitPartial;
  }
  const std::optional<corpus::Taxonomy> taxonomy = load_taxonomy(arguments, context, "meta");
  if (!taxonomy) return kExitFatal;
  const ingest::Tagger tagger(*taxonomy);
  const corpus::OrganisationNames organisations(*taxonomy);

  auto writer = index::Writer::open(dir, index::WriterOptions{});
  if (!writer) {
    context.err << "cydex meta: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  catalogue = catalogue_for(file, ingest::remembered_roots(*writer));
  auto opened = corpus::CatalogueFile::open(catalogue);
  if (!opened) {
    context.err << "cydex meta: " << opened.error().message() << "\n";
    return kExitFatal;
  }
  for (const FieldEdit& edit : edits) opened->set(file, edit.column, edit.value);
  if (auto saved = opened->save(); !saved) {
    context.err << "cydex meta: " << saved.error().message() << "\n";
    return kExitFatal;
  }
  options.jobs = 1;
  options.tagger = &tagger;
  options.organisations = &organisations;
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  const ingest::BatchReport batch = ingest::ingest_paths({file}, *writer, registry, options);
  for (const std::string& warning : batch.warnings) context.err << "warning: " << warning << "\n";
  if (batch.fatal) {
    context.err << "cydex meta: stopped: " << batch.fatal->detail << "\n";
    return batch.fatal->kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  if (!batch.failed.empty()) {
    for (const corpus::IngestError& error : batch.failed) context.err << error.message() << "\n";
    context.err << "cydex meta: the record in " << catalogue.string()
                << " is saved; the index keeps the document as it was until the file can be read\n";
    return kExitPartial;
  }
  if (batch.indexed == 0) {
    context.err << "cydex meta: " << doc.path << " is marked excluded in its catalogue; the record in "
                << catalogue.string() << " is saved ('cydex add " << doc.path << "' includes the file again)\n";
    return kExitPartial;
  }
  return std::nullopt;
}

}  // namespace

int meta_command(const std::vector<std::string>& args, const Context& context) {
  auto parsed = parse_arguments(args, meta_options());
  if (!parsed) return usage_error(context, "meta", parsed.error());
  const Arguments& arguments = *parsed;
  if (arguments.has("help")) {
    context.out << meta_help();
    return kExitOk;
  }
  if (arguments.operands.empty()) return usage_error(context, "meta", "name a document (id, id prefix or path)");
  auto edits = read_edits(arguments);
  if (!edits) return usage_error(context, "meta", edits.error());

  const fs::path dir = index_location(arguments, context);
  auto doc = find_document(dir, arguments.operands.front(), context);
  if (!doc) return doc.error();
  fs::path catalogue;
  if (edits->empty()) {
    // Reading needs no lock.
    std::vector<fs::path> roots;
    if (auto read = index::read_roots(dir)) roots.assign(read->begin(), read->end());
    return print_record(*doc, catalogue_for(fs::path(doc->path), roots), arguments.has("json"), context);
  }
  if (const std::optional<int> stop = correct(*doc, *edits, dir, arguments, context, catalogue)) return *stop;
  auto updated = find_document(dir, doc->path, context);
  if (!updated) return updated.error();
  if (arguments.has("json")) return print_record(*updated, catalogue, true, context);
  context.out << "Updated " << updated->path << "\n";
  print_summary(*updated, context.out);
  context.out << "  catalogue:    " << catalogue.string() << "\n";
  return kExitOk;
}

}  // namespace cydex::cli
