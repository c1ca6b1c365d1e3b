// SPDX-License-Identifier: Apache-2.0
/// @brief Where the index lives: --index, then CYDEX_INDEX, then the user's data directory.
#pragma once

#include <filesystem>

#include "arguments.h"
#include "cydex/cli/app.h"

namespace cydex::cli {

/// --index DIR, else $CYDEX_INDEX, else $XDG_DATA_HOME/cydex/index, else
/// ~/.local/share/cydex/index.
std::filesystem::path index_location(const Arguments& args, const Context& context);

}  // namespace cydex::cli
