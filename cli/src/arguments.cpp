// SPDX-License-Identifier: Apache-2.0
#include "arguments.h"

#include <algorithm>
#include <charconv>

namespace cydex::cli {

std::optional<std::string> Arguments::value(const std::string& name) const {
  const auto found = options.find(name);
  if (found == options.end() || found->second.empty()) return std::nullopt;
  return found->second.back();
}

std::vector<std::string> Arguments::values(const std::string& name) const {
  const auto found = options.find(name);
  return found == options.end() ? std::vector<std::string>{} : found->second;
}

corpus::Result<Arguments, std::string> parse_arguments(const std::vector<std::string>& args,
                                                       const std::vector<OptionSpec>& specs) {
  Arguments out;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name;
    std::optional<std::string> inline_value;
    if (arg.starts_with("--")) {
      name = arg.substr(2);
      if (const auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name.resize(eq);
      }
    } else {
      if (arg.size() != 2) return corpus::Unexpected("unknown option " + arg);
      const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.short_name == arg[1]; });
      if (spec == specs.end()) return corpus::Unexpected("unknown option " + arg);
      name = spec->name;
    }
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
    if (spec == specs.end()) return corpus::Unexpected("unknown option --" + name);
    if (!spec->repeatable && out.has(name)) return corpus::Unexpected("option --" + name + " given twice");
    if (spec->takes_value) {
      if (!inline_value) {
        if (i + 1 >= args.size()) return corpus::Unexpected("option --" + name + " needs a value");
        inline_value = args[++i];
      }
      out.options[name].push_back(*inline_value);
    } else {
      if (inline_value) return corpus::Unexpected("option --" + name + " takes no value");
      out.options[name].push_back("");
    }
  }
  return out;
}

corpus::Result<int, std::string> parse_int(const std::string& option, const std::string& text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    return corpus::Unexpected("--" + option + " takes a whole number from " + std::to_string(min) + " to " +
                              std::to_string(max) + ", not '" + text + "'");
  }
  return value;
}

}  // namespace cydex::cli
