// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/media_type.h"

#include <gtest/gtest.h>

namespace cydex::ingest {
namespace {

struct SniffCase {
  const char* what;
  std::string head;
  corpus::MediaType expected;
};

TEST(SniffMediaType, RecognisesFormatsByContent) {
  const SniffCase cases[] = {
      // A PDF header, as every PDF writer emits it.
      {"pdf header", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", corpus::MediaType::Pdf},
      // Some writers put junk before the header; readers accept it in the first KiB.
      {"pdf after junk", std::string(100, ' ') + "%PDF-1.4", corpus::MediaType::Pdf},
      // HTML5 doctype.
      {"doctype", "<!DOCTYPE html><html><body>x</body></html>", corpus::MediaType::Html},
      // An old page opening with a comment and upper-case tags.
      {"comment first", "<!-- saved -->\n<HTML><HEAD><TITLE>t</TITLE>", corpus::MediaType::Html},
      // XHTML with an XML declaration.
      {"xhtml", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", corpus::MediaType::Html},
      // UTF-8 BOM, then markup.
      {"bom html", "\xEF\xBB\xBF<html><body>x</body></html>", corpus::MediaType::Html},
      // Plain prose.
      {"text", "The eleven norms of responsible state behaviour.\n", corpus::MediaType::Text},
      // Latin-1 prose is still text.
      {"latin1 text", "D\xE9marche diplomatique\n", corpus::MediaType::Text},
      // Binary junk (NUL bytes) is not.
      {"binary", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10), corpus::MediaType::Unknown},
      // A PNG image.
      {"png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), corpus::MediaType::Unknown},
      // UTF-16LE text without a byte-order mark.
      {"utf-16le text no bom", std::string("N\0o\0r\0m\0s\0 \0a\0n\0d\0 \0r\0u\0l\0e\0s\0\n\0", 32),
       corpus::MediaType::Text},
      // UTF-16BE markup without a byte-order mark.
      {"utf-16be html no bom", std::string("\0<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0x", 26),
       corpus::MediaType::Html},
      // 16-bit numbers: NUL bytes alternate as in UTF-16, but the code units
      // are control characters.
      {"16-bit numbers", std::string("\x03\0\x11\0\x07\0\x1F\0\x02\0\x05\0\x09\0\x01\0", 16),
       corpus::MediaType::Unknown},
  };
  for (const SniffCase& c : cases) {
    EXPECT_EQ(sniff_media_type(c.head), c.expected) << c.what;
  }
}

}  // namespace
}  // namespace cydex::ingest
