// SPDX-License-Identifier: Apache-2.0
#include "cydex/cli/app.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "help_text.h"

#ifndef CYDEX_VERSION
#define CYDEX_VERSION "0.0.0"
#endif

namespace cydex::cli {

Context process_context() {
  return Context{
      .out = std::cout,
      .err = std::cerr,
      .getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
      },
      .out_is_terminal = isatty(STDOUT_FILENO) == 1,
      .err_is_terminal = isatty(STDERR_FILENO) == 1,
  };
}

int usage_error(const Context& context, const std::string& command, const std::string& message) {
  context.err << "cydex" << (command.empty() ? "" : " " + command) << ": " << message << "\n"
              << "Try 'cydex" << (command.empty() ? "" : " " + command) << " --help'.\n";
  return kExitUsage;
}

int run(const std::vector<std::string>& args, const Context& context) {
  // Global options before the command: --index DIR is passed on to it.
  std::vector<std::string> global;
  std::size_t at = 0;
  while (at < args.size() && args[at].starts_with("-")) {
    const std::string& arg = args[at];
    if (arg == "-h" || arg == "--help") {
      context.out << main_help();
      return kExitOk;
    }
    if (arg == "--version") {
      context.out << "cydex " << CYDEX_VERSION << "\n";
      return kExitOk;
    }
    if (arg == "--index" && at + 1 < args.size()) {
      global.push_back(arg);
      global.push_back(args[at + 1]);
      at += 2;
    } else if (arg.starts_with("--index=")) {
      global.push_back(arg);
      ++at;
    } else {
      return usage_error(context, "", "unknown option " + arg);
    }
  }
  if (at == args.size()) {
    context.err << main_help();
    return kExitUsage;
  }
  const std::string& command = args[at];
  std::vector<std::string> rest(global);
  rest.insert(rest.end(), args.begin() + static_cast<std::ptrdiff_t>(at) + 1, args.end());

  if (command == "ingest") return ingest_command(rest, context);
  if (command == "search") return search_command(rest, context);
  if (command == "extract") return extract_command(rest, context);
  if (command == "show") return show_command(rest, context);
  if (command == "tags") return tags_command(rest, context);
  if (command == "retag") return retag_command(rest, context);
  if (command == "reindex") return reindex_command(rest, context);
  if (command == "add") return add_command(rest, context);
  if (command == "meta") return meta_command(rest, context);
  if (command == "rm") return rm_command(rest, context);
  if (command == "list") return list_command(rest, context);
  if (command == "stats") return stats_command(rest, context);
  if (command == "help") {
    context.out << main_help();
    return kExitOk;
  }
  return usage_error(context, "", "unknown command '" + command + "' (commands: ingest, reindex, add, meta, rm, list, stats, search, extract, show, tags, retag)");
}

}  // namespace cydex::cli
