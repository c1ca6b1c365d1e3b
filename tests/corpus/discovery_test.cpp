// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/discovery.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace cydex::corpus {
namespace {

TEST(Discover, WalksFoldersSkipsHiddenEntriesAndFindsCatalogues) {
  const testing::TempDir dir;
  dir.write("a.pdf", "x");
  dir.write("sub/b.html", "x");
  dir.write("sub/catalogue.tsv", "path\n");
  dir.write(".hidden/c.txt", "x");
  dir.write("sub/.d.txt", "x");
  const Discovered found = discover({dir.path()});
  EXPECT_EQ(found.files, (std::vector<std::filesystem::path>{dir.path() / "a.pdf", dir.path() / "sub" / "b.html"}));
  EXPECT_EQ(found.catalogues, (std::vector<std::filesystem::path>{dir.path() / "sub" / "catalogue.tsv"}));
  EXPECT_TRUE(found.problems.empty());
}

TEST(Discover, NamedFileBringsItsFoldersCatalogueAndDuplicatesCollapse) {
  const testing::TempDir dir;
  const auto file = dir.write("a.pdf", "x");
  dir.write("catalogue.tsv", "path\n");
  const Discovered found = discover({file, file, dir.path()});
  EXPECT_EQ(found.files, (std::vector<std::filesystem::path>{file}));
  EXPECT_EQ(found.catalogues, (std::vector<std::filesystem::path>{dir.path() / "catalogue.tsv"}));
}

TEST(Discover, NamedFileOrFolderBringsTheCataloguesOfTheFoldersAbove) {
  // A root's catalogue describes files in its subfolders ("sub/deep/a.pdf"),
  // so naming such a file, or a subfolder, must bring it along.
  const testing::TempDir dir;
  const auto file = dir.write("root/sub/deep/a.pdf", "x");
  dir.write("root/catalogue.tsv", "path\n");
  dir.write("root/sub/domains.tsv", "domain\torganisation\n");
  dir.write("root/other/catalogue.tsv", "path\n");
  const std::vector<std::filesystem::path> expected = {dir.path() / "root" / "catalogue.tsv",
                                                       dir.path() / "root" / "sub" / "domains.tsv"};
  EXPECT_EQ(discover({file}).catalogues, expected);
  EXPECT_EQ(discover({dir.path() / "root" / "sub" / "deep"}).catalogues, expected);
}

TEST(Discover, MissingPathIsReportedAndTheRestCarriesOn) {
  const testing::TempDir dir;
  const auto file = dir.write("a.pdf", "x");
  const Discovered found = discover({dir.path() / "nope", file});
  EXPECT_EQ(found.files.size(), 1u);
  ASSERT_EQ(found.problems.size(), 1u);
  EXPECT_EQ(found.problems[0], (dir.path() / "nope").string() + ": no such file or folder");
}

TEST(Discover, DoesNotFollowSymlinkLoops) {
  const testing::TempDir dir;
  dir.write("sub/a.txt", "x");
  std::filesystem::create_directory_symlink(dir.path(), dir.path() / "sub" / "loop");
  const Discovered found = discover({dir.path()});
  EXPECT_EQ(found.files, (std::vector<std::filesystem::path>{dir.path() / "sub" / "a.txt"}));
}

}  // namespace
}  // namespace cydex::corpus
