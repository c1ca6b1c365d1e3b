// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/stored_document.h"

#include <gtest/gtest.h>

namespace cydex::index {
namespace {

TEST(StoredDocument, RoundTripsEveryField) {
  StoredDocument doc;
  doc.id = "0123456789abcdef";
  doc.path = "/corpus/a b.pdf";
  doc.format = "pdf";
  doc.status = "degraded";
  doc.title = "EU Cyber Diplomacy";
  doc.organisation = "European Union (EEAS)";
  doc.year = 2019;
  doc.date = "2019-12-02";
  doc.language = "en";
  doc.url = "https://example.org/x";
  doc.authors = {"A", "B"};
  doc.warnings = {"poppler: something"};
  doc.pages = {{1, 101, "first page"}, {2, 250, std::string(300, 'x') + "\n\0bytes"}};
  const auto decoded = StoredDocument::decode(doc.encode());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->id, doc.id);
  EXPECT_EQ(decoded->path, doc.path);
  EXPECT_EQ(decoded->status, doc.status);
  EXPECT_EQ(decoded->organisation, doc.organisation);
  EXPECT_EQ(decoded->year, 2019);
  EXPECT_EQ(decoded->authors, doc.authors);
  EXPECT_EQ(decoded->warnings, doc.warnings);
  ASSERT_EQ(decoded->pages.size(), 2u);
  EXPECT_EQ(decoded->pages[1].number, 2);
  EXPECT_EQ(decoded->pages[1].first_position, 250u);
  EXPECT_EQ(decoded->pages[1].text, doc.pages[1].text);
}

TEST(StoredDocument, RejectsForeignAndTruncatedData) {
  StoredDocument doc;
  doc.id = "x";
  doc.pages = {{1, 1, "text"}};
  const std::string bytes = doc.encode();
  EXPECT_FALSE(StoredDocument::decode("").has_value());
  EXPECT_FALSE(StoredDocument::decode("url=http://omega/\nsample=x").has_value());
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(StoredDocument::decode(std::string_view(bytes).substr(0, cut)).has_value()) << cut;
  }
}

}  // namespace
}  // namespace cydex::index
