// SPDX-License-Identifier: Apache-2.0
/// @brief A one-line progress bar for long runs on a terminal.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>

namespace cydex::cli {

/// Redraws one line on stderr ("[#####     ] 12/40 files  0:07 left").
/// Only ever constructed when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err), started_(std::chrono::steady_clock::now()) {}
  void update(std::size_t done, std::size_t total, const std::string& current);
  /// Clears the line so the next output starts clean.
  void finish();

 private:
  std::ostream& err_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace cydex::cli
