// SPDX-License-Identifier: Apache-2.0
/// @brief HostileIngest: runs `cydex ingest` over one hostile file beside a good one and checks the index.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex::testing {

/// What one ingest run left behind.
struct HostileRun {
  ProcessResult process{};
  nlohmann::json report{};
  std::set<std::string> indexed_paths{};  ///< Every document the index holds, by path.
};

/// A corpus folder holding one good text file (with a word no other file
/// has) next to whatever the test adds, ingested with `--timeout 20` unless
/// a test asks for another limit.
class HostileIngest : public ::testing::Test {
 protected:
  HostileIngest();

  [[nodiscard]] std::filesystem::path corpus() const { return dir_.path() / "corpus"; }
  [[nodiscard]] std::filesystem::path index() const { return dir_.path() / "index"; }
  [[nodiscard]] const std::filesystem::path& good_file() const { return good_; }
  std::filesystem::path add(const std::string& name, std::string_view content) const;

  /// Ingests corpus() (or `paths`) with `--timeout timeout_seconds` and
  /// checks what must hold whatever the file: no crash, no sanitizer report,
  /// every failure named on stderr, the good file searchable, and the index
  /// holding exactly what the report counts as indexed.
  HostileRun ingest(std::vector<std::string> paths = {}, const std::map<std::string, std::string>& env = {},
                    int timeout_seconds = 20) const;

  /// The paths of the documents the index finds for `query`.
  [[nodiscard]] std::set<std::string> paths_found(const std::string& query) const;

  TempDir dir_;
  std::filesystem::path good_;
};

/// The single word only the good file contains.
inline constexpr const char* kGoodWord = "quokkadiplomacy";

}  // namespace cydex::testing
