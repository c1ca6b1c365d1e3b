// SPDX-License-Identifier: Apache-2.0
#include "wire_codec.h"

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace cydex::ingest {
namespace {

// The first byte of every message; a change of layout gets a new value, so
// a parent never misreads a worker built from other sources.
constexpr std::uint8_t kMagic = 0xC1;
constexpr std::uint8_t kTagDocument = 1;
constexpr std::uint8_t kTagError = 2;

/// Appends primitives to a byte string.
class WireWriter {
 public:
  void byte(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }

  void unsigned_int(std::uint64_t value) {
    while (value >= 0x80) {
      byte(static_cast<std::uint8_t>(value | 0x80));
      value >>= 7;
    }
    byte(static_cast<std::uint8_t>(value));
  }

  // Zigzag, so that small negative numbers stay short.
  void signed_int(std::int64_t value) {
    unsigned_int((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
  }

  void text(std::string_view value) {
    unsigned_int(value.size());
    out_.append(value);
  }

  void texts(const std::vector<std::string>& values) {
    unsigned_int(values.size());
    for (const std::string& value : values) text(value);
  }

  std::string take() && { return std::move(out_); }

 private:
  std::string out_;
};

/// Reads primitives from a byte string; the first failure sticks, and every
/// later read returns a harmless default, so decoders check once at the end
/// of each record instead of after every field.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}

  [[nodiscard]] bool failed() const { return error_.has_value(); }
  [[nodiscard]] const std::string& error() const { return *error_; }
  [[nodiscard]] bool at_end() const { return pos_ == bytes_.size(); }

  void fail(const std::string& what) {
    if (!error_) error_ = what + " at byte " + std::to_string(pos_) + " of " + std::to_string(bytes_.size());
  }

  std::uint8_t byte() {
    if (failed()) return 0;
    if (pos_ >= bytes_.size()) {
      fail("truncated message");
      return 0;
    }
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }

  std::uint64_t unsigned_int() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t next = byte();
      if (failed()) return 0;
      value |= static_cast<std::uint64_t>(next & 0x7F) << shift;
      if ((next & 0x80) == 0) return value;
    }
    fail("integer longer than 64 bits");
    return 0;
  }

  std::int64_t signed_int() {
    const std::uint64_t raw = unsigned_int();
    return static_cast<std::int64_t>(raw >> 1) ^ -static_cast<std::int64_t>(raw & 1);
  }

  int small_int() {
    const std::int64_t value = signed_int();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      fail("integer out of range");
      return 0;
    }
    return static_cast<int>(value);
  }

  /// An enumerator no larger than `last`.
  template <typename Enum>
  Enum enumerator(Enum last) {
    const std::uint64_t value = unsigned_int();
    if (value > static_cast<std::uint64_t>(last)) {
      fail("unknown enumerator");
      return Enum{};
    }
    return static_cast<Enum>(value);
  }

  /// A count of items that each take at least one byte, so a garbled count
  /// cannot make the decoder reserve more than the message holds.
  std::size_t count() {
    const std::uint64_t value = unsigned_int();
    if (value > bytes_.size() - pos_) {
      fail("count larger than the message");
      return 0;
    }
    return static_cast<std::size_t>(value);
  }

  std::string text() {
    const std::size_t size = count();
    if (failed()) return {};
    std::string value(bytes_.substr(pos_, size));
    pos_ += size;
    return value;
  }

  std::vector<std::string> texts() {
    std::vector<std::string> values(count());
    for (std::string& value : values) value = text();
    return values;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::optional<std::string> error_;
};

void write_document(WireWriter& out, const corpus::ExtractedDocument& doc) {
  const corpus::SourceDocument& source = doc.source;
  out.text(source.id);
  out.text(source.path.native());
  out.unsigned_int(static_cast<std::uint64_t>(source.media_type));
  out.unsigned_int(source.size);
  out.signed_int(source.mtime);
  out.text(source.signature);

  const corpus::DocumentMetadata& meta = doc.metadata;
  out.text(meta.title);
  out.text(meta.organisation);
  out.byte(meta.year ? 1 : 0);
  if (meta.year) out.signed_int(*meta.year);
  out.text(meta.date);
  out.text(meta.language);
  out.texts(meta.authors);
  out.text(meta.url);
  out.text(meta.description);
  out.texts(meta.keywords);

  out.unsigned_int(doc.pages.size());
  for (const corpus::Page& page : doc.pages) {
    out.signed_int(page.number);
    out.text(page.text);
  }
  out.unsigned_int(static_cast<std::uint64_t>(doc.status));
  out.texts(doc.warnings);
  out.unsigned_int(doc.mentions.size());
  for (const corpus::Mention& mention : doc.mentions) {
    out.text(mention.tag);
    out.signed_int(mention.page);
    out.unsigned_int(mention.start);
    out.unsigned_int(mention.end);
  }
  out.text(doc.prepared);
}

corpus::ExtractedDocument read_document(WireReader& in) {
  corpus::ExtractedDocument doc;
  corpus::SourceDocument& source = doc.source;
  source.id = in.text();
  source.path = in.text();
  source.media_type = in.enumerator(corpus::MediaType::Text);
  source.size = in.unsigned_int();
  source.mtime = in.signed_int();
  source.signature = in.text();

  corpus::DocumentMetadata& meta = doc.metadata;
  meta.title = in.text();
  meta.organisation = in.text();
  const std::uint8_t has_year = in.byte();
  if (has_year > 1) in.fail("bad year flag");
  if (has_year == 1) meta.year = in.small_int();
  meta.date = in.text();
  meta.language = in.text();
  meta.authors = in.texts();
  meta.url = in.text();
  meta.description = in.text();
  meta.keywords = in.texts();

  doc.pages.resize(in.count());
  for (corpus::Page& page : doc.pages) {
    page.number = in.small_int();
    page.text = in.text();
  }
  doc.status = in.enumerator(corpus::ExtractionStatus::Degraded);
  doc.warnings = in.texts();
  doc.mentions.resize(in.count());
  for (corpus::Mention& mention : doc.mentions) {
    mention.tag = in.text();
    mention.page = in.small_int();
    mention.start = static_cast<std::size_t>(in.unsigned_int());
    mention.end = static_cast<std::size_t>(in.unsigned_int());
  }
  doc.prepared = in.text();
  return doc;
}

void write_error(WireWriter& out, const corpus::IngestError& error) {
  out.text(error.path.native());
  out.text(error.stage);
  out.unsigned_int(static_cast<std::uint64_t>(error.kind));
  out.text(error.detail);
}

corpus::IngestError read_error(WireReader& in) {
  corpus::IngestError error;
  error.path = in.text();
  error.stage = in.text();
  error.kind = in.enumerator(corpus::ErrorKind::Internal);
  error.detail = in.text();
  return error;
}

}  // namespace

std::string encode_result(const ExtractResult& result) {
  WireWriter out;
  out.byte(kMagic);
  if (result) {
    out.byte(kTagDocument);
    write_document(out, result.value());
  } else {
    out.byte(kTagError);
    write_error(out, result.error());
  }
  return std::move(out).take();
}

DecodeResult decode_result(std::string_view bytes) {
  WireReader in(bytes);
  if (in.byte() != kMagic && !in.failed()) in.fail("not an extraction result (bad magic byte)");
  const std::uint8_t tag = in.byte();
  std::optional<ExtractResult> result;
  if (tag == kTagDocument) {
    result.emplace(read_document(in));
  } else if (tag == kTagError) {
    result.emplace(corpus::Unexpected(read_error(in)));
  } else {
    in.fail("unknown result tag");
  }
  if (!in.failed() && !in.at_end()) in.fail("trailing bytes after the result");
  if (in.failed()) return corpus::Unexpected(WireError{in.error()});
  return std::move(*result);
}

void append_frame(std::string& out, std::string_view payload) {
  std::uint64_t size = payload.size();
  for (std::size_t i = 0; i < kFrameHeaderBytes; ++i) {
    out.push_back(static_cast<char>(size & 0xFF));
    size >>= 8;
  }
  out.append(payload);
}

std::optional<std::size_t> frame_payload_size(std::string_view buffer) {
  if (buffer.size() < kFrameHeaderBytes) return std::nullopt;
  std::uint64_t size = 0;
  for (std::size_t i = kFrameHeaderBytes; i-- > 0;) {
    size = (size << 8) | static_cast<std::uint8_t>(buffer[i]);
  }
  return static_cast<std::size_t>(size);
}

}  // namespace cydex::ingest
