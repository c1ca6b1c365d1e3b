// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/discovery.h"

#include <algorithm>
#include <set>
#include <system_error>

#include "cydex/corpus/catalogue.h"

namespace cydex::corpus {
namespace fs = std::filesystem;
namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

void add_catalogue_of(const fs::path& folder, Discovered& out) {
  std::error_code ec;
  for (const char* name : {kCatalogueFileName, kDomainsFileName}) {
    const fs::path candidate = folder / name;
    if (fs::is_regular_file(candidate, ec)) out.catalogues.push_back(candidate);
  }
}

/// The catalogues of `folder` and of every folder above it: a catalogue
/// describes the files of its folder and of the folders below.
/// `seen` holds the folders already looked at (with all folders above them),
/// so that many files of one folder cost one look.
void add_catalogues_above(fs::path folder, std::set<fs::path>& seen, Discovered& out) {
  while (seen.insert(folder).second) {
    add_catalogue_of(folder, out);
    if (!folder.has_relative_path()) break;
    folder = folder.parent_path();
  }
}

void walk_folder(const fs::path& root, Discovered& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.problems.push_back(root.string() + ": cannot read folder: " + ec.message());
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      out.problems.push_back(it->path().string() + ": " + ec.message());
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec) && entry.is_directory(ec)) {
      it.disable_recursion_pending();
      continue;
    }
    // A link to nothing (its file deleted, or links pointing at each other)
    // is skipped, but said, so a vanished file does not go unnoticed.
    if (entry.is_symlink(ec) && !entry.exists(ec)) {
      out.problems.push_back(entry.path().string() + ": symbolic link leads to no file (dangling or a loop); skipped");
      ec.clear();
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    if (is_catalogue_file(entry.path())) {
      out.catalogues.push_back(entry.path());
    } else {
      out.files.push_back(entry.path());
    }
  }
}

template <typename T>
void sort_unique(std::vector<T>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

}  // namespace

Discovered discover(const std::vector<fs::path>& paths) {
  Discovered out;
  std::set<fs::path> seen;
  for (const fs::path& given : paths) {
    std::error_code ec;
    const fs::path path = fs::absolute(given, ec).lexically_normal();
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back(given.string() + ": no such file or folder");
    } else if (fs::is_directory(status)) {
      if (path.has_relative_path()) add_catalogues_above(path.parent_path(), seen, out);
      walk_folder(path, out);
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(path);
      add_catalogues_above(path.parent_path(), seen, out);
    } else {
      out.problems.push_back(given.string() + ": not a regular file or folder");
    }
  }
  for (fs::path& file : out.files) file = file.lexically_normal();
  sort_unique(out.files);
  sort_unique(out.catalogues);
  return out;
}

}  // namespace cydex::corpus
