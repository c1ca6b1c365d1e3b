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
  };
  for (const SniffCase& c : cases) {
    EXPECT_EQ(sniff_media_type(c.head), c.expected) << c.what;
  }
}

}  // namespace
}  // namespace cydex::ingest
