// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/indexed_source.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace cydex::index {
namespace {

/// Splits off the first `count` tab-separated fields; the rest (tabs and
/// all) is the last element. Nothing when there are fewer fields.
std::optional<std::vector<std::string>> split_fields(const std::string& value, std::size_t count) {
  std::vector<std::string> fields;
  std::size_t at = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t tab = value.find('\t', at);
    if (tab == std::string::npos) return std::nullopt;
    fields.push_back(value.substr(at, tab - at));
    at = tab + 1;
  }
  fields.push_back(value.substr(at));
  return fields;
}

template <typename Number>
std::optional<Number> parse_number(const std::string& text) {
  Number out{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return out;
}

}  // namespace

std::string encode_source(const corpus::SourceDocument& source) {
  return std::to_string(source.size) + '\t' + std::to_string(source.mtime) + '\t' + source.signature + '\t' +
         source.id + '\t' + source.path.string();
}

std::optional<IndexedSource> decode_source(const std::string& value) {
  const auto fields = split_fields(value, 4);
  if (!fields) return std::nullopt;
  const auto size = parse_number<std::uint64_t>((*fields)[0]);
  const auto mtime = parse_number<std::int64_t>((*fields)[1]);
  if (!size || !mtime) return std::nullopt;
  return IndexedSource{.id = (*fields)[3], .path = (*fields)[4], .size = *size, .mtime = *mtime,
                       .signature = (*fields)[2]};
}

std::string encode_failure(const RememberedFailure& failure) {
  return std::to_string(failure.size) + '\t' + std::to_string(failure.mtime) + '\t' + failure.kind + '\t' +
         failure.reason;
}

std::optional<RememberedFailure> decode_failure(const std::string& path, const std::string& value) {
  const auto fields = split_fields(value, 3);
  if (!fields) return std::nullopt;
  const auto size = parse_number<std::uint64_t>((*fields)[0]);
  const auto mtime = parse_number<std::int64_t>((*fields)[1]);
  if (!size || !mtime) return std::nullopt;
  return RememberedFailure{.path = path, .size = *size, .mtime = *mtime, .kind = (*fields)[2],
                           .reason = (*fields)[3]};
}

}  // namespace cydex::index
