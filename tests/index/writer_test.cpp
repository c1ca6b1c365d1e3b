// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "cydex/index/prepared_document.h"
#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "temp_dir.h"

namespace cydex::index {
namespace {

corpus::ExtractedDocument make_document(const std::string& id, std::vector<std::string> pages) {
  corpus::ExtractedDocument doc;
  doc.source.id = id;
  doc.source.path = "/corpus/" + id + ".pdf";
  doc.source.media_type = corpus::MediaType::Pdf;
  doc.metadata.title = "Title of " + id;
  doc.metadata.organisation = "European Union (EEAS)";
  doc.metadata.year = 2019;
  doc.metadata.language = "en";
  int number = 1;
  for (std::string& text : pages) doc.pages.push_back(corpus::Page{number++, std::move(text)});
  return doc;
}

Xapian::Query phrase(const std::vector<std::string>& words) {
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
}

TEST(Writer, StoresTermsValuesAndDataPerSchema) {
  const testing::TempDir dir;
  {
    auto writer = Writer::open(dir.path(), WriterOptions{});
    ASSERT_TRUE(writer.has_value()) << writer.error().detail;
    ASSERT_TRUE(writer->put(make_document("doc1", {"Cyber diplomacy matters.", "Vulnerabilities are disclosed."}))
                    .has_value());
    ASSERT_TRUE(writer->commit().has_value());
  }
  Xapian::Database db(dir.path().string());
  ASSERT_EQ(db.get_doccount(), 1u);
  EXPECT_TRUE(db.term_exists("Qdoc1"));
  EXPECT_TRUE(db.term_exists("diplomacy"));
  EXPECT_TRUE(db.term_exists("Zvulner"));  // English stem
  EXPECT_TRUE(db.term_exists("Stitle"));
  EXPECT_TRUE(db.term_exists("XORGeuropean union eeas"));
  EXPECT_TRUE(db.term_exists("XOeeas"));
  EXPECT_TRUE(db.term_exists("Y2019"));
  EXPECT_TRUE(db.term_exists("Tpdf"));
  EXPECT_TRUE(db.term_exists("Len"));
  const Xapian::Document doc = db.get_document(db.postlist_begin("Qdoc1").operator*());
  EXPECT_EQ(doc.get_value(schema::kOrganisationSlot), "European Union (EEAS)");
  EXPECT_EQ(doc.get_value(schema::kYearSlot), "2019");
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kYearSortableSlot)), 2019.0);
  const auto stored = StoredDocument::decode(doc.get_data());
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->pages.size(), 2u);
  EXPECT_EQ(stored->pages[1].text, "Vulnerabilities are disclosed.");
}

/// Every term of document `did` with its wdf and positions, each value, and the data.
std::string describe(const Xapian::Database& db, Xapian::docid did) {
  const Xapian::Document doc = db.get_document(did);
  std::string out;
  for (Xapian::TermIterator term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    out += *term + " " + std::to_string(term.get_wdf()) + ":";
    for (Xapian::PositionIterator pos = db.positionlist_begin(did, *term); pos != db.positionlist_end(did, *term); ++pos) {
      out += " " + std::to_string(*pos);
    }
    out += "\n";
  }
  for (Xapian::ValueIterator value = doc.values_begin(); value != doc.values_end(); ++value) {
    out += "value " + std::to_string(value.get_valueno()) + " = " + *value + "\n";
  }
  return out + "data " + doc.get_data();
}

TEST(Writer, APreparedDocumentIsIndexedExactlyAsOneBuiltByTheWriter) {
  corpus::ExtractedDocument doc = make_document("doc1", {"Cyber diplomacy matters to States.", "Vulnérabilités disclosed."});
  doc.metadata.authors = {"Ada Lovelace"};
  doc.mentions = {{.tag = "norm:13j", .page = 2, .start = 0, .end = 14}};
  const testing::TempDir built_dir;
  const testing::TempDir prepared_dir;
  {
    auto built = Writer::open(built_dir.path(), WriterOptions{});
    ASSERT_TRUE(built.has_value());
    ASSERT_TRUE(built->place(doc).has_value());
    corpus::ExtractedDocument prepared = doc;
    prepared.prepared = prepare_document(doc);
    // The writer adds what it is given: proof that it did not rebuild.
    prepared.pages.clear();
    auto from_worker = Writer::open(prepared_dir.path(), WriterOptions{});
    ASSERT_TRUE(from_worker.has_value());
    ASSERT_TRUE(from_worker->place(prepared).has_value());
  }
  const Xapian::Database built(built_dir.path().string());
  const Xapian::Database from_worker(prepared_dir.path().string());
  const std::string want = describe(built, 1);
  EXPECT_NE(want.find("diplomacy 1: "), std::string::npos) << want;
  EXPECT_NE(want.find("XTnorm:13j"), std::string::npos) << want;
  EXPECT_EQ(describe(from_worker, 1), want);
}

TEST(Writer, LeavesAPositionGapBetweenPagesSoPhrasesDoNotSpanThem) {
  const testing::TempDir dir;
  {
    auto writer = Writer::open(dir.path(), WriterOptions{});
    ASSERT_TRUE(writer.has_value());
    ASSERT_TRUE(writer->put(make_document("doc1", {"ends with cyber", "diplomacy starts here"})).has_value());
  }
  Xapian::Database db(dir.path().string());
  Xapian::Enquire enquire(db);
  enquire.set_query(phrase({"cyber", "diplomacy"}));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
  enquire.set_query(phrase({"diplomacy", "starts"}));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
  // The stored first position of page 2 is where "diplomacy" is.
  const auto stored = StoredDocument::decode(db.get_document(1).get_data());
  ASSERT_TRUE(stored.has_value());
  const Xapian::PositionIterator position = db.positionlist_begin(1, "diplomacy");
  EXPECT_EQ(*position, stored->pages[1].first_position);
}

TEST(Writer, ReplacesBySameIdAndRemoves) {
  const testing::TempDir dir;
  auto writer = Writer::open(dir.path(), WriterOptions{.batch_size = 1});
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE(writer->put(make_document("a", {"old words"})).has_value());
  ASSERT_TRUE(writer->put(make_document("a", {"new words"})).has_value());
  ASSERT_TRUE(writer->put(make_document("b", {"other"})).has_value());
  EXPECT_EQ(writer->document_count(), 2u);
  ASSERT_TRUE(writer->remove("b").has_value());
  ASSERT_TRUE(writer->remove("never-there").has_value());
  ASSERT_TRUE(writer->commit().has_value());
  Xapian::Database db(dir.path().string());
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(db.term_exists("old"));
  EXPECT_TRUE(db.term_exists("new"));
}

TEST(Writer, SecondWriterIsToldTheIndexIsLocked) {
  const testing::TempDir dir;
  auto first = Writer::open(dir.path(), WriterOptions{});
  ASSERT_TRUE(first.has_value());
  auto second = Writer::open(dir.path(), WriterOptions{});
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().kind, IndexErrorKind::Locked);
  EXPECT_NE(second.error().detail.find("index is locked by another cydex process"), std::string::npos);
}

TEST(Writer, UnwritableLocationIsAnIoError) {
  const testing::TempDir dir;
  dir.write("file", "not a folder");
  auto writer = Writer::open(dir.path() / "file" / "index", WriterOptions{});
  ASSERT_FALSE(writer.has_value());
  EXPECT_EQ(writer.error().kind, IndexErrorKind::Io);
  EXPECT_NE(writer.error().detail.find((dir.path() / "file" / "index").string()), std::string::npos);
}

TEST(Writer, CommitsInBatchesSoReadersSeeProgress) {
  const testing::TempDir dir;
  auto writer = Writer::open(dir.path(), WriterOptions{.batch_size = 2});
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE(writer->put(make_document("a", {"x"})).has_value());
  EXPECT_EQ(Xapian::Database(dir.path().string()).get_doccount(), 0u);
  ASSERT_TRUE(writer->put(make_document("b", {"x"})).has_value());
  EXPECT_EQ(Xapian::Database(dir.path().string()).get_doccount(), 2u);
}

}  // namespace
}  // namespace cydex::index

namespace cydex::index {
namespace {

TEST(Writer, StoresTagsWithMentionCountsAndRetagsFromStoredText) {
  const testing::TempDir dir;
  auto writer = Writer::open(dir.path(), WriterOptions{});
  ASSERT_TRUE(writer.has_value());
  corpus::ExtractedDocument doc = make_document("doc1", {"The NIS Directive and the EU.", "EU again."});
  doc.mentions = {corpus::Mention{"instrument:nis-directive", 1, 4, 17}, corpus::Mention{"actor:eu", 1, 26, 28},
                  corpus::Mention{"actor:eu", 2, 0, 2}};
  ASSERT_TRUE(writer->put(doc).has_value());
  ASSERT_TRUE(writer->commit().has_value());
  {
    Xapian::Database db(dir.path().string());
    Xapian::TermIterator term = db.termlist_begin(1);
    term.skip_to("XTactor:eu");
    ASSERT_EQ(*term, "XTactor:eu");
    EXPECT_EQ(term.get_wdf(), 2u);
    EXPECT_EQ(db.get_document(1).get_value(schema::kTagsSlot), "actor:eu\ninstrument:nis-directive");
  }
  // A taxonomy edit: the EU is no longer tagged, Germany is (from the stored text).
  int calls = 0;
  const auto changed = writer->retag([&](const StoredDocument& stored) {
    ++calls;
    EXPECT_EQ(stored.pages.size(), 2u);
    return std::vector<corpus::Mention>{corpus::Mention{"actor:de", 2, 0, 2}};
  });
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(*changed, 1);
  EXPECT_EQ(calls, 1);
  Xapian::Database db(dir.path().string());
  EXPECT_FALSE(db.term_exists("XTactor:eu"));
  EXPECT_FALSE(db.term_exists("XTinstrument:nis-directive"));
  EXPECT_TRUE(db.term_exists("XTactor:de"));
  EXPECT_TRUE(db.term_exists("directive")) << "body terms are untouched";
  const auto stored = StoredDocument::decode(db.get_document(1).get_data());
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->mentions.size(), 1u);
  EXPECT_EQ(stored->mentions[0].tag, "actor:de");
  // Retagging again with the same answer changes nothing.
  EXPECT_EQ(*writer->retag([](const StoredDocument&) {
    return std::vector<corpus::Mention>{corpus::Mention{"actor:de", 2, 0, 2}};
  }), 0);
}

}  // namespace
}  // namespace cydex::index
