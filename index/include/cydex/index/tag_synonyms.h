// SPDX-License-Identifier: Apache-2.0
/// @brief The taxonomy's aliases as query synonyms, so a search for "GGE" finds documents tagged un-gge.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cydex/corpus/taxonomy.h"

namespace cydex::index {

/// Folded alias ("group of governmental experts", "nis2") -> the tag terms it
/// stands for ("XTactor:un-gge"). Aliases that fold to nothing are left out;
/// labels are for display and are not synonyms.
std::map<std::string, std::vector<std::string>> tag_synonyms(const corpus::Taxonomy& taxonomy);

}  // namespace cydex::index
