// SPDX-License-Identifier: Apache-2.0
#include "progress_bar.h"

#include <ostream>

namespace cydex::cli {

void ProgressBar::update(std::size_t done, std::size_t total, const std::string& current) {
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr std::size_t kWidth = 24;
  const std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::string line = "\r[" + std::string(filled, '#') + std::string(kWidth - filled, ' ') + "] " +
                     std::to_string(done) + "/" + std::to_string(total) + " files";
  const double elapsed = std::chrono::duration<double>(now - started_).count();
  if (done > 0 && done < total) {
    const auto left = static_cast<long>(elapsed / static_cast<double>(done) * static_cast<double>(total - done));
    line += "  " + std::to_string(left / 60) + ":" + (left % 60 < 10 ? "0" : "") + std::to_string(left % 60) + " left";
  }
  std::string name = current;
  if (name.size() > 30) name = "…" + name.substr(name.size() - 29);
  line += "  " + name;
  err_ << line << "\x1b[K" << std::flush;
}

void ProgressBar::finish() { err_ << "\r\x1b[K" << std::flush; }

}  // namespace cydex::cli
