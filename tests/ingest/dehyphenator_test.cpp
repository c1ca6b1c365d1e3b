// SPDX-License-Identifier: Apache-2.0
#include "dehyphenator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cydex::ingest {
namespace {

std::vector<corpus::Page> pages_of(const std::vector<std::string>& texts) {
  std::vector<corpus::Page> pages;
  for (const std::string& text : texts) pages.push_back(corpus::Page{static_cast<int>(pages.size()) + 1, text});
  return pages;
}

std::string dehyphenated(const std::string& text) {
  std::vector<corpus::Page> pages = pages_of({text});
  dehyphenate(pages);
  return pages.front().text;
}

struct DehyphenCase {
  const char* what;
  std::string input;
  std::string expected;
};

TEST(Dehyphenator, JoinsOrKeepsWordsSplitAtLineEnds) {
  const DehyphenCase cases[] = {
      // A printer's hyphenation, nothing else known: joined; the word completes the first line.
      {"plain split", "a set of dip-\nlomatic\npractices", "a set of diplomatic\npractices"},
      // The split compound also appears unbroken with its hyphen: the hyphen stays.
      {"known compound", "in multi-stakeholder formats.\nthe multi-\nstakeholder\napproach",
       "in multi-stakeholder formats.\nthe multi-stakeholder\napproach"},
      // An acronym before the hyphen: "EU-wide" is a compound.
      {"acronym head", "an EU-\nwide\nframework", "an EU-wide\nframework"},
      // The joined word appears elsewhere: joined even though the head is in capitals.
      {"joined word evidence", "CYBERSECURITY matters.\nCYBER-\nsecurity\nfor all",
       "CYBERSECURITY matters.\nCYBERsecurity\nfor all"},
      // Joined-word evidence outranks a compound seen elsewhere.
      {"joined beats compound", "cybersecurity and cyber-security.\ncyber-\nsecurity\nnow",
       "cybersecurity and cyber-security.\ncybersecurity\nnow"},
      // A compound with two hyphens, split at the second one, is kept whole.
      {"split in a chain", "the cyber-diplomat-in-chief said.\nthe cyber-diplomat-\nin-chief\nsaid",
       "the cyber-diplomat-in-chief said.\nthe cyber-diplomat-in-chief\nsaid"},
      // Accented letters before the split.
      {"accented head", "la coopé-\nration\nentre", "la coopération\nentre"},
  };
  for (const DehyphenCase& c : cases) {
    EXPECT_EQ(dehyphenated(c.input), c.expected) << c.what;
  }
}

TEST(Dehyphenator, KeepsTheRestOfTheNextLineApart) {
  const DehyphenCase cases[] = {
      // Regression: the word after the tail was glued to it ("diplomaticpractices").
      {"words after the tail", "a set of dip-\nlomatic practices concerned with\nthe",
       "a set of diplomatic\npractices concerned with\nthe"},
      // Punctuation attached to the tail stays with the word.
      {"comma after tail", "cyber dip-\nlomacy, as\nsuch", "cyber diplomacy,\nas\nsuch"},
      // A full stop ending the sentence.
      {"full stop after tail", "the toolbox of dip-\nlomacy. It\nworks", "the toolbox of diplomacy.\nIt\nworks"},
      // The tail is the whole next line.
      {"tail ends the line", "dip-\nlomacy\nnext", "diplomacy\nnext"},
      // The tail ends the page.
      {"tail ends the page", "dip-\nlomacy", "diplomacy"},
  };
  for (const DehyphenCase& c : cases) {
    EXPECT_EQ(dehyphenated(c.input), c.expected) << c.what;
  }
}

TEST(Dehyphenator, LeavesOtherHyphensAlone) {
  const DehyphenCase cases[] = {
      // A hyphen inside a line is a compound.
      {"inner hyphen", "non-state actors", "non-state actors"},
      // The next line starts with a capital: a new sentence or a name, not a fragment.
      {"capital after", "Council-\nSecretariat", "Council-\nSecretariat"},
      // Year ranges.
      {"digits", "2019-\n2020", "2019-\n2020"},
      // "G7-led": the hyphen after a digit is never a printer's.
      {"digit head", "a G7-\nled\ninitiative", "a G7-\nled\ninitiative"},
      // A dash standing alone at the end of a line.
      {"spaced dash", "norms -\nand more", "norms -\nand more"},
      // A hyphen at the very end of the text has nothing to join.
      {"at the end", "multi-", "multi-"},
  };
  for (const DehyphenCase& c : cases) {
    EXPECT_EQ(dehyphenated(c.input), c.expected) << c.what;
  }
}

// The document's vocabulary is gathered over all its pages.
TEST(Dehyphenator, UsesEvidenceFromOtherPages) {
  std::vector<corpus::Page> pages = pages_of({
      "Page one speaks of non-state actors.",
      "and non-\nstate\nactors again; cyber-\nspace\nmatters",
      "cyberspace is everywhere.",
  });
  dehyphenate(pages);
  EXPECT_EQ(pages[0].text, "Page one speaks of non-state actors.");
  EXPECT_EQ(pages[1].text, "and non-state\nactors again; cyberspace\nmatters");
  EXPECT_EQ(pages[2].text, "cyberspace is everywhere.");
  EXPECT_EQ(pages[1].number, 2);
}

TEST(Dehyphenator, HandlesNoPagesAndEmptyPages) {
  std::vector<corpus::Page> none;
  dehyphenate(none);
  EXPECT_TRUE(none.empty());
  std::vector<corpus::Page> empty = pages_of({"", "-\n", "\n-"});
  dehyphenate(empty);
  EXPECT_EQ(empty[0].text, "");
  EXPECT_EQ(empty[1].text, "-\n");
  EXPECT_EQ(empty[2].text, "\n-");
}

}  // namespace
}  // namespace cydex::ingest
