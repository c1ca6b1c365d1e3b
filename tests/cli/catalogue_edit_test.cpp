// SPDX-License-Identifier: Apache-2.0
#include "catalogue_edit.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace cydex::cli {
namespace {

TEST(CheckField, NormalisesGoodValuesAndExplainsBadOnes) {
  struct Case {
    const char* key;
    const char* value;
    const char* column;  ///< Expected column, or nullptr when refused.
    const char* stored;  ///< Expected value, or the start of the error.
  };
  const Case cases[] = {
      {"org", " the EEAS ", "organisation", "the EEAS"},  // trimmed, kept as typed
      {"organisation", "OSCE", "organisation", "OSCE"},
      {"year", "2019", "year", "2019"},
      {"year", "19", nullptr, "year '19' is not four digits"},
      {"year", "2019-01", nullptr, "year '2019-01' is not four digits"},
      {"date", "2019-05", "date", "2019-05"},
      {"date", "2019-02-31", "date", "2019-02-31"},  // the day is only range-checked
      {"date", "2019-00-10", nullptr, "date '2019-00-10' is not"},
      {"date", "19-01-01", nullptr, "date '19-01-01' is not"},
      {"lang", "EN", "language", "en"},
      {"lang", "pt_br", "language", "pt-BR"},
      {"language", "zh-hant-tw", "language", "zh-Hant-TW"},
      {"lang", "english", nullptr, "language 'english' is not a BCP 47 tag"},
      {"lang", "e", nullptr, "language 'e' is not"},
      {"lang", "en--GB", nullptr, "language 'en--GB' is not"},
      {"url", "https://example.org/a", "url", "https://example.org/a"},
      {"url", "example.org", nullptr, "url 'example.org' does not start"},
      {"authors", "Ann; Bob", "authors", "Ann; Bob"},
      {"notes", "two\tcells", nullptr, "notes may not hold a tab"},
      {"title", "   ", nullptr, "title needs a value (use --unset title"},
      {"colour", "blue", nullptr, "unknown key 'colour'"},
      {"path", "x.pdf", nullptr, "unknown key 'path'"},  // the row's key is not an editable field
  };
  for (const Case& c : cases) {
    const auto edit = check_field(c.key, c.value);
    if (c.column == nullptr) {
      ASSERT_FALSE(edit.has_value()) << c.key << "=" << c.value;
      EXPECT_TRUE(edit.error().starts_with(c.stored)) << edit.error();
    } else {
      ASSERT_TRUE(edit.has_value()) << c.key << "=" << c.value << ": " << edit.error();
      EXPECT_EQ(edit->column, c.column);
      EXPECT_EQ(edit->value, c.stored);
    }
  }
}

TEST(CatalogueFor, PrefersTheRowInForceThenTheRootThenTheFolder) {
  const testing::TempDir dir;
  const auto root = dir.path() / "root";
  const auto file = dir.write("root/a/b/doc.pdf", "x");
  dir.write("root/a/catalogue.tsv", "path\nother.pdf\n");
  // No row anywhere: the root's catalogue, even though root/a has one.
  EXPECT_EQ(catalogue_for(file, {root}), root / "catalogue.tsv");
  // A row in root/a/catalogue.tsv is the one in force.
  dir.write("root/a/catalogue.tsv", "path\nb/doc.pdf\n");
  EXPECT_EQ(catalogue_for(file, {root}), root / "a" / "catalogue.tsv");
  // Under no root: its own folder.
  const auto loose = dir.write("loose/doc.pdf", "x");
  EXPECT_EQ(catalogue_for(loose, {root}), dir.path() / "loose" / "catalogue.tsv");
  // Nested roots: the deepest holds it.
  EXPECT_EQ(root_containing(file, {root, root / "a"}), root / "a");
  EXPECT_FALSE(root_containing(loose, {root}).has_value());
  EXPECT_FALSE(root_containing(dir.path() / "rootless" / "x.pdf", {root}).has_value());  // a prefix is not a folder
}

}  // namespace
}  // namespace cydex::cli
