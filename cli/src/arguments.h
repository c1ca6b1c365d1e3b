// SPDX-License-Identifier: Apache-2.0
/// @brief Parsing one command's options and operands.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cydex/corpus/result.h"

namespace cydex::cli {

/// An option a command accepts.
struct OptionSpec {
  std::string name;            ///< Without dashes: "limit".
  bool takes_value = false;    ///< "--limit 5" or "--limit=5".
  bool repeatable = false;     ///< May be given more than once ("--org A --org B").
  char short_name = '\0';      ///< "-n" as well as "--limit"; '\0' for none.
};

struct Arguments {
  std::map<std::string, std::vector<std::string>> options;  ///< Flags map to {""}.
  std::vector<std::string> operands;

  [[nodiscard]] bool has(const std::string& name) const { return options.count(name) > 0; }
  /// The last value given for the option.
  [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
  [[nodiscard]] std::vector<std::string> values(const std::string& name) const;
};

/// Parses `args`. "--" ends the options. Errors are one line for the user.
corpus::Result<Arguments, std::string> parse_arguments(const std::vector<std::string>& args,
                                                       const std::vector<OptionSpec>& specs);

/// Parses a whole number in [min, max]; the error names the option.
corpus::Result<int, std::string> parse_int(const std::string& option, const std::string& text, int min, int max);

}  // namespace cydex::cli
