// SPDX-License-Identifier: Apache-2.0
// cydex rm: take documents out of the index and out of the collection; files stay on disk.
#include <map>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "arguments.h"
#include "catalogue_edit.h"
#include "commands.h"
#include "cydex/corpus/catalogue_file.h"
#include "cydex/index/schema.h"
#include "cydex/index/writer.h"
#include "cydex/ingest/reindex.h"
#include "cydex/search/searcher.h"
#include "help_text.h"
#include "index_location.h"

namespace cydex::cli {
namespace {
namespace fs = std::filesystem;

/// One DOC operand, resolved before the lock is taken.
struct Removal {
  std::string operand{};
  std::string id{};                 ///< Empty when the file is not indexed.
  bool by_path = false;             ///< DOC named a path: only that copy goes.
  std::vector<std::string> paths{};  ///< The paths to exclude.
  std::string error{};
  std::vector<fs::path> catalogues{};
};

std::vector<Removal> resolve(const std::vector<std::string>& operands, search::Searcher& searcher) {
  std::vector<Removal> out;
  for (const std::string& operand : operands) {
    Removal removal{.operand = operand};
    const std::string key = document_key(operand);
    removal.by_path = key.starts_with('/');
    auto doc = searcher.document(key);
    std::error_code ec;
    if (doc) {
      removal.id = doc->id;
      if (removal.by_path) {
        removal.paths = {key};
      } else {
        removal.paths = doc->paths.empty() ? std::vector<std::string>{doc->path} : doc->paths;
      }
    } else if (removal.by_path && fs::is_regular_file(key, ec)) {
      removal.paths = {key};  // Not indexed (failed, say): excluded all the same.
    } else {
      removal.error = "cydex rm: " + doc.error().detail;
    }
    out.push_back(std::move(removal));
  }
  return out;
}

/// Under the write lock: removes, marks the catalogue rows, forgets failures.
std::optional<int> apply(std::vector<Removal>& removals, const fs::path& dir, const Context& context) {
  auto writer = index::Writer::open(dir, index::WriterOptions{});
  if (!writer) {
    context.err << "cydex rm: " << writer.error().detail << "\n";
    return writer.error().kind == index::IndexErrorKind::Locked ? kExitLocked : kExitFatal;
  }
  const std::vector<fs::path> roots = ingest::remembered_roots(*writer);
  std::map<fs::path, corpus::CatalogueFile> catalogues;
  for (Removal& removal : removals) {
    if (!removal.error.empty()) continue;
    index::Status removed = std::monostate{};
    if (!removal.id.empty()) removed = removal.by_path ? writer->remove_path(removal.paths.front()) : writer->remove(removal.id);
    for (const std::string& path : removal.paths) {
      if (!removed) break;
      removed = writer->set_metadata(index::schema::kFailedKeyPrefix + path, "");
      if (removed) removed = writer->set_metadata(index::schema::kRecordKeyPrefix + path, "");
      const fs::path where = catalogue_for(fs::path(path), roots);
      auto found = catalogues.find(where);
      if (found == catalogues.end()) {
        auto opened = corpus::CatalogueFile::open(where);
        if (!opened) {
          context.err << "cydex rm: " << opened.error().message() << "\n";
          return kExitFatal;
        }
        found = catalogues.emplace(where, std::move(*opened)).first;
      }
      found->second.set(fs::path(path), "excluded", "yes");
      removal.catalogues.push_back(where);
    }
    if (!removed) {
      context.err << "cydex rm: " << removed.error().detail << "\n";
      return kExitFatal;
    }
  }
  // The catalogues first: should the commit fail, reindex still removes the
  // documents the catalogue excludes.
  for (const auto& [where, catalogue] : catalogues) {
    if (auto saved = catalogue.save(); !saved) {
      context.err << "cydex rm: " << saved.error().message() << "\n";
      return kExitFatal;
    }
  }
  if (index::Status committed = writer->commit(); !committed) {
    context.err << "cydex rm: " << committed.error().detail << "\n";
    return kExitFatal;
  }
  return std::nullopt;
}

}  // namespace

int rm_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "rm", parsed.error());
  if (parsed->has("help")) {
    context.out << rm_help();
    return kExitOk;
  }
  if (parsed->operands.empty()) return usage_error(context, "rm", "name at least one document (id, id prefix or path)");
  const fs::path dir = index_location(*parsed, context);
  std::vector<Removal> removals;
  {
    auto searcher = search::Searcher::open(dir);
    if (!searcher) {
      context.err << "cydex rm: " << searcher.error().detail << "\n";
      return kExitFatal;
    }
    removals = resolve(parsed->operands, *searcher);
  }
  if (const std::optional<int> stop = apply(removals, dir, context)) return *stop;

  bool failed = false;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Removal& removal : removals) {
    failed = failed || !removal.error.empty();
    if (!removal.error.empty()) context.err << removal.error << "\n";
    if (parsed->has("json")) {
      nlohmann::ordered_json catalogues = nlohmann::ordered_json::array();
      for (const fs::path& where : removal.catalogues) catalogues.push_back(where.string());
      out.push_back({{"operand", removal.operand},
                     {"id", removal.id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(removal.id)},
                     {"paths", removal.paths},
                     {"catalogues", catalogues},
                     {"error", removal.error.empty() ? nlohmann::ordered_json(nullptr)
                                                     : nlohmann::ordered_json(removal.error)}});
      continue;
    }
    if (!removal.error.empty()) continue;
    for (std::size_t i = 0; i < removal.paths.size(); ++i) {
      context.out << (removal.id.empty() ? "Excluded " : "Removed ") << removal.paths[i]
                  << (removal.id.empty() ? " (it was not indexed)" : "") << "; the file stays on disk, marked "
                  << "excluded in " << removal.catalogues[i].string() << " ('cydex add " << removal.paths[i]
                  << "' takes it back)\n";
    }
  }
  if (parsed->has("json")) context.out << out.dump(2) << "\n";
  return failed ? kExitPartial : kExitOk;
}

}  // namespace cydex::cli
