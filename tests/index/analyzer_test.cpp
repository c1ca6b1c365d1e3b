// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/analyzer.h"

#include <gtest/gtest.h>

namespace cydex::index {
namespace {

std::vector<std::string> terms(const Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : analyzer.tokenize(text)) out.push_back(token.term);
  return out;
}

TEST(Analyzer, FoldsCaseAccentsAndCompatibilityForms) {
  const Analyzer analyzer;
  struct Case {
    const char* what;
    const char* text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      // Case folding.
      {"case", "Cyber DIPLOMACY", {"cyber", "diplomacy"}},
      // Accents are folded so "démarche" matches "demarche".
      {"accents", "Démarche Außenpolitik", {"demarche", "aussenpolitik"}},
      // Ligatures and full-width letters are plain letters.
      {"ligature", "\xEF\xAC\x81nance ＥＵ", {"finance", "eu"}},
      // A soft hyphen inside a word does not split it.
      {"soft hyphen", "diplo\xC2\xADmacy", {"diplomacy"}},
      // Hyphens and slashes separate words; punctuation is not a word.
      {"hyphen", "EU-wide, 2019/797!", {"eu", "wide", "2019", "797"}},
      // Dotted acronyms collapse; decimals stay.
      {"acronym", "U.S. 1.5", {"us", "1.5"}},
      // The typographic apostrophe is an apostrophe.
      {"apostrophe", "EU’s", {"eu's"}},
  };
  for (const Case& c : cases) EXPECT_EQ(terms(analyzer, c.text), c.expected) << c.what;
}

TEST(Analyzer, ReportsByteOffsetsOfTheWordsAsWritten) {
  const Analyzer analyzer;
  const std::string text = "Die Démarche, 2019.";
  const std::vector<Token> tokens = analyzer.tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "Démarche");
  EXPECT_EQ(text.substr(tokens[2].start, tokens[2].end - tokens[2].start), "2019");
}

TEST(Analyzer, SurvivesInvalidUtf8AndDropsOverlongWords) {
  const Analyzer analyzer;
  EXPECT_EQ(terms(analyzer, std::string("ok \xFF\xFE bad")), (std::vector<std::string>{"ok", "bad"}));
  EXPECT_TRUE(terms(analyzer, std::string(200, 'a')).empty());
}

TEST(Analyzer, FoldJoinsTheWordsOfAPhrase) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.fold("Stiftung Neue Verantwortung (SNV)"), "stiftung neue verantwortung snv");
}

}  // namespace
}  // namespace cydex::index
