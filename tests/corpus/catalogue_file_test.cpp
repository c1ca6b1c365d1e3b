// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/catalogue_file.h"

#include <gtest/gtest.h>

#include "cydex/corpus/catalogue.h"
#include "temp_dir.h"

namespace cydex::corpus {
namespace {

TEST(CatalogueFile, ChangesOneCellAndKeepsEverythingElseByteForByte) {
  const testing::TempDir dir;
  const std::string before =
      "# The shelf's record.\n"
      "path\ttitle\torganisation\tyear\tshelfmark\n"
      "\n"
      "a.pdf\tA\tOSCE\t2020\tR-17\n"
      "sub/b.pdf\tB  spaced\t\t2019\r\n"
      "# trailing comment\n";
  const auto file = dir.write("shelf/catalogue.tsv", before);
  auto catalogue = CatalogueFile::open(file);
  ASSERT_TRUE(catalogue.has_value()) << catalogue.error().message();
  catalogue->set(dir.path() / "shelf" / "a.pdf", "year", "2021");
  ASSERT_TRUE(catalogue->save().has_value());
  EXPECT_EQ(testing::read_file(file),
            "# The shelf's record.\n"
            "path\ttitle\torganisation\tyear\tshelfmark\n"
            "\n"
            "a.pdf\tA\tOSCE\t2021\tR-17\n"
            "sub/b.pdf\tB  spaced\t\t2019\r\n"
            "# trailing comment\n");
}

TEST(CatalogueFile, AddsRowsAndColumnsTheLoaderReads) {
  const testing::TempDir dir;
  const auto file = dir.write("shelf/catalogue.tsv", "path\ttitle\na.pdf\tA\n");
  auto catalogue = CatalogueFile::open(file);
  ASSERT_TRUE(catalogue.has_value());
  catalogue->set(dir.path() / "shelf" / "deep" / "c.pdf", "organisation", "EEAS");
  catalogue->set(dir.path() / "shelf" / "a.pdf", "excluded", "yes");
  catalogue->set(dir.path() / "shelf" / "a.pdf", "notes", "");  // clearing an absent column adds none
  ASSERT_TRUE(catalogue->save().has_value());
  EXPECT_EQ(testing::read_file(file), "path\ttitle\torganisation\texcluded\na.pdf\tA\t\tyes\ndeep/c.pdf\t\tEEAS\n");

  Catalogue loaded;
  ASSERT_TRUE(loaded.load(file).has_value());
  EXPECT_TRUE(loaded.is_excluded(dir.path() / "shelf" / "a.pdf"));
  ASSERT_NE(loaded.find_record(dir.path() / "shelf" / "deep" / "c.pdf"), nullptr);
  EXPECT_EQ(loaded.find_record(dir.path() / "shelf" / "deep" / "c.pdf")->metadata.organisation, "EEAS");
  EXPECT_FALSE(loaded.is_excluded(dir.path() / "shelf" / "deep" / "c.pdf"));

  auto reopened = CatalogueFile::open(file);
  ASSERT_TRUE(reopened.has_value());
  const auto row = reopened->row(dir.path() / "shelf" / "a.pdf");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(*row, (std::map<std::string, std::string>{{"path", "a.pdf"}, {"title", "A"}, {"excluded", "yes"}}));
  EXPECT_FALSE(reopened->row(dir.path() / "shelf" / "b.pdf").has_value());
}

TEST(CatalogueFile, CreatesAMissingCatalogueWithTheStandardHeader) {
  const testing::TempDir dir;
  const auto file = dir.path() / "catalogue.tsv";
  auto catalogue = CatalogueFile::open(file);
  ASSERT_TRUE(catalogue.has_value());
  catalogue->set(dir.path() / "x.txt", "year", "2001");
  ASSERT_TRUE(catalogue->save().has_value());
  EXPECT_EQ(testing::read_file(file), "path\ttitle\torganisation\tyear\tlanguage\turl\tnotes\nx.txt\t\t\t2001\n");
}

TEST(CatalogueFile, RefusesACatalogueWithoutAPathColumn) {
  const testing::TempDir dir;
  const auto file = dir.write("catalogue.tsv", "# note\ntitle\tyear\n");
  auto catalogue = CatalogueFile::open(file);
  ASSERT_FALSE(catalogue.has_value());
  EXPECT_EQ(catalogue.error().line, 2);
  EXPECT_NE(catalogue.error().message().find("no 'path' column"), std::string::npos);
}

TEST(Catalogue, ReadsNotesAndTheExcludedMark) {
  const testing::TempDir dir;
  const auto file = dir.write("catalogue.tsv", "path\tnotes\texcluded\na.pdf\tseen twice\t\nb.pdf\t\tyes\n");
  Catalogue catalogue;
  ASSERT_TRUE(catalogue.load(file).has_value());
  ASSERT_NE(catalogue.find_record(dir.path() / "a.pdf"), nullptr);
  EXPECT_EQ(catalogue.find_record(dir.path() / "a.pdf")->notes, "seen twice");
  EXPECT_EQ(catalogue.find_record(dir.path() / "a.pdf")->line, 2);
  EXPECT_FALSE(catalogue.is_excluded(dir.path() / "a.pdf"));
  EXPECT_TRUE(catalogue.is_excluded(dir.path() / "b.pdf"));
  EXPECT_FALSE(catalogue.is_excluded(dir.path() / "c.pdf"));
}

}  // namespace
}  // namespace cydex::corpus
