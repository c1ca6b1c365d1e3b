// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/text_cleaner.h"

#include <gtest/gtest.h>

#include <string>

namespace cydex::ingest {
namespace {

struct CleanCase {
  const char* what;
  std::string input;
  std::string expected;
};

TEST(TextCleaner, NormalisesCharactersAReaderCannotTellApart) {
  const CleanCase cases[] = {
      // The "fi" ligature PDF fonts emit: a search for "finance" must find it.
      {"fi ligature", "\xEF\xAC\x81nance", "finance"},
      // "ff" and "ffl" ligatures inside words.
      {"ff and ffl ligatures", "e\xEF\xAC\x80" "ective ba\xEF\xAC\x84" "es", "effective baffles"},
      // Full-width Latin letters from East Asian documents.
      {"full-width EU", "\xEF\xBC\xA5\xEF\xBC\xB5 strategy", "EU strategy"},
      // A decomposed accent (e + COMBINING ACUTE) becomes the single NFC character.
      {"nfc composition", "De\xCC\x81marche", "Démarche"},
      // Trade mark and superscripts are not ligatures: they keep their look.
      {"trade mark kept", "Cyber™ Act", "Cyber™ Act"},
  };
  for (const CleanCase& c : cases) {
    EXPECT_EQ(clean_text(c.input), c.expected) << c.what;
  }
}

TEST(TextCleaner, RemovesInvisibleCharactersAndPlainsSpaces) {
  const CleanCase cases[] = {
      // A soft hyphen marks where a word may break; it is not part of the word.
      {"soft hyphen", "cyber\xC2\xADsecurity", "cybersecurity"},
      // Zero-width space, joiner and non-joiner vanish.
      {"zero-width characters", "cyber\xE2\x80\x8Bspa\xE2\x80\x8D" "ce\xE2\x80\x8C", "cyberspace"},
      // A byte-order mark in the middle of text (concatenated files).
      {"inner byte-order mark", "EU\xEF\xBB\xBF Council", "EU Council"},
      // No-break space between a number and its unit.
      {"no-break space", "45\xC2\xA0" "000 PCs", "45 000 PCs"},
      // Narrow no-break and em spaces are spaces too.
      {"other spaces", "a\xE2\x80\xAF" "b\xE2\x80\x83" "c", "a b c"},
      // Tabs and runs of spaces collapse to one space.
      {"space runs", "norms \t  of   behaviour", "norms of behaviour"},
      // Spaces at either end of a line go.
      {"trimmed lines", "  first  \n  second  ", "first\nsecond"},
      // Control characters other than line ends are dropped.
      {"control bytes", "a\x01" "b\x07" "c", "abc"},
  };
  for (const CleanCase& c : cases) {
    EXPECT_EQ(clean_text(c.input), c.expected) << c.what;
  }
}

TEST(TextCleaner, NormalisesLineEnds) {
  const CleanCase cases[] = {
      // Windows line ends.
      {"crlf", "first\r\nsecond\r\n", "first\nsecond"},
      // Old Mac line ends.
      {"lone cr", "first\rsecond", "first\nsecond"},
      // poppler separates pages with a form feed.
      {"form feed", "page one\fpage two", "page one\npage two"},
      // Unicode line and paragraph separators.
      {"unicode separators", "a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "a\nb\nc"},
      // Any number of blank lines is one paragraph break.
      {"blank lines collapse", "one\n\n\n\n\ntwo", "one\n\ntwo"},
      // Lines holding only spaces are blank lines.
      {"space-only lines", "one\n   \n \t \ntwo", "one\n\ntwo"},
      // Blank lines before the first and after the last text go.
      {"leading and trailing blanks", "\n\n\ntext\n\n\n", "text"},
      // A hyphen at a line end is left for the dehyphenator, which knows the document's words.
      {"line-end hyphen kept", "dip-\r\nlomatic", "dip-\nlomatic"},
  };
  for (const CleanCase& c : cases) {
    EXPECT_EQ(clean_text(c.input), c.expected) << c.what;
  }
}

TEST(TextCleaner, ReplacesInvalidUtf8WithReplacementCharacter) {
  const std::string kReplacement = "\xEF\xBF\xBD";
  const CleanCase cases[] = {
      // A Latin-1 byte that reached the cleaner undecoded.
      {"latin-1 byte", "D\xE9marche", "D" + kReplacement + "marche"},
      // A sequence cut off at the end of the text.
      {"truncated at end", "cost \xE2\x82", "cost " + kReplacement},
      // A continuation byte without a lead byte.
      {"lone continuation", "a\x80z", "a" + kReplacement + "z"},
      // An overlong encoding of "/" (a classic path-traversal trick).
      {"overlong", "a\xC0\xAFz", "a" + kReplacement + kReplacement + "z"},
  };
  for (const CleanCase& c : cases) {
    EXPECT_EQ(clean_text(c.input), c.expected) << c.what;
  }
}

TEST(TextCleaner, LeavesCleanTextAlone) {
  const std::string text = "Cyber diplomacy – a set of diplomatic practices.\n\nSecond paragraph.";
  EXPECT_EQ(clean_text(text), text);
  EXPECT_EQ(clean_text(""), "");
}

}  // namespace
}  // namespace cydex::ingest
