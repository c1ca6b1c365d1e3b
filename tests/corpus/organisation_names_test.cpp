// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/organisation_names.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace cydex::corpus {
namespace {

/// The names of the shipped taxonomy; empty (and the test failed) when it does not load.
OrganisationNames project_names() {
  const auto taxonomy = Taxonomy::load(testing::source_dir() / "corpus" / "taxonomy");
  EXPECT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  return taxonomy.has_value() ? OrganisationNames(*taxonomy) : OrganisationNames();
}

TEST(OrganisationNames, GivesEveryNameOfAnOrganisationOneDisplayName) {
  const OrganisationNames names = project_names();
  struct Case {
    const char* given;
    const char* display;
  };
  const Case cases[] = {
      {"EEAS", "European External Action Service"},                         // acronym alias
      {"European External Action Service", "European External Action Service"},  // the label itself
      {"the EEAS", "European External Action Service"},                     // leading article
      {"The  European\tExternal Action Service ", "European External Action Service"},  // spaces and case
      {"european external action service", "European External Action Service"},        // ASCII case
      {"Europäischer Auswärtiger Dienst", "European External Action Service"},         // German alias
      {"ENISA", "ENISA"},                                                   // label is the acronym
      {"European Union Agency for Cybersecurity", "ENISA"},                 // long form
      {"OECD", "Organisation for Economic Co-operation and Development"},   // as the shared manifest writes it
      {"EU", "European Union"},
  };
  for (const Case& c : cases) EXPECT_EQ(names.canonical(c.given), c.display) << c.given;
}

TEST(OrganisationNames, PassesUnknownNamesThroughTrimmedWithSpacesCollapsed) {
  const OrganisationNames names = project_names();
  EXPECT_EQ(names.canonical("  Stiftung Neue Verantwortung (SNV) "), "Stiftung Neue Verantwortung (SNV)");
  EXPECT_EQ(names.canonical("INCIBE-CERT\t (Spanish National\n Cybersecurity Institute)"),
            "INCIBE-CERT (Spanish National Cybersecurity Institute)");
  EXPECT_EQ(names.canonical("German\xC2\xA0" "Federal Foreign Office"), "German Federal Foreign Office");
  EXPECT_EQ(names.canonical(""), "");
  EXPECT_EQ(names.canonical("the"), "the");  // an article alone is not stripped to nothing
}

TEST(OrganisationNames, LeavesStatesAlone) {
  // A publisher named after a state's government is a body of that state;
  // "Germany" as a publisher stays what the librarian wrote.
  const OrganisationNames names = project_names();
  EXPECT_EQ(names.canonical("Deutschland"), "Deutschland");
  EXPECT_EQ(names.tag_for("Deutschland"), "");
  EXPECT_EQ(names.tag_for("the EEAS"), "actor:eeas");
  EXPECT_EQ(names.tag_for("United Nations"), "actor:un");
}

TEST(OrganisationNames, ReadsAnyTaxonomyFolder) {
  const testing::TempDir dir;
  dir.write("orgs.tsv",
            "actor:cyber-institute\tlabel\ten\tCyber Institute\n"
            "actor:cyber-institute\talias\t*\tCI\tcase\n"
            "actor:fr\tlabel\ten\tFrance\n");
  auto taxonomy = Taxonomy::load(dir.path());
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  const OrganisationNames names(*taxonomy);
  EXPECT_EQ(names.canonical("CI"), "Cyber Institute");
  EXPECT_EQ(names.canonical("France"), "France");
  EXPECT_EQ(names.size(), 2U);
}

}  // namespace
}  // namespace cydex::corpus
