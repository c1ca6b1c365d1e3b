// SPDX-License-Identifier: Apache-2.0
#include "arguments.h"

#include <gtest/gtest.h>

#include <sstream>

#include "index_location.h"

namespace cydex::cli {
namespace {

const std::vector<OptionSpec> kSpecs = {
    {.name = "index", .takes_value = true},
    {.name = "org", .takes_value = true, .repeatable = true},
    {.name = "limit", .takes_value = true, .short_name = 'n'},
    {.name = "json"},
};

TEST(ParseArguments, AcceptsTheUsualOptionForms) {
  const auto parsed = parse_arguments({"--index", "/i", "--org=EU", "--org", "OSCE", "-n", "5", "cyber", "--json",
                                       "--", "--not-an-option"},
                                      kSpecs);
  ASSERT_TRUE(parsed.has_value()) << parsed.error();
  EXPECT_EQ(parsed->value("index"), "/i");
  EXPECT_EQ(parsed->values("org"), (std::vector<std::string>{"EU", "OSCE"}));
  EXPECT_EQ(parsed->value("limit"), "5");
  EXPECT_TRUE(parsed->has("json"));
  EXPECT_EQ(parsed->operands, (std::vector<std::string>{"cyber", "--not-an-option"}));
}

TEST(ParseArguments, RejectsWhatItCannotMeanWithOneLine) {
  struct Case {
    std::vector<std::string> args;
    const char* error;
  };
  const Case cases[] = {
      {{"--bogus"}, "unknown option --bogus"},
      {{"-x"}, "unknown option -x"},
      {{"--limit"}, "option --limit needs a value"},
      {{"--json=yes"}, "option --json takes no value"},
      {{"--index", "a", "--index", "b"}, "option --index given twice"},
  };
  for (const Case& c : cases) {
    const auto parsed = parse_arguments(c.args, kSpecs);
    ASSERT_FALSE(parsed.has_value()) << c.error;
    EXPECT_EQ(parsed.error(), c.error);
  }
}

TEST(ParseInt, ChecksRangeAndSyntax) {
  EXPECT_EQ(*parse_int("limit", "10", 0, 100), 10);
  EXPECT_EQ(parse_int("limit", "-1", 0, 100).error(), "--limit takes a whole number from 0 to 100, not '-1'");
  EXPECT_FALSE(parse_int("limit", "10x", 0, 100).has_value());
  EXPECT_FALSE(parse_int("limit", "", 0, 100).has_value());
}

TEST(IndexLocation, OptionThenEnvironmentThenDataHome) {
  std::ostringstream out;
  std::ostringstream err;
  std::map<std::string, std::string> env = {{"HOME", "/home/r"}};
  const Context context{.out = out, .err = err, .getenv = [&](const std::string& name) -> std::optional<std::string> {
                          const auto found = env.find(name);
                          if (found == env.end()) return std::nullopt;
                          return found->second;
                        }};
  Arguments none;
  EXPECT_EQ(index_location(none, context), "/home/r/.local/share/cydex/index");
  env["XDG_DATA_HOME"] = "/data";
  EXPECT_EQ(index_location(none, context), "/data/cydex/index");
  env["CYDEX_INDEX"] = "/env/index";
  EXPECT_EQ(index_location(none, context), "/env/index");
  Arguments given;
  given.options["index"] = {"/given"};
  EXPECT_EQ(index_location(given, context), "/given");
}

}  // namespace
}  // namespace cydex::cli
