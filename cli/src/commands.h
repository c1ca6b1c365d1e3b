// SPDX-License-Identifier: Apache-2.0
/// @brief The cydex subcommands, one function each.
#pragma once

#include <string>
#include <vector>

#include "cydex/cli/app.h"

namespace cydex::cli {

int ingest_command(const std::vector<std::string>& args, const Context& context);
int search_command(const std::vector<std::string>& args, const Context& context);
int extract_command(const std::vector<std::string>& args, const Context& context);
int show_command(const std::vector<std::string>& args, const Context& context);
int tags_command(const std::vector<std::string>& args, const Context& context);
int retag_command(const std::vector<std::string>& args, const Context& context);
int reindex_command(const std::vector<std::string>& args, const Context& context);
int add_command(const std::vector<std::string>& args, const Context& context);
int meta_command(const std::vector<std::string>& args, const Context& context);
int rm_command(const std::vector<std::string>& args, const Context& context);
int list_command(const std::vector<std::string>& args, const Context& context);
int stats_command(const std::vector<std::string>& args, const Context& context);

/// Prints "cydex: MESSAGE" and a pointer to help, returns kExitUsage.
int usage_error(const Context& context, const std::string& command, const std::string& message);

}  // namespace cydex::cli
