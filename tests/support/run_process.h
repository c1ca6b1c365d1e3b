// SPDX-License-Identifier: Apache-2.0
/// @brief Running the real cydex binary from tests.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cydex::testing {

struct ProcessResult {
  int exit_code = -1;   ///< The exit status, or 128 + signal number.
  std::string out;      ///< Everything written to stdout.
  std::string err;      ///< Everything written to stderr.
};

/// Runs `program args...` with stdin from /dev/null and the given extra
/// environment variables, waits, and captures both output streams.
ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {});

/// Runs the cydex binary built with the tests.
ProcessResult run_cydex(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

/// Starts the cydex binary with `args` in a process group of its own, with
/// all three standard streams on /dev/null, and returns without waiting:
/// for tests that kill it mid-run (kill(-pid, SIGKILL) reaches its workers).
pid_t spawn_cydex(const std::vector<std::string>& args);

/// Starts `program args...` in a process group of its own, with all three
/// standard streams on /dev/null, and returns without waiting: for helper
/// processes a test stops itself (kill(-pid, SIGTERM), then wait_for).
pid_t spawn_process(const std::filesystem::path& program, const std::vector<std::string>& args);

/// Waits for a child; returns its exit status, or 128 + signal number.
int wait_for(pid_t pid);

}  // namespace cydex::testing
