// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/text_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "printers.h"

namespace cydex::ingest {
namespace {

using namespace std::string_literals;

ExtractResult extract(std::string_view bytes) {
  corpus::SourceDocument source;
  source.path = "/collection/note.txt";
  source.media_type = corpus::MediaType::Text;
  return TextExtractor{}.extract(source, bytes);
}

struct TextCase {
  const char* what;
  std::string bytes;
  std::string text;     ///< Page 1, as decoded (cleaning comes later).
  std::string title;
  std::vector<std::string> warnings;
};

TEST(TextExtractor, DecodesIntoOnePageWithATitle) {
  const TextCase cases[] = {
      // UTF-8: the first line is the title.
      {"utf-8", "International cyber policy\n\nThe Federal Foreign Office.\n",
       "International cyber policy\n\nThe Federal Foreign Office.\n", "International cyber policy", {}},
      // Windows line ends do not leak into the title.
      {"crlf", "Cyber norms\r\nBody\r\n", "Cyber norms\r\nBody\r\n", "Cyber norms", {}},
      // Leading blank lines and spaces are skipped to find the title.
      {"leading blanks", "\n\n   Cyber norms  \nBody", "\n\n   Cyber norms  \nBody", "Cyber norms", {}},
      // A UTF-8 byte-order mark is not part of the text.
      {"utf-8 bom", "\xEF\xBB\xBF" "Titre\nTexte", "Titre\nTexte", "Titre", {}},
      // UTF-16LE with a byte-order mark, as Windows saves "Unicode" text.
      {"utf-16le", "\xFF\xFE" "N\0o\0r\0m\0s\0\n\0\xE9\0"s, "Norms\né", "Norms", {"decoded from UTF-16LE"}},
      // Latin-1 text is decoded, and the file says so.
      {"latin-1",
       "D\xE9marche diplomatique\nLa coop\xE9ration europ\xE9" "enne en mati\xE8re de cybers\xE9" "curit\xE9.\n",
       "Démarche diplomatique\nLa coopération européenne en matière de cybersécurité.\n",
       "Démarche diplomatique", {"decoded from ISO-8859-1"}},
      // A first line too long to be a title leaves the title empty (the file name is used later).
      {"long first line", std::string(250, 'a') + "\nrest", std::string(250, 'a') + "\nrest", "", {}},
      // Only whitespace: an empty title.
      {"blank", " \n\n", " \n\n", "", {}},
  };
  for (const TextCase& c : cases) {
    const ExtractResult result = extract(c.bytes);
    ASSERT_TRUE(result.has_value()) << c.what;
    EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok) << c.what;
    ASSERT_EQ(result->pages.size(), 1U) << c.what;
    EXPECT_EQ(result->pages[0].number, 1) << c.what;
    EXPECT_EQ(result->pages[0].text, c.text) << c.what;
    EXPECT_EQ(result->metadata.title, c.title) << c.what;
    EXPECT_EQ(result->warnings, c.warnings) << c.what;
    EXPECT_EQ(result->source.path, "/collection/note.txt") << c.what;
  }
}

}  // namespace
}  // namespace cydex::ingest
