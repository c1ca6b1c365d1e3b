// SPDX-License-Identifier: Apache-2.0
// The Writer's methods for keeping an index in step with the disk.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "cydex/index/indexed_source.h"
#include "cydex/index/schema.h"
#include "cydex/index/writer.h"
#include "temp_dir.h"

namespace cydex::index {
namespace {

using testing::TempDir;

corpus::ExtractedDocument make_document(const std::string& path, const std::string& title) {
  corpus::ExtractedDocument doc;
  doc.source = corpus::SourceDocument{.id = corpus::document_id_for(path), .path = path,
                                      .media_type = corpus::MediaType::Text, .size = 42, .mtime = 1700000000,
                                      .signature = "abc123"};
  doc.metadata.title = title;
  doc.pages = {corpus::Page{1, "Cyber norms and confidence building."}};
  return doc;
}

TEST(WriterSyncTest, SourceSlotRoundTripsEveryField) {
  TempDir dir;
  auto writer = Writer::open(dir.path() / "index", WriterOptions{});
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE(writer->put(make_document("/c/a\tb.txt", "A")).has_value());
  const auto sources = writer->indexed_sources();
  ASSERT_TRUE(sources.has_value());
  ASSERT_EQ(sources->size(), 1U);
  const IndexedSource& source = sources->front();
  EXPECT_EQ(source.path, "/c/a\tb.txt");  // A tab in the path survives: the path is the last field.
  EXPECT_EQ(source.id, corpus::document_id_for("/c/a\tb.txt"));
  EXPECT_EQ(source.size, 42U);
  EXPECT_EQ(source.mtime, 1700000000);
  EXPECT_EQ(source.signature, "abc123");
}

TEST(WriterSyncTest, RepointMovesTheDocumentToItsNewPathAndId) {
  TempDir dir;
  const auto index_dir = dir.path() / "index";
  {
    auto writer = Writer::open(index_dir, WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    const corpus::ExtractedDocument doc = make_document("/c/old.txt", "Kept title");
    ASSERT_TRUE(writer->put(doc).has_value());
    corpus::SourceDocument moved = doc.source;
    moved.path = "/c/new.txt";
    moved.id = corpus::document_id_for(moved.path);
    moved.mtime = 1800000000;
    ASSERT_TRUE(writer->repoint(doc.source.id, moved).has_value());
    ASSERT_TRUE(writer->commit().has_value());
  }
  Xapian::Database db(index_dir.string());
  EXPECT_EQ(db.get_doccount(), 1U);
  EXPECT_EQ(db.get_termfreq(schema::term(schema::kPathPrefix, "/c/old.txt")), 0U);
  EXPECT_EQ(db.get_termfreq(schema::term(schema::kPathPrefix, "/c/new.txt")), 1U);
  EXPECT_EQ(db.get_termfreq(schema::term(schema::kIdPrefix, corpus::document_id_for("/c/new.txt"))), 1U);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("confidence"));
  const Xapian::MSet hits = enquire.get_mset(0, 10);
  ASSERT_EQ(hits.size(), 1U);  // Text terms are kept: nothing was extracted again.
  const auto stored = StoredDocument::decode(hits.begin().get_document().get_data());
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->path, "/c/new.txt");
  EXPECT_EQ(stored->title, "Kept title");
  EXPECT_EQ(decode_source(hits.begin().get_document().get_value(schema::kSourceSlot))->mtime, 1800000000);
}

TEST(WriterSyncTest, MetadataIsSetListedAndRemoved) {
  TempDir dir;
  auto writer = Writer::open(dir.path() / "index", WriterOptions{});
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE(writer->set_metadata("cydex:failed:/a", "1\t2\tcorrupt\tbad").has_value());
  ASSERT_TRUE(writer->set_metadata("cydex:failed:/b", "3\t4\tcorrupt\tbad").has_value());
  ASSERT_TRUE(writer->set_metadata("cydex:roots", "/c\n").has_value());
  EXPECT_EQ(writer->metadata_with_prefix("cydex:failed:").size(), 2U);
  ASSERT_TRUE(writer->set_metadata("cydex:failed:/a", "").has_value());
  EXPECT_EQ(writer->metadata_with_prefix("cydex:failed:").size(), 1U);
  EXPECT_EQ(writer->metadata("cydex:roots"), "/c\n");
}

TEST(WriterSyncTest, CreateAtomicallyMakesAnIndexThatOpensAndLeavesOthersAlone) {
  TempDir dir;
  const auto index_dir = dir.path() / "deep" / "index";
  ASSERT_TRUE(Writer::create_atomically(index_dir).has_value());
  EXPECT_NO_THROW((void)Xapian::Database(index_dir.string()));
  // Only the index is left in the parent: the staging folder was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(index_dir.parent_path()),
                          std::filesystem::directory_iterator()),
            1);
  // An existing folder is not touched.
  dir.write("other/keep.txt", "x");
  ASSERT_TRUE(Writer::create_atomically(dir.path() / "other").has_value());
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "other" / "keep.txt"));
}

}  // namespace
}  // namespace cydex::index
