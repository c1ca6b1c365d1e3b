// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/taxonomy.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "temp_dir.h"

namespace cydex::corpus {
namespace {

std::filesystem::path shipped_folder() { return testing::source_dir() / "corpus" / "taxonomy"; }

TEST(Taxonomy, LoadsTheShippedDataWithEveryContractIdentifier) {
  const auto taxonomy = Taxonomy::load(shipped_folder());
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  // The identifiers the contract (taxonomy-ids.md) requires by name.
  for (const char* id :
       {"norm:13a", "norm:13b", "norm:13c", "norm:13d", "norm:13e", "norm:13f", "norm:13g", "norm:13h", "norm:13i",
        "norm:13j", "norm:13k", "norm:framework", "actor:de", "actor:us", "actor:cn", "actor:ru", "actor:fr",
        "actor:gb", "actor:jp", "actor:kr", "actor:au", "actor:eu", "actor:un", "actor:osce", "actor:nato",
        "actor:council-of-europe", "actor:oecd", "actor:asean", "actor:african-union", "actor:oas", "actor:g7",
        "actor:g20", "actor:itu", "actor:interpol", "actor:europol", "actor:eurojust", "actor:enisa", "actor:cert-eu",
        "actor:eeas", "actor:european-commission", "actor:council-of-the-eu", "actor:european-parliament",
        "actor:freedom-online-coalition", "actor:gfce", "actor:un-gge", "actor:un-oewg", "actor:un-security-council",
        "actor:un-general-assembly", "actor:un-human-rights-council", "actor:unidir", "actor:icrc",
        "instrument:un-charter", "instrument:budapest-convention", "instrument:un-cybercrime-convention",
        "instrument:gge-report-2013", "instrument:gge-report-2015", "instrument:gge-report-2021",
        "instrument:oewg-report-2021", "instrument:un-programme-of-action", "instrument:tallinn-manual",
        "instrument:paris-call", "instrument:christchurch-call", "instrument:osce-cbms",
        "instrument:eu-cyber-diplomacy-toolbox", "instrument:eu-cyber-sanctions", "instrument:eu-cybersecurity-strategy",
        "instrument:nis-directive", "instrument:nis2-directive", "instrument:eu-cybersecurity-act",
        "instrument:cyber-resilience-act", "instrument:gdpr", "instrument:eprivacy-directive",
        "instrument:eidas-regulation", "instrument:law-enforcement-directive", "instrument:eu-blueprint",
        "instrument:e-evidence", "instrument:solidarity-clause", "instrument:mutual-defence-clause",
        "instrument:dual-use-regulation", "instrument:wassenaar-arrangement"}) {
    EXPECT_NE(taxonomy->find(id), nullptr) << id;
  }
  EXPECT_EQ(taxonomy->find("actor:xx"), nullptr);
}

TEST(Taxonomy, ShippedDataCoversEveryUnMemberStateAndTheNorms) {
  const auto taxonomy = Taxonomy::load(shipped_folder());
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  std::set<std::string> states;
  int norms = 0;
  for (const Tag& tag : taxonomy->tags()) {
    if (tag.category() == "norm") ++norms;
    // States are two letters; "eu" and "un" are reserved by ISO for the organisations, "g7" has a digit.
    const std::string slug = tag.id.substr(tag.id.find(':') + 1);
    const bool two_letters = slug.size() == 2 && std::isalpha(static_cast<unsigned char>(slug[1])) != 0;
    if (tag.category() == "actor" && two_letters && slug != "eu" && slug != "un") states.insert(tag.id);
    EXPECT_FALSE(tag.aliases.empty()) << tag.id << " could never be found";
  }
  EXPECT_EQ(states.size(), 193u);  // the UN's 193 member states, and only them
  EXPECT_EQ(norms, 12);            // 13(a) to 13(k) and the framework
  const Tag* germany = taxonomy->find("actor:de");
  ASSERT_NE(germany, nullptr);
  std::set<std::string> texts;
  for (const Alias& alias : germany->aliases) texts.insert(alias.text);
  for (const char* name : {"Germany", "Federal Republic of Germany", "German Government", "Deutschland",
                           "Bundesrepublik Deutschland", "Allemagne", "Alemania"}) {
    EXPECT_TRUE(texts.contains(name)) << name;
  }
}

TEST(Taxonomy, ReadsOptionsLabelsAndAliases) {
  const testing::TempDir dir;
  dir.write("t/a.tsv",
            "\xEF\xBB\xBF# a comment, then a blank line\n"
            "\n"
            "norm:13j\tlabel\ten\tNorm 13(j)\tdisplay-only\r\n"
            "norm:13j\talias\ten\tvulnerability disclosure\n"
            "actor:ge\tlabel\ten\tGeorgia\tnot-followed-by=Tech|State University, not-preceded-by=Atlanta,not-before-name\n"
            "actor:eu\tlabel\t*\tEU\tcase\n"
            "actor:eu\talias\tde\tEuropäische Union\n");
  const auto taxonomy = Taxonomy::load(dir.path() / "t");
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  ASSERT_EQ(taxonomy->tags().size(), 3u);
  const Tag& norm = taxonomy->tags()[0];
  EXPECT_EQ(norm.label, "Norm 13(j)");
  ASSERT_EQ(norm.aliases.size(), 1u);  // a display-only label is not matched
  EXPECT_EQ(norm.aliases[0].text, "vulnerability disclosure");
  const Tag& georgia = taxonomy->tags()[1];
  ASSERT_EQ(georgia.aliases.size(), 1u);
  EXPECT_EQ(georgia.aliases[0].options.not_followed_by, (std::vector<std::string>{"Tech", "State University"}));
  EXPECT_EQ(georgia.aliases[0].options.not_preceded_by, (std::vector<std::string>{"Atlanta"}));
  EXPECT_TRUE(georgia.aliases[0].options.not_before_name);
  EXPECT_FALSE(georgia.aliases[0].options.case_sensitive);
  const Tag* eu = taxonomy->find("actor:eu");
  ASSERT_NE(eu, nullptr);
  ASSERT_EQ(eu->aliases.size(), 2u);
  EXPECT_TRUE(eu->aliases[0].options.case_sensitive);
  EXPECT_EQ(eu->aliases[1].language, "de");
  EXPECT_EQ(eu->category(), "actor");
}

TEST(Taxonomy, ReadsFilesInNameOrder) {
  const testing::TempDir dir;
  dir.write("t/b.tsv", "actor:un\tlabel\ten\tUnited Nations\n");
  dir.write("t/a.tsv", "actor:eu\tlabel\ten\tEuropean Union\n");
  dir.write("t/notes.txt", "not a taxonomy file\n");
  const auto taxonomy = Taxonomy::load(dir.path() / "t");
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  ASSERT_EQ(taxonomy->tags().size(), 2u);
  EXPECT_EQ(taxonomy->tags()[0].id, "actor:eu");
  EXPECT_EQ(taxonomy->tags()[1].id, "actor:un");
}

struct BadFile {
  const char* name;
  const char* content;
  int line;
  const char* detail;  ///< Expected part of the message.
};

TEST(Taxonomy, RejectsBadDataNamingFileLineAndProblem) {
  const BadFile cases[] = {
      // A category the contract does not define.
      {"category", "# c\ntopic:x\tlabel\ten\tX\n", 2, "unknown category 'topic' in id 'topic:x'"},
      // Upper case, underscores and missing colons are not identifiers.
      {"upper", "actor:DE\tlabel\ten\tGermany\n", 1, "bad id 'actor:DE'"},
      {"underscore", "actor:council_of_europe\tlabel\ten\tCoE\n", 1, "bad id"},
      {"double-hyphen", "actor:a--b\tlabel\ten\tAB\n", 1, "bad id"},
      {"no-colon", "germany\tlabel\ten\tGermany\n", 1, "bad id 'germany': expected CATEGORY:slug"},
      {"one-letter", "actor:d\tlabel\ten\tD\n", 1, "bad id"},
      // An alias needs its tag's label above it.
      {"alias-first", "actor:de\talias\tde\tDeutschland\nactor:de\tlabel\ten\tGermany\n", 1,
       "alias for 'actor:de' before its label row"},
      {"alias-other", "actor:de\tlabel\ten\tGermany\nactor:fr\talias\tfr\tFrance\n", 2, "alias for 'actor:fr'"},
      // One label per tag, wherever the first one is.
      {"two-labels", "actor:de\tlabel\ten\tGermany\n\nactor:de\tlabel\tde\tDeutschland\n", 3,
       "second label for 'actor:de' (first at two-labels.tsv:1)"},
      {"option", "actor:au\tlabel\ten\tAU\tcase,whole-word\n", 1, "unknown option 'whole-word'"},
      {"option-value", "actor:ge\tlabel\ten\tGeorgia\tnot-followed-by\n", 1, "option 'not-followed-by' needs"},
      {"option-empty-phrase", "actor:ge\tlabel\ten\tGeorgia\tnot-followed-by=Tech||x\n", 1, "needs phrases"},
      {"flag-value", "actor:au\tlabel\ten\tAU\tcase=yes\n", 1, "option 'case' takes no value"},
      {"display-alias", "actor:de\tlabel\ten\tGermany\nactor:de\talias\ten\tDE\tdisplay-only\n", 2,
       "applies to label rows only"},
      // Columns are tab-separated; spaces do not separate them.
      {"three-columns", "actor:de\tlabel\ten Germany\n", 1, "expected 4 or 5 tab-separated columns"},
      {"six-columns", "actor:de\tlabel\ten\tGermany\tcase\textra\n", 1, "found 6"},
      {"kind", "actor:de\tname\ten\tGermany\n", 1, "unknown kind 'name'"},
      {"language", "actor:de\tlabel\tit\tGermania\n", 1, "unknown language 'it'"},
      {"empty-text", "actor:de\tlabel\ten\t  \n", 1, "empty text"},
      {"utf8", "actor:de\tlabel\ten\tDeutschl\xE4nd\n", 1, "not valid UTF-8"},
      {"same-alias", "actor:de\tlabel\ten\tGermany\nactor:de\talias\tde\tGermany\n", 2, "already listed"},
  };
  for (const BadFile& bad : cases) {
    const testing::TempDir dir;
    const auto file = dir.write(std::string("t/") + bad.name + ".tsv", bad.content);
    const auto taxonomy = Taxonomy::load(dir.path() / "t");
    ASSERT_FALSE(taxonomy.has_value()) << bad.name;
    const TaxonomyError& error = taxonomy.error();
    EXPECT_EQ(error.path, file) << bad.name;
    EXPECT_EQ(error.line, bad.line) << bad.name << ": " << error.message();
    EXPECT_NE(error.detail.find(bad.detail), std::string::npos) << bad.name << ": " << error.message();
    EXPECT_EQ(error.message(), file.string() + ":" + std::to_string(bad.line) + ": " + error.detail);
  }
}

TEST(Taxonomy, RejectsMissingOrEmptyFolders) {
  const testing::TempDir dir;
  const auto missing = Taxonomy::load(dir.path() / "nowhere");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().line, 0);
  EXPECT_NE(missing.error().message().find("cannot read folder"), std::string::npos) << missing.error().message();

  dir.write("empty/readme.txt", "no data here\n");
  const auto empty = Taxonomy::load(dir.path() / "empty");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().message(), (dir.path() / "empty").string() + ": no *.tsv files");
}

}  // namespace
}  // namespace cydex::corpus
