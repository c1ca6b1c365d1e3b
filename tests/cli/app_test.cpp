// SPDX-License-Identifier: Apache-2.0
// The command functions run in process, with their own streams.
#include "cydex/cli/app.h"

#include <gtest/gtest.h>

#include <sstream>

#include "temp_dir.h"

namespace cydex::cli {
namespace {

struct Captured {
  int code = -1;
  std::string out;
  std::string err;
};

Captured run_args(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const Context context{.out = out, .err = err, .getenv = [](const std::string&) { return std::nullopt; }};
  Captured captured;
  captured.code = run(args, context);
  captured.out = out.str();
  captured.err = err.str();
  return captured;
}

TEST(App, HelpAndVersion) {
  const Captured help = run_args({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_NE(help.out.find("Usage: cydex"), std::string::npos);
  EXPECT_NE(help.out.find("Exit status:"), std::string::npos);
  const Captured version = run_args({"--version"});
  EXPECT_EQ(version.code, kExitOk);
  EXPECT_TRUE(version.out.starts_with("cydex ")) << version.out;
  for (const char* command : {"ingest", "search", "extract"}) {
    const Captured command_help = run_args({command, "--help"});
    EXPECT_EQ(command_help.code, kExitOk) << command;
    EXPECT_NE(command_help.out.find(std::string("Usage: cydex ") + command), std::string::npos) << command;
  }
}

TEST(App, UsageErrorsExitWith64AndSayWhatToDo) {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case cases[] = {
      {{}, "Usage: cydex"},
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"search", "--limit", "many", "x"}, "--limit takes a whole number"},
      {{"search", "--year", "2024..2019", "x"}, "--year range 2024..2019 is empty"},
      {{"ingest"}, "name at least one file or folder"},
      {{"extract"}, "name at least one file"},
  };
  for (const Case& c : cases) {
    const Captured captured = run_args(c.args);
    EXPECT_EQ(captured.code, kExitUsage) << c.message;
    EXPECT_NE(captured.err.find(c.message), std::string::npos) << captured.err;
  }
}

TEST(App, SearchWithoutAnIndexSaysHowToCreateOne) {
  const testing::TempDir dir;
  const std::string index = (dir.path() / "none").string();
  const Captured captured = run_args({"--index", index, "search", "cyber"});
  EXPECT_EQ(captured.code, kExitFatal);
  EXPECT_NE(captured.err.find("no index here"), std::string::npos) << captured.err;
  EXPECT_NE(captured.err.find("cydex ingest --index " + index), std::string::npos) << captured.err;
}

}  // namespace
}  // namespace cydex::cli
