// SPDX-License-Identifier: Apache-2.0
/// @brief The help texts of cydex and its commands.
#pragma once

#include <string_view>

namespace cydex::cli {

std::string_view main_help();
std::string_view ingest_help();
std::string_view search_help();
std::string_view extract_help();
std::string_view show_help();
std::string_view tags_help();
std::string_view retag_help();
std::string_view reindex_help();
std::string_view add_help();
std::string_view meta_help();
std::string_view rm_help();
std::string_view list_help();
std::string_view stats_help();

}  // namespace cydex::cli
