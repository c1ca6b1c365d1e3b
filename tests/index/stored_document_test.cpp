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

TEST(StoredDocument, RoundTripsPageAnchors) {
  StoredDocument doc;
  doc.id = "a";
  StoredPage page{1, 101, std::string(5000, 'w')};
  page.words = 200;
  page.anchors = {0, 300, 1200, 4990};  // one per 64 words
  doc.pages = {page, StoredPage{2, 400, "no anchors here"}};
  const auto decoded = StoredDocument::decode(doc.encode());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->pages[0].anchors, page.anchors);
  EXPECT_EQ(decoded->pages[0].words, 200U);
  EXPECT_TRUE(decoded->pages[1].anchors.empty());
}

TEST(StoredDocument, AnchorsPastTheTextAreRejected) {
  StoredDocument doc;
  StoredPage page{1, 1, "short"};
  page.words = 1;
  page.anchors = {0, 99};
  doc.pages = {page};
  EXPECT_FALSE(StoredDocument::decode(doc.encode()).has_value());
}

TEST(StoredDocument, APageStoredBeforeAnchorsDecodesWithout) {
  // The layout before anchors ("cydex-doc-2"): the same fields, with no
  // anchors field after each page's text.
  StoredDocument doc;
  doc.id = "b";
  doc.path = "/c/b.txt";
  doc.pages = {{1, 101, "text of the page"}};
  std::string bytes = doc.encode();
  ASSERT_EQ(bytes.substr(1, 11), "cydex-doc-3");
  bytes.replace(1, 11, "cydex-doc-2");
  // The anchors field of the one page: a length byte, then the word count (0).
  const std::string anchors = std::string(1, '\x01') + std::string(1, '\x00');
  const std::size_t at = bytes.find("text of the page") + std::string("text of the page").size();
  ASSERT_EQ(bytes.substr(at, 2), anchors);
  bytes.erase(at, 2);
  const auto decoded = StoredDocument::decode(bytes);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->pages[0].text, "text of the page");
  EXPECT_TRUE(decoded->pages[0].anchors.empty());
  EXPECT_EQ(decoded->paths, std::vector<std::string>{"/c/b.txt"});
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
