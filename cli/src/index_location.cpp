// SPDX-License-Identifier: Apache-2.0
#include "index_location.h"

namespace cydex::cli {

std::filesystem::path index_location(const Arguments& args, const Context& context) {
  if (const auto given = args.value("index")) return *given;
  if (const auto env = context.getenv("CYDEX_INDEX"); env && !env->empty()) return *env;
  if (const auto data = context.getenv("XDG_DATA_HOME"); data && !data->empty()) {
    return std::filesystem::path(*data) / "cydex" / "index";
  }
  const auto home = context.getenv("HOME");
  return std::filesystem::path(home && !home->empty() ? *home : ".") / ".local" / "share" / "cydex" / "index";
}

}  // namespace cydex::cli
