// SPDX-License-Identifier: Apache-2.0
// The stored form is a sequence of length-prefixed fields: a varint length,
// then that many bytes. Integers are stored as decimal text. The first field
// is a format tag, so a later layout can be told apart.
#include "cydex/index/stored_document.h"

#include <charconv>
#include <cstdint>

namespace cydex::index {
namespace {

constexpr std::string_view kTag = "cydex-doc-3";
/// Documents stored before page anchors: no anchors field after a page's text.
constexpr std::string_view kTagWithoutAnchors = "cydex-doc-2";
/// Documents stored before the list of paths: no such list at the end.
constexpr std::string_view kTagWithoutPaths = "cydex-doc-1";

/// Anchors as one field: the word count, then each offset's difference from
/// the one before, as varints.
std::string encode_anchors(const StoredPage& page) {
  std::string out;
  const auto varint = [&](std::uint64_t value) {
    while (value >= 0x80) {
      out.push_back(static_cast<char>((value & 0x7f) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<char>(value));
  };
  varint(page.words);
  std::uint32_t previous = 0;
  for (const std::uint32_t offset : page.anchors) {
    varint(offset - previous);
    previous = offset;
  }
  return out;
}

bool decode_anchors(std::string_view bytes, StoredPage& page) {
  std::vector<std::uint64_t> values;
  std::uint64_t value = 0;
  int shift = 0;
  for (const char ch : bytes) {
    const auto byte = static_cast<unsigned char>(ch);
    if (shift > 56) return false;
    value |= std::uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) != 0) {
      shift += 7;
      continue;
    }
    values.push_back(value);
    value = 0;
    shift = 0;
  }
  if (shift != 0 || values.empty()) return values.empty() && bytes.empty();
  page.words = static_cast<std::uint32_t>(values.front());
  std::uint64_t offset = 0;
  for (std::size_t i = 1; i < values.size(); ++i) {
    offset += values[i];
    if (offset > page.text.size()) return false;
    page.anchors.push_back(static_cast<std::uint32_t>(offset));
  }
  return true;
}

class Encoder {
 public:
  void field(std::string_view bytes) {
    std::uint64_t length = bytes.size();
    while (length >= 0x80) {
      out_.push_back(static_cast<char>((length & 0x7f) | 0x80));
      length >>= 7;
    }
    out_.push_back(static_cast<char>(length));
    out_ += bytes;
  }
  void number(long long value) { field(std::to_string(value)); }
  void list(const std::vector<std::string>& items) {
    number(static_cast<long long>(items.size()));
    for (const std::string& item : items) field(item);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : rest_(bytes) {}

  bool field(std::string& out) {
    std::uint64_t length = 0;
    int shift = 0;
    while (true) {
      if (rest_.empty() || shift > 56) return false;
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      length |= std::uint64_t{byte & 0x7fu} << shift;
      if ((byte & 0x80) == 0) break;
      shift += 7;
    }
    if (length > rest_.size()) return false;
    out.assign(rest_.substr(0, length));
    rest_.remove_prefix(length);
    return true;
  }
  bool number(long long& out) {
    std::string text;
    if (!field(text)) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
  }
  bool list(std::vector<std::string>& out) {
    long long count = 0;
    if (!number(count) || count < 0 || static_cast<std::size_t>(count) > rest_.size()) return false;
    out.resize(static_cast<std::size_t>(count));
    for (std::string& item : out) {
      if (!field(item)) return false;
    }
    return true;
  }

 private:
  std::string_view rest_;
};

}  // namespace

std::string StoredDocument::encode() const {
  Encoder out;
  out.field(kTag);
  for (const std::string* text : {&id, &path, &format, &status, &title, &organisation, &date, &language, &url}) {
    out.field(*text);
  }
  out.number(year.value_or(0));
  out.list(authors);
  out.list(warnings);
  out.number(static_cast<long long>(pages.size()));
  for (const StoredPage& page : pages) {
    out.number(page.number);
    out.number(page.first_position);
    out.field(page.text);
    out.field(encode_anchors(page));
  }
  out.number(static_cast<long long>(mentions.size()));
  for (const StoredMention& mention : mentions) {
    out.field(mention.tag);
    out.number(mention.page);
    out.number(static_cast<long long>(mention.start));
    out.number(static_cast<long long>(mention.end));
  }
  out.list(paths.empty() ? std::vector<std::string>{path} : paths);
  return out.take();
}

std::optional<StoredDocument> StoredDocument::decode(std::string_view bytes) {
  Decoder in(bytes);
  StoredDocument doc;
  std::string tag;
  if (!in.field(tag) || (tag != kTag && tag != kTagWithoutAnchors && tag != kTagWithoutPaths)) return std::nullopt;
  for (std::string* text : {&doc.id, &doc.path, &doc.format, &doc.status, &doc.title, &doc.organisation,
                            &doc.date, &doc.language, &doc.url}) {
    if (!in.field(*text)) return std::nullopt;
  }
  long long year = 0;
  if (!in.number(year)) return std::nullopt;
  if (year != 0) doc.year = static_cast<int>(year);
  if (!in.list(doc.authors) || !in.list(doc.warnings)) return std::nullopt;
  long long page_count = 0;
  if (!in.number(page_count) || page_count < 0 || static_cast<std::size_t>(page_count) > bytes.size()) {
    return std::nullopt;
  }
  doc.pages.resize(static_cast<std::size_t>(page_count));
  for (StoredPage& page : doc.pages) {
    long long number = 0;
    long long first = 0;
    if (!in.number(number) || !in.number(first) || !in.field(page.text)) return std::nullopt;
    if (tag == kTag) {
      std::string anchors;
      if (!in.field(anchors) || !decode_anchors(anchors, page)) return std::nullopt;
    }
    page.number = static_cast<int>(number);
    page.first_position = static_cast<unsigned>(first);
  }
  long long mention_count = 0;
  if (!in.number(mention_count) || mention_count < 0 || static_cast<std::size_t>(mention_count) > bytes.size()) {
    return std::nullopt;
  }
  doc.mentions.resize(static_cast<std::size_t>(mention_count));
  for (StoredMention& mention : doc.mentions) {
    long long page = 0;
    long long start = 0;
    long long end = 0;
    if (!in.field(mention.tag) || !in.number(page) || !in.number(start) || !in.number(end) || start < 0 ||
        end < start) {
      return std::nullopt;
    }
    mention.page = static_cast<int>(page);
    mention.start = static_cast<std::size_t>(start);
    mention.end = static_cast<std::size_t>(end);
  }
  if (tag == kTagWithoutPaths) {
    doc.paths = {doc.path};
  } else if (!in.list(doc.paths) || doc.paths.empty()) {
    return std::nullopt;
  }
  return doc;
}

}  // namespace cydex::index
