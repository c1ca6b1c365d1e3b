// SPDX-License-Identifier: Apache-2.0
// Byte-identical files: one document with a path per copy.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "cydex/index/indexed_source.h"
#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "cydex/index/writer.h"
#include "temp_dir.h"

namespace cydex::index {
namespace {

using testing::TempDir;

corpus::ExtractedDocument make_document(const std::string& path, const std::string& signature,
                                        const std::string& text) {
  corpus::ExtractedDocument doc;
  doc.source = corpus::SourceDocument{.id = corpus::document_id_for(path), .path = path,
                                      .media_type = corpus::MediaType::Text, .size = text.size(),
                                      .mtime = 1700000000, .signature = signature};
  doc.metadata.title = "Title of " + path;
  doc.pages = {corpus::Page{1, text}};
  return doc;
}

corpus::SourceDocument source_of(const std::string& path, const std::string& signature) {
  return corpus::SourceDocument{.id = corpus::document_id_for(path), .path = path,
                                .media_type = corpus::MediaType::Text, .size = 9, .mtime = 1800000000,
                                .signature = signature};
}

/// The stored document holding `path`; fails the test when none does.
StoredDocument holder_of(const Xapian::Database& db, const std::string& path) {
  const std::string term = schema::term(schema::kPathPrefix, path);
  EXPECT_EQ(db.get_termfreq(term), 1U) << path;
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return {};
  return StoredDocument::decode(db.get_document(*it).get_data()).value_or(StoredDocument{});
}

class WriterCopiesTest : public ::testing::Test {
 protected:
  Writer open() {
    auto writer = Writer::open(dir_.path() / "index", WriterOptions{});
    EXPECT_TRUE(writer.has_value());
    return std::move(*writer);
  }
  [[nodiscard]] Xapian::Database db() const { return Xapian::Database((dir_.path() / "index").string()); }

  /// /c/a.txt and /c/b.txt with the same bytes, placed in one batch.
  void place_two_copies() {
    Writer writer = open();
    const auto first = writer.place(make_document("/c/a.txt", "s1", "Cyber norms and confidence building."));
    const auto second = writer.place(make_document("/c/b.txt", "s1", "Cyber norms and confidence building."));
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(*first, Placement::Indexed);
    EXPECT_EQ(*second, Placement::Duplicate);
    ASSERT_TRUE(writer.commit().has_value());
  }

  TempDir dir_;
};

TEST_F(WriterCopiesTest, AnIdenticalFileBecomesAnotherPathOfTheSameDocument) {
  place_two_copies();
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 1U);
  const StoredDocument stored = holder_of(index, "/c/b.txt");
  EXPECT_EQ(stored.path, "/c/a.txt");
  EXPECT_EQ(stored.paths, (std::vector<std::string>{"/c/a.txt", "/c/b.txt"}));
  EXPECT_EQ(stored.id, corpus::document_id_for("/c/a.txt"));
  EXPECT_EQ(holder_of(index, "/c/a.txt").id, stored.id);
  EXPECT_EQ(index.get_termfreq(schema::term(schema::kContentPrefix, "s1")), 1U);

  Writer writer = open();
  const auto sources = writer.indexed_sources();
  ASSERT_TRUE(sources.has_value());
  ASSERT_EQ(sources->size(), 2U);
  for (const IndexedSource& source : *sources) {
    EXPECT_EQ(source.id, stored.id);  // Every path names the document it belongs to.
    EXPECT_EQ(source.signature, "s1");
  }
}

TEST_F(WriterCopiesTest, RemovingTheCopyKeepsTheDocumentAndRemovingThePrimaryPromotesTheNext) {
  place_two_copies();
  {
    Writer writer = open();
    ASSERT_TRUE(writer.remove_path("/c/a.txt").has_value());
    ASSERT_TRUE(writer.commit().has_value());
  }
  {
    const Xapian::Database index = db();
    EXPECT_EQ(index.get_doccount(), 1U);
    EXPECT_EQ(index.get_termfreq(schema::term(schema::kPathPrefix, "/c/a.txt")), 0U);
    const StoredDocument stored = holder_of(index, "/c/b.txt");
    EXPECT_EQ(stored.path, "/c/b.txt");
    EXPECT_EQ(stored.paths, std::vector<std::string>{"/c/b.txt"});
    EXPECT_EQ(stored.title, "Title of /c/a.txt");  // Nothing was extracted again.
    EXPECT_EQ(index.get_termfreq(schema::term(schema::kIdPrefix, corpus::document_id_for("/c/b.txt"))), 1U);
    const auto source = decode_source(
        index.get_document(*index.postlist_begin(schema::term(schema::kPathPrefix, "/c/b.txt")))
            .get_value(schema::kSourceSlot));
    ASSERT_TRUE(source.has_value());
    EXPECT_EQ(source->path, "/c/b.txt");
  }
  {
    Writer writer = open();
    ASSERT_TRUE(writer.remove_path("/c/b.txt").has_value());
    ASSERT_TRUE(writer.commit().has_value());
  }
  EXPECT_EQ(db().get_doccount(), 0U);
}

TEST_F(WriterCopiesTest, AChangedCopySplitsOffIntoItsOwnDocument) {
  place_two_copies();
  {
    Writer writer = open();
    const auto placed = writer.place(make_document("/c/b.txt", "s2", "Supply chain integrity."));
    ASSERT_TRUE(placed.has_value());
    EXPECT_EQ(*placed, Placement::Indexed);
    ASSERT_TRUE(writer.commit().has_value());
  }
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 2U);
  EXPECT_EQ(holder_of(index, "/c/a.txt").paths, std::vector<std::string>{"/c/a.txt"});
  EXPECT_EQ(holder_of(index, "/c/b.txt").paths, std::vector<std::string>{"/c/b.txt"});
  EXPECT_EQ(index.get_termfreq("supply"), 1U);
  EXPECT_EQ(index.get_termfreq("confidence"), 1U);
}

TEST_F(WriterCopiesTest, AChangedPrimaryLeavesTheOldContentWithTheCopy) {
  place_two_copies();
  {
    Writer writer = open();
    ASSERT_TRUE(writer.place(make_document("/c/a.txt", "s2", "Supply chain integrity.")).has_value());
    ASSERT_TRUE(writer.commit().has_value());
  }
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 2U);
  const StoredDocument old_content = holder_of(index, "/c/b.txt");
  EXPECT_EQ(old_content.paths, std::vector<std::string>{"/c/b.txt"});
  EXPECT_EQ(old_content.id, corpus::document_id_for("/c/b.txt"));
  EXPECT_EQ(old_content.pages.at(0).text, "Cyber norms and confidence building.");
  const StoredDocument new_content = holder_of(index, "/c/a.txt");
  EXPECT_EQ(new_content.id, corpus::document_id_for("/c/a.txt"));
  EXPECT_EQ(new_content.pages.at(0).text, "Supply chain integrity.");
}

TEST_F(WriterCopiesTest, IndexingThePrimaryAgainKeepsItsCopies) {
  place_two_copies();
  {
    Writer writer = open();
    const auto placed = writer.place(make_document("/c/a.txt", "s1", "Cyber norms and confidence building."));
    ASSERT_TRUE(placed.has_value());
    EXPECT_EQ(*placed, Placement::Indexed);
    const auto copy = writer.place(make_document("/c/b.txt", "s1", "Cyber norms and confidence building."));
    ASSERT_TRUE(copy.has_value());
    EXPECT_EQ(*copy, Placement::Duplicate);
    ASSERT_TRUE(writer.commit().has_value());
  }
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 1U);
  EXPECT_EQ(holder_of(index, "/c/a.txt").paths, (std::vector<std::string>{"/c/a.txt", "/c/b.txt"}));
}

TEST_F(WriterCopiesTest, RepointAndAddCopyWorkOnOnePath) {
  place_two_copies();
  {
    Writer writer = open();
    ASSERT_TRUE(writer.repoint_path("/c/b.txt", source_of("/c/moved.txt", "s1")).has_value());
    const auto added = writer.add_copy(source_of("/c/third.txt", "s1"));
    ASSERT_TRUE(added.has_value());
    EXPECT_TRUE(*added);
    const auto unknown = writer.add_copy(source_of("/c/other.txt", "no-such-content"));
    ASSERT_TRUE(unknown.has_value());
    EXPECT_FALSE(*unknown);
    ASSERT_TRUE(writer.commit().has_value());
  }
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 1U);
  EXPECT_EQ(index.get_termfreq(schema::term(schema::kPathPrefix, "/c/b.txt")), 0U);
  EXPECT_EQ(holder_of(index, "/c/a.txt").paths,
            (std::vector<std::string>{"/c/a.txt", "/c/moved.txt", "/c/third.txt"}));
}

TEST_F(WriterCopiesTest, PutOfThePrimaryKeepsItsCopies) {
  place_two_copies();
  {
    Writer writer = open();
    ASSERT_TRUE(writer.put(make_document("/c/a.txt", "s1", "Cyber norms, retitled.")).has_value());
    ASSERT_TRUE(writer.commit().has_value());
  }
  const Xapian::Database index = db();
  EXPECT_EQ(index.get_doccount(), 1U);
  EXPECT_EQ(holder_of(index, "/c/b.txt").paths, (std::vector<std::string>{"/c/a.txt", "/c/b.txt"}));
}

TEST(StoredDocumentPaths, ADocumentStoredWithoutPathsDecodesWithItsOnePath) {
  StoredDocument doc;
  doc.id = "abc";
  doc.path = "/c/a.txt";
  std::string bytes = doc.encode();
  // Documents stored before the list of paths (format tag "cydex-doc-1") end
  // after the mentions; the list is the last field, "1" then the path.
  const std::string tail = std::string(1, '\x01') + "1" + std::string(1, '\x08') + "/c/a.txt";
  ASSERT_TRUE(bytes.ends_with(tail));
  bytes.resize(bytes.size() - tail.size());
  ASSERT_EQ(bytes.substr(1, 11), "cydex-doc-3");
  bytes.replace(1, 11, "cydex-doc-1");
  const auto decoded = StoredDocument::decode(bytes);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->paths, std::vector<std::string>{"/c/a.txt"});
}

}  // namespace
}  // namespace cydex::index
