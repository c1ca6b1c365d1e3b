// SPDX-License-Identifier: Apache-2.0
#include "wire_codec.h"

#include <gtest/gtest.h>

#include <string>

#include "printers.h"

namespace cydex::ingest {
namespace {

/// A document with every field set, including the awkward values: empty
/// strings, bytes that are not UTF-8, a negative mtime, a mention at the
/// end of a page, and a page number above 127 (a two-byte varint).
corpus::ExtractedDocument full_document() {
  corpus::ExtractedDocument doc;
  doc.source = corpus::SourceDocument{.id = "4f0c1d2e3b4a5968",
                                      .path = "/collection/strategies/Cyber Strategy 2021.pdf",
                                      .media_type = corpus::MediaType::Pdf,
                                      .size = 5'000'000'000ULL,
                                      .mtime = -86400,
                                      .signature = std::string(64, 'a')};
  doc.metadata.title = "Cybersicherheitsstrategie für Deutschland";
  doc.metadata.organisation = "Bundesministerium des Innern";
  doc.metadata.year = 2021;
  doc.metadata.date = "2021-09-08";
  doc.metadata.language = "de";
  doc.metadata.authors = {"A. Author", "", "B. Autorin"};
  doc.metadata.url = "https://example.org/strategy.pdf";
  doc.metadata.description = "Die Strategie der Bundesregierung";
  doc.metadata.keywords = {"Cyber", "Sicherheit"};
  doc.pages = {{.number = 1, .text = "Erste Seite\n\nmit Absatz"},
               {.number = 2, .text = ""},
               {.number = 300, .text = std::string("raw \xFF\xFE bytes\0inside", 20)}};
  doc.status = corpus::ExtractionStatus::Degraded;
  doc.warnings = {"page 2 has no text"};
  doc.mentions = {{.tag = "norm:13j", .page = 1, .start = 0, .end = 5},
                  {.tag = "actor:de", .page = 300, .start = 15, .end = 20}};
  doc.prepared = std::string("\x01\x00prepared\xFF", 11);
  return doc;
}

void expect_same(const corpus::ExtractedDocument& got, const corpus::ExtractedDocument& want) {
  EXPECT_EQ(got.source.id, want.source.id);
  EXPECT_EQ(got.source.path, want.source.path);
  EXPECT_EQ(got.source.media_type, want.source.media_type);
  EXPECT_EQ(got.source.size, want.source.size);
  EXPECT_EQ(got.source.mtime, want.source.mtime);
  EXPECT_EQ(got.source.signature, want.source.signature);
  EXPECT_EQ(got.metadata.title, want.metadata.title);
  EXPECT_EQ(got.metadata.organisation, want.metadata.organisation);
  EXPECT_EQ(got.metadata.year, want.metadata.year);
  EXPECT_EQ(got.metadata.description, want.metadata.description);
  EXPECT_EQ(got.metadata.keywords, want.metadata.keywords);
  EXPECT_EQ(got.metadata.date, want.metadata.date);
  EXPECT_EQ(got.metadata.language, want.metadata.language);
  EXPECT_EQ(got.metadata.authors, want.metadata.authors);
  EXPECT_EQ(got.metadata.url, want.metadata.url);
  ASSERT_EQ(got.pages.size(), want.pages.size());
  for (std::size_t i = 0; i < got.pages.size(); ++i) {
    EXPECT_EQ(got.pages[i].number, want.pages[i].number) << "page " << i;
    EXPECT_EQ(got.pages[i].text, want.pages[i].text) << "page " << i;
  }
  EXPECT_EQ(got.status, want.status);
  EXPECT_EQ(got.warnings, want.warnings);
  ASSERT_EQ(got.mentions.size(), want.mentions.size());
  for (std::size_t i = 0; i < got.mentions.size(); ++i) {
    EXPECT_EQ(got.mentions[i].tag, want.mentions[i].tag) << "mention " << i;
    EXPECT_EQ(got.mentions[i].page, want.mentions[i].page) << "mention " << i;
    EXPECT_EQ(got.mentions[i].start, want.mentions[i].start) << "mention " << i;
    EXPECT_EQ(got.mentions[i].end, want.mentions[i].end) << "mention " << i;
  }
  EXPECT_EQ(got.prepared, want.prepared);
}

TEST(WireCodecTest, DocumentRoundTripsWithEveryField) {
  const corpus::ExtractedDocument doc = full_document();
  const DecodeResult decoded = decode_result(encode_result(ExtractResult(doc)));
  ASSERT_TRUE(decoded) << decoded.error().detail;
  ASSERT_TRUE(decoded.value()) << decoded.value().error().message();
  expect_same(decoded.value().value(), doc);
}

TEST(WireCodecTest, DocumentWithoutYearOrPagesRoundTrips) {
  corpus::ExtractedDocument doc;
  doc.source.path = "relative/name.txt";
  const DecodeResult decoded = decode_result(encode_result(ExtractResult(doc)));
  ASSERT_TRUE(decoded) << decoded.error().detail;
  ASSERT_TRUE(decoded.value());
  EXPECT_FALSE(decoded.value()->metadata.year.has_value());
  expect_same(decoded.value().value(), doc);
}

TEST(WireCodecTest, ErrorRoundTripsWithEveryKind) {
  for (const corpus::ErrorKind kind :
       {corpus::ErrorKind::Unreadable, corpus::ErrorKind::Unsupported, corpus::ErrorKind::Encrypted,
        corpus::ErrorKind::Corrupt, corpus::ErrorKind::NoTextLayer, corpus::ErrorKind::BadEncoding,
        corpus::ErrorKind::TooLarge, corpus::ErrorKind::Timeout, corpus::ErrorKind::Internal}) {
    const corpus::IngestError error{"/c/x.pdf", "extract", kind, "xref table damaged: offset 4711"};
    const DecodeResult decoded = decode_result(encode_result(corpus::Unexpected(error)));
    ASSERT_TRUE(decoded) << decoded.error().detail;
    ASSERT_FALSE(decoded.value());
    EXPECT_EQ(decoded.value().error().message(), error.message());
    EXPECT_EQ(decoded.value().error().kind, kind);
  }
}

TEST(WireCodecTest, EveryTruncationFailsCleanly) {
  const std::string document = encode_result(ExtractResult(full_document()));
  const std::string error =
      encode_result(corpus::Unexpected(corpus::IngestError{"/c/x.pdf", "read", corpus::ErrorKind::Unreadable, "gone"}));
  for (const std::string* bytes : {&document, &error}) {
    for (std::size_t size = 0; size < bytes->size(); ++size) {
      const DecodeResult decoded = decode_result(std::string_view(*bytes).substr(0, size));
      ASSERT_FALSE(decoded) << "a prefix of " << size << " of " << bytes->size() << " bytes decoded";
      EXPECT_NE(decoded.error().detail.find("at byte"), std::string::npos) << decoded.error().detail;
    }
  }
}

TEST(WireCodecTest, GarbledInputNeverCrashes) {
  // Each byte in turn set to values that make lengths, counts, tags and
  // enumerators absurd; decoding must fail or succeed, never read past the end.
  const std::string bytes = encode_result(ExtractResult(full_document()));
  int failures = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const char value : {'\x00', '\x7F', '\x80', '\xFF'}) {
      std::string garbled = bytes;
      garbled[i] = value;
      if (!decode_result(garbled)) ++failures;
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(WireCodecTest, MalformedMessagesAreRejectedWithAReason) {
  const std::string good = encode_result(ExtractResult(full_document()));
  struct Case {
    std::string bytes;
    std::string reason;
  };
  const std::vector<Case> cases = {
      // Nothing at all.
      {"", "truncated message"},
      // Not the magic byte.
      {"\x01\x01", "bad magic byte"},
      // Neither a document nor an error.
      {"\xC1\x07", "unknown result tag"},
      // A whole message followed by more bytes.
      {good + "x", "trailing bytes"},
      // An error whose kind is past Internal.
      {std::string("\xC1\x02\x01p\x01s\x63\x00", 8), "unknown enumerator"},
      // A string claiming more bytes than remain.
      {std::string("\xC1\x02\xFF\xFF\x03p", 6), "count larger than the message"},
      // A varint that never ends.
      {"\xC1\x02" + std::string(11, '\xFF'), "integer longer than 64 bits"},
  };
  for (const Case& row : cases) {
    const DecodeResult decoded = decode_result(row.bytes);
    ASSERT_FALSE(decoded) << row.reason;
    EXPECT_NE(decoded.error().detail.find(row.reason), std::string::npos) << decoded.error().detail;
  }
}

TEST(WireCodecTest, FrameHeaderAnnouncesThePayloadSize) {
  std::string frame;
  append_frame(frame, std::string(300, 'x'));
  ASSERT_EQ(frame.size(), kFrameHeaderBytes + 300);
  EXPECT_EQ(frame_payload_size(frame), 300U);
  EXPECT_EQ(frame_payload_size(std::string_view(frame).substr(0, kFrameHeaderBytes - 1)), std::nullopt);
  std::string empty;
  append_frame(empty, "");
  EXPECT_EQ(frame_payload_size(empty), 0U);
}

}  // namespace
}  // namespace cydex::ingest
