// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/catalogue.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace cydex::corpus {
namespace {

TEST(Catalogue, ReadsTheBundledSampleCatalogue) {
  Catalogue catalogue;
  const auto loaded = catalogue.load(testing::sample_dir() / "catalogue.tsv");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message();
  EXPECT_EQ(*loaded, 5);
  const auto record = catalogue.find(testing::sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->title, "EU Cyber Diplomacy");
  EXPECT_EQ(record->organisation, "European Union (EEAS)");
  EXPECT_EQ(record->year, 2019);
  EXPECT_EQ(record->language, "en");
}

TEST(Catalogue, ResolvesPathsRelativeToItsFolderAndReadsEveryColumn) {
  const testing::TempDir dir;
  const auto file = dir.write("shelf/catalogue.tsv",
                              "# comment line\n"
                              "path\ttitle\torganisation\tdate\tlanguage\turl\tauthors\textra\n"
                              "\n"
                              "sub/a.pdf\tA Title\tOSCE\t2021-03-04\tde\thttps://x.example/a\tAnn; Bob\tignored\r\n");
  Catalogue catalogue;
  ASSERT_TRUE(catalogue.load(file).has_value());
  const auto record = catalogue.find(dir.path() / "shelf" / "sub" / "a.pdf");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->title, "A Title");
  EXPECT_EQ(record->organisation, "OSCE");
  EXPECT_EQ(record->year, 2021);
  EXPECT_EQ(record->date, "2021-03-04");
  EXPECT_EQ(record->language, "de");
  EXPECT_EQ(record->url, "https://x.example/a");
  EXPECT_EQ(record->authors, (std::vector<std::string>{"Ann", "Bob"}));
  EXPECT_FALSE(catalogue.find(dir.path() / "a.pdf").has_value());
}

TEST(Catalogue, ReportsErrorsWithFileAndLine) {
  struct Case {
    const char* what;
    const char* content;
    int line;
    const char* detail;
  };
  const Case cases[] = {
      // The header must name the path column.
      {"no path column", "title\tyear\nx\t2020\n", 1, "header has no 'path' column"},
      // A year that is not a year.
      {"bad year", "path\tyear\na.pdf\t2020\nb.pdf\tlast year\n", 3, "year 'last year' is not YYYY or YYYY-MM-DD"},
      // More fields than columns: a stray tab.
      {"extra field", "path\ttitle\na.pdf\tT\tstray\n", 2, "row has 3 fields, header has 2"},
      // A row without its path.
      {"empty path", "path\ttitle\n\tOnly a title\n", 2, "row has an empty path"},
  };
  for (const Case& c : cases) {
    const testing::TempDir dir;
    const auto file = dir.write("catalogue.tsv", c.content);
    Catalogue catalogue;
    const auto loaded = catalogue.load(file);
    ASSERT_FALSE(loaded.has_value()) << c.what;
    EXPECT_EQ(loaded.error().line, c.line) << c.what;
    EXPECT_EQ(loaded.error().message(), file.string() + ":" + std::to_string(c.line) + ": " + c.detail) << c.what;
    EXPECT_EQ(catalogue.size(), 0u) << c.what << ": nothing from a bad file is kept";
  }
}

TEST(Catalogue, MissingFileIsAnError) {
  Catalogue catalogue;
  const auto loaded = catalogue.load("/nonexistent/catalogue.tsv");
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().message(), "/nonexistent/catalogue.tsv: cannot open catalogue");
}

TEST(DocumentMetadata, OverlayKeepsFieldsTheRecordLeavesEmpty) {
  DocumentMetadata base;
  base.title = "From the file";
  base.year = 2001;
  base.language = "en";
  DocumentMetadata record;
  record.organisation = "EEAS";
  record.year = 2019;
  base.overlay(record);
  EXPECT_EQ(base.title, "From the file");
  EXPECT_EQ(base.organisation, "EEAS");
  EXPECT_EQ(base.year, 2019);
  EXPECT_EQ(base.language, "en");
}

}  // namespace
}  // namespace cydex::corpus

namespace cydex::corpus {
namespace {

TEST(Catalogue, MapsSitesToOrganisationsByLongestDomain) {
  const testing::TempDir dir;
  const auto file = dir.write("domains.tsv",
                              "# web sites and their publishers\n"
                              "domain\torganisation\n"
                              "auswaertiges-amt.de\tGerman Federal Foreign Office\n"
                              "europa.eu\tEuropean Union\n"
                              "eeas.europa.eu\tEuropean Union (EEAS)\n");
  Catalogue catalogue;
  ASSERT_EQ(*catalogue.load_domains(file), 3);
  struct Case {
    const char* url;
    std::optional<std::string> organisation;
  };
  const Case cases[] = {
      // A subdomain is covered by its domain.
      {"https://www.auswaertiges-amt.de/en/aussenpolitik/themen/-/229812", "German Federal Foreign Office"},
      // The longest listed domain wins.
      {"https://eeas.europa.eu/sites/eeas/files/x.pdf", "European Union (EEAS)"},
      {"https://commission.europa.eu/x", "European Union"},
      // Case and ports do not matter.
      {"HTTP://EUROPA.EU:8080/", "European Union"},
      // Unlisted hosts, look-alike suffixes and non-URLs map to nothing.
      {"https://example.org/", std::nullopt},
      {"https://notauswaertiges-amt.de/", std::nullopt},
      {"europa.eu", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(catalogue.organisation_for_url(c.url), c.organisation) << c.url;
}

TEST(Catalogue, DomainMapErrorsNameFileAndLine) {
  const testing::TempDir dir;
  const auto bad_header = dir.write("a/domains.tsv", "site\tpublisher\n");
  const auto bad_row = dir.write("b/domains.tsv", "domain\torganisation\nhttps://x.org/\tX\n");
  Catalogue catalogue;
  EXPECT_EQ(catalogue.load_domains(bad_header).error().message(),
            bad_header.string() + ":1: header must be 'domain<TAB>organisation'");
  EXPECT_EQ(catalogue.load_domains(bad_row).error().message(),
            bad_row.string() + ":2: 'https://x.org/' is not a domain name");
}

}  // namespace
}  // namespace cydex::corpus
