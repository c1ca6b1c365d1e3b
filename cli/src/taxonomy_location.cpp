// SPDX-License-Identifier: Apache-2.0
#include "taxonomy_location.h"

#include <ostream>
#include <system_error>

#ifndef CYDEX_SOURCE_TAXONOMY
#define CYDEX_SOURCE_TAXONOMY ""
#endif

namespace cydex::cli {

std::filesystem::path taxonomy_location(const Arguments& args, const Context& context) {
  if (const auto given = args.value("taxonomy")) return *given;
  if (const auto env = context.getenv("CYDEX_TAXONOMY"); env && !env->empty()) return *env;
  std::error_code ec;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed = program.parent_path().parent_path() / "share" / "cydex" / "taxonomy";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return CYDEX_SOURCE_TAXONOMY;
}

std::optional<corpus::Taxonomy> load_taxonomy(const Arguments& args, const Context& context,
                                              const std::string& command) {
  const std::filesystem::path folder = taxonomy_location(args, context);
  auto taxonomy = corpus::Taxonomy::load(folder);
  if (!taxonomy) {
    context.err << "cydex " << command << ": taxonomy: " << taxonomy.error().message() << "\n";
    return std::nullopt;
  }
  return std::move(*taxonomy);
}

}  // namespace cydex::cli
