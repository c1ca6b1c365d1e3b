// SPDX-License-Identifier: Apache-2.0
/// @brief The cydex command line as a library: parse, dispatch, print, exit code.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cydex::cli {

/// Exit codes, documented in the README and `cydex --help`.
enum ExitCode : int {
  kExitOk = 0,           ///< Everything asked for was done.
  kExitFatal = 1,        ///< The run stopped: no index, index unreadable, disk full.
  kExitPartial = 2,      ///< Finished, but some files failed, or the input (a query, a file) was bad.
  kExitLocked = 3,       ///< Another cydex process is writing to the index.
  kExitUsage = 64,       ///< The command line is wrong (sysexits EX_USAGE).
};

/// Everything a command touches outside the process, so tests can run the
/// commands in process with their own streams and environment.
struct Context {
  std::ostream& out;
  std::ostream& err;
  std::function<std::optional<std::string>(const std::string&)> getenv;
  bool out_is_terminal = false;  ///< Colour and highlighting on stdout.
  bool err_is_terminal = false;  ///< Progress bars on stderr.
};

/// The Context of the real process: std::cout, std::cerr, ::getenv, isatty.
Context process_context();

/// Runs `cydex ARGS...` (args excludes the program name) and returns the exit code.
int run(const std::vector<std::string>& args, const Context& context);

}  // namespace cydex::cli
