// SPDX-License-Identifier: Apache-2.0
/// @brief A fresh temporary folder per test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace cydex::testing {

/// Creates a unique folder under the system's temporary directory and
/// removes it with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating folders) and returns its path.
  std::filesystem::path write(const std::string& relative, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

/// The repository's root folder.
std::filesystem::path source_dir();
/// corpus/sample in the repository.
std::filesystem::path sample_dir();
/// The shared real-world corpus folder (may not exist).
std::filesystem::path shared_corpus_dir();
/// A file's whole content.
std::string read_file(const std::filesystem::path& path);

}  // namespace cydex::testing
