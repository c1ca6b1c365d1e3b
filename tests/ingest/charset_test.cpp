// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/charset.h"

#include <gtest/gtest.h>

#include <string>

namespace cydex::ingest {
namespace {

using namespace std::string_literals;

struct DecodeCase {
  const char* what;
  std::string bytes;
  std::string declared;
  std::string expected_utf8;
  std::string expected_charset;
};

TEST(Charset, DecodesByteOrderMarksDeclarationsAndUtf8) {
  const DecodeCase cases[] = {
      // A UTF-8 byte-order mark is dropped and the rest read as UTF-8.
      {"utf-8 bom", "\xEF\xBB\xBF" "Démarche", "", "Démarche", "UTF-8"},
      // UTF-16 little-endian, as Windows Notepad saves "Unicode".
      {"utf-16le bom", "\xFF\xFE" "E\0U\0 \0\xE9\0"s, "", "EU é", "UTF-16LE"},
      // UTF-16 big-endian.
      {"utf-16be bom", "\xFE\xFF" "\0E\0U\0 \0\xE9"s, "", "EU é", "UTF-16BE"},
      // A byte-order mark wins over a wrong declaration.
      {"bom beats declaration", "\xEF\xBB\xBF" "café", "iso-8859-1", "café", "UTF-8"},
      // Valid UTF-8 without a mark needs no declaration.
      {"plain utf-8", "Straße", "", "Straße", "UTF-8"},
      // Pure ASCII is UTF-8 whatever the page declares.
      {"ascii", "cyber norms", "windows-1252", "cyber norms", "UTF-8"},
      // A page declaring ISO-8859-1 with Latin-1 bytes.
      {"declared latin-1", "Caf\xE9 diplomatique", "ISO-8859-1", "Café diplomatique", "ISO-8859-1"},
      // Nothing to decode is still a success.
      {"empty", "", "", "", "UTF-8"},
  };
  for (const DecodeCase& c : cases) {
    const std::optional<Decoded> decoded = decode_to_utf8(c.bytes, c.declared);
    ASSERT_TRUE(decoded.has_value()) << c.what;
    EXPECT_EQ(decoded->utf8, c.expected_utf8) << c.what;
    EXPECT_EQ(decoded->charset, c.expected_charset) << c.what;
  }
}

struct Utf16Case {
  const char* what;
  std::string bytes;
  std::string expected;  ///< "UTF-16LE", "UTF-16BE" or empty.
};

TEST(Charset, RecognisesUtf16WithoutByteOrderMark) {
  const Utf16Case cases[] = {
      // ASCII text, little-endian: NUL at every odd position.
      {"le text", "C\0y\0b\0e\0r\0 \0n\0o\0r\0m\0s\0\n\0"s, "UTF-16LE"},
      // The same, big-endian.
      {"be text", "\0C\0y\0b\0e\0r\0 \0n\0o\0r\0m\0s\0\n"s, "UTF-16BE"},
      // French, with é (U+00E9) among the ASCII letters.
      {"le latin-1 letters", "S\0\xE9\0c\0u\0r\0i\0t\0\xE9\0"s, "UTF-16LE"},
      // 16-bit numbers have the same NUL pattern but are control characters.
      {"16-bit numbers", "\x03\0\x11\0\x07\0\x1F\0\x02\0\x05\0\x09\0\x01\0"s, ""},
      // Zero bytes only.
      {"all nul", std::string(64, '\0'), ""},
      // NUL bytes in both positions (32-bit integers).
      {"32-bit numbers", "\x41\0\0\0\x42\0\0\0\x43\0\0\0\x44\0\0\0"s, ""},
      // UTF-8 text has no NUL bytes at all.
      {"utf-8", "Cyber norms and rules", ""},
      // Too short to tell.
      {"short", "a\0b\0"s, ""},
  };
  for (const Utf16Case& c : cases) {
    EXPECT_EQ(utf16_without_bom(c.bytes), c.expected) << c.what;
  }
  // Decoded with ICU.
  const auto decoded = decode_to_utf8("\0C\0y\0b\0e\0r\0 \0n\0o\0r\0m\0s\0 \0\xE9"s, "");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->utf8, "Cyber norms é");
  EXPECT_EQ(decoded->charset, "UTF-16BE");
}

struct UndeclaredCase {
  const char* what;
  std::string bytes;
  std::string expected_utf8;
};

// Latin-1 and windows-1252 text without any declaration: ICU's detection must
// not leave "D\xE9marche" as a replacement character.
TEST(Charset, DetectsSingleByteCharsetsWithoutDeclaration) {
  const UndeclaredCase cases[] = {
      // One French word, as in a file name or a title-only note.
      {"short word", "D\xE9marche", "Démarche"},
      // A French sentence.
      {"french sentence",
       "D\xE9marche diplomatique de l'Union europ\xE9" "enne sur la cybers\xE9" "curit\xE9 et les normes.\n",
       "Démarche diplomatique de l'Union européenne sur la cybersécurité et les normes.\n"},
      // German with an umlaut.
      {"german", "Sicherheitspolitik f\xFCr Europa", "Sicherheitspolitik für Europa"},
      // Curly quotes, the euro sign and an en dash sit in windows-1252's 0x80-0x9F
      // range, where ISO-8859-1 has invisible control characters.
      {"windows-1252 punctuation", "The \x93" "Cyber Diplomacy Toolbox\x94 costs \x80" "5 million \x96 a first.\n",
       "The “Cyber Diplomacy Toolbox” costs €5 million – a first.\n"},
  };
  for (const UndeclaredCase& c : cases) {
    const std::optional<Decoded> decoded = decode_to_utf8(c.bytes, "");
    ASSERT_TRUE(decoded.has_value()) << c.what;
    EXPECT_EQ(decoded->utf8, c.expected_utf8) << c.what;
    EXPECT_NE(decoded->charset, "UTF-8") << c.what;
  }
}

// A page that says UTF-8 but was saved in Latin-1 (a common CMS mistake).
TEST(Charset, RepairsMislabelledUtf8) {
  // "\xE9" is é in Latin-1; a string break stops the escape swallowing the next letter.
  const std::string bytes = "La d\xE9marche europ\xE9" "enne en mati\xE8re de cyberdiplomatie est d\xE9" "crite ici.";
  const std::optional<Decoded> decoded = decode_to_utf8(bytes, "utf-8");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->utf8, "La démarche européenne en matière de cyberdiplomatie est décrite ici.");
  EXPECT_NE(decoded->charset, "utf-8");
}

// A charset name ICU has never heard of does not stop decoding.
TEST(Charset, IgnoresUnknownDeclaredCharset) {
  const std::optional<Decoded> decoded =
      decode_to_utf8("Caf\xE9 de la paix et de la s\xE9" "curit\xE9", "x-no-such-charset");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->utf8, "Café de la paix et de la sécurité");
}

struct Utf8Case {
  const char* what;
  std::string bytes;
  bool valid;
};

TEST(Charset, IsValidUtf8) {
  const Utf8Case cases[] = {
      // Nothing at all.
      {"empty", "", true},
      // Plain ASCII.
      {"ascii", "norms", true},
      // Two-byte sequence.
      {"two bytes", "é", true},
      // Three-byte sequence.
      {"three bytes", "€", true},
      // Four-byte sequence (U+1F510, a padlock emoji).
      {"four bytes", "\xF0\x9F\x94\x90", true},
      // The highest code point, U+10FFFF.
      {"highest code point", "\xF4\x8F\xBF\xBF", true},
      // NUL is a valid character (callers decide what it means).
      {"embedded nul", "a\0b"s, true},
      // A Latin-1 byte on its own.
      {"latin-1 byte", "D\xE9marche", false},
      // "/" encoded in two bytes: overlong, a security hole if accepted.
      {"overlong two bytes", "\xC0\xAF", false},
      // NUL encoded in two bytes (Java's modified UTF-8).
      {"overlong nul", "\xC0\x80", false},
      // "/" encoded in three bytes.
      {"overlong three bytes", "\xE0\x80\xAF", false},
      // U+FFFF encoded in four bytes.
      {"overlong four bytes", "\xF0\x8F\xBF\xBF", false},
      // A UTF-16 high surrogate (U+D800) encoded as UTF-8 (CESU-8).
      {"high surrogate", "\xED\xA0\x80", false},
      // A low surrogate (U+DFFF).
      {"low surrogate", "\xED\xBF\xBF", false},
      // Beyond U+10FFFF.
      {"above unicode", "\xF4\x90\x80\x80", false},
      // A three-byte sequence cut after two bytes, at the end.
      {"truncated at end", "cost \xE2\x82", false},
      // A two-byte lead followed by ASCII.
      {"truncated mid-text", "\xC3" "a", false},
      // A continuation byte without a lead.
      {"lone continuation", "\x80", false},
      // Five-byte forms were removed from UTF-8.
      {"five-byte lead", "\xF8\x88\x80\x80\x80", false},
      // 0xFF never appears in UTF-8.
      {"byte ff", "\xFF", false},
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << c.what;
  }
}

}  // namespace
}  // namespace cydex::ingest
