// SPDX-License-Identifier: Apache-2.0
/// @brief Finding and loading the taxonomy a command tags with.
#pragma once

#include <filesystem>
#include <optional>

#include "arguments.h"
#include "cydex/cli/app.h"
#include "cydex/corpus/taxonomy.h"

namespace cydex::cli {

/// --taxonomy DIR, else $CYDEX_TAXONOMY, else the taxonomy installed beside
/// the program (PREFIX/share/cydex/taxonomy), else the one in the source
/// tree the program was built from.
std::filesystem::path taxonomy_location(const Arguments& args, const Context& context);

/// Loads the taxonomy; on error prints "cydex COMMAND: FILE:LINE: DETAIL"
/// and returns nothing.
std::optional<corpus::Taxonomy> load_taxonomy(const Arguments& args, const Context& context,
                                              const std::string& command);

}  // namespace cydex::cli
