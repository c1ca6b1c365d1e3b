// SPDX-License-Identifier: Apache-2.0
// Queries found by fuzzing search::Searcher, kept as regression tests.
#include <gtest/gtest.h>

#include <string>

#include "cydex/corpus/source_document.h"
#include "cydex/index/writer.h"
#include "cydex/search/searcher.h"
#include "temp_dir.h"

// LeakSanitizer reads this in sanitizer builds, so the test passes under a
// plain `ctest` too; it names the same leak as tests/fuzz/lsan.supp.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT: sanitizer hook
  return "leak:Xapian::QueryParser::Internal::parse_query\n";
}

namespace cydex::testing {
namespace {

TEST(HostileQuery, MalformedOperatorSequencesDoNotCrash) {
  const TempDir dir;
  {
    auto writer = index::Writer::open(dir.path(), {});
    ASSERT_TRUE(writer);
    corpus::ExtractedDocument doc;
    doc.source.path = "/docs/a.pdf";
    doc.source.id = corpus::document_id_for(doc.source.path);
    doc.source.media_type = corpus::MediaType::Pdf;
    doc.metadata.title = "EU Cyber Diplomacy";
    doc.pages = {{.number = 1, .text = "The EU cyber diplomacy toolbox."}};
    ASSERT_TRUE(writer->put(doc));
    ASSERT_TRUE(writer->commit());
  }
  auto searcher = search::Searcher::open(dir.path());
  ASSERT_TRUE(searcher);
  const std::string queries[] = {
      // Found by fuzz_query: Xapian's parser leaks one node on it (see
      // tests/fuzz/lsan.supp); cydex must still answer or call it malformed.
      std::string("\x80\t-NXOR\tNEAR\t\0\0R\x06" "a", 18),
      // Operators with nothing to join.
      "NEAR", "XOR", "AND OR NOT", "((((", "\"", "title:", "year:..", "diplom* *",
  };
  for (const std::string& query : queries) {
    auto result = searcher->search({.query = query, .limit = 5});
    if (result) EXPECT_GE(result->total, 0) << query;
    else EXPECT_FALSE(result.error().detail.empty()) << query;
  }
}

}  // namespace
}  // namespace cydex::testing
