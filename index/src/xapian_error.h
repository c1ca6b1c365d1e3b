// SPDX-License-Identifier: Apache-2.0
/// @brief Converts Xapian exceptions into IndexError at the library boundary.
#pragma once

#include <filesystem>

#include <xapian.h>

#include "cydex/index/index_error.h"

namespace cydex::index {

/// Classifies a Xapian error met while using the index at `dir`.
IndexError to_index_error(const Xapian::Error& error, const std::filesystem::path& dir);

}  // namespace cydex::index
