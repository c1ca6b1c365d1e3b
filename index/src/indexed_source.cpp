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

std::optional<IndexedSource> decode_record(const std::string& value) {
  const auto fields = split_fields(value, 4);
  if (!fields) return std::nullopt;
  const auto size = parse_number<std::uint64_t>((*fields)[0]);
  const auto mtime = parse_number<std::int64_t>((*fields)[1]);
  if (!size || !mtime) return std::nullopt;
  return IndexedSource{.id = (*fields)[3], .path = (*fields)[4], .size = *size, .mtime = *mtime,
                       .signature = (*fields)[2]};
}

}  // namespace

std::string encode_source(const corpus::SourceDocument& source) {
  return std::to_string(source.size) + '\t' + std::to_string(source.mtime) + '\t' + source.signature + '\t' +
         source.id + '\t' + source.path.string();
}

std::optional<IndexedSource> decode_source(const std::string& value) {
  const std::size_t end = value.find('\0');
  return decode_record(end == std::string::npos ? value : value.substr(0, end));
}

IndexedSource indexed_source_of(const corpus::SourceDocument& source) {
  return IndexedSource{.id = source.id, .path = source.path.string(), .size = source.size, .mtime = source.mtime,
                       .signature = source.signature};
}

std::string encode_sources(const std::vector<IndexedSource>& sources) {
  std::string out;
  for (const IndexedSource& source : sources) {
    if (!out.empty()) out.push_back('\0');
    out += std::to_string(source.size) + '\t' + std::to_string(source.mtime) + '\t' + source.signature + '\t' +
           source.id + '\t' + source.path;
  }
  return out;
}

std::vector<IndexedSource> decode_sources(const std::string& value) {
  std::vector<IndexedSource> out;
  std::size_t at = 0;
  while (at <= value.size()) {
    std::size_t end = value.find('\0', at);
    if (end == std::string::npos) end = value.size();
    if (auto source = decode_record(value.substr(at, end - at))) out.push_back(std::move(*source));
    at = end + 1;
  }
  return out;
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
