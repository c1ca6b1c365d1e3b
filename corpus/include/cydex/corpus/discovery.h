// SPDX-License-Identifier: Apache-2.0
/// @brief Discovery: turning the paths a user names into the files to index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cydex::corpus {

/// What walking the user's paths found.
struct Discovered {
  std::vector<std::filesystem::path> files;       ///< Absolute, sorted, unique.
  std::vector<std::filesystem::path> catalogues;  ///< catalogue.tsv and domains.tsv files met on the way.
  std::vector<std::string> problems;              ///< "path: reason", one per unreadable entry.
};

/// Expands files and folders (recursively, not following symlinked folders)
/// into regular files. Hidden entries (".name") and catalogue files are not
/// documents. The catalogues of the folders above a named file or folder
/// are reported too, since a catalogue describes the files below it.
Discovered discover(const std::vector<std::filesystem::path>& paths);

}  // namespace cydex::corpus
