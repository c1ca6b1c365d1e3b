// SPDX-License-Identifier: Apache-2.0
#include "cydex/cli/app.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return cydex::cli::run(args, cydex::cli::process_context());
}
