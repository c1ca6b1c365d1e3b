// SPDX-License-Identifier: Apache-2.0
// A batch with bad files: each is reported with its path and reason, the rest
// is indexed, and the exit code tells a script what happened.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cydex/index/writer.h"
#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

TEST(IngestReport, BadFilesAreReportedAndTheBatchCarriesOn) {
  const testing::TempDir dir;
  dir.write("docs/good.txt", "Norms of responsible state behaviour in cyberspace.\n");
  dir.write("docs/empty.pdf", "");
  dir.write("docs/broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n");
  dir.write("docs/junk.bin", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0", 12));
  const std::string index = (dir.path() / "index").string();

  const auto run = run_cydex({"ingest", "--json", "--index", index, (dir.path() / "docs").string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["indexed"], 1);
  ASSERT_EQ(report["failed"].size(), 3u);
  std::map<std::string, std::string> kinds;
  for (const json& failure : report["failed"]) {
    kinds[std::filesystem::path(failure["path"].get<std::string>()).filename().string()] = failure["kind"];
    EXPECT_FALSE(failure["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(kinds, (std::map<std::string, std::string>{
                       {"broken.pdf", "corrupt"}, {"empty.pdf", "unsupported"}, {"junk.bin", "unsupported"}}));
  // One line per failure on stderr, naming the file.
  EXPECT_NE(run.err.find((dir.path() / "docs" / "empty.pdf").string() + ": detect: unsupported: empty file"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find((dir.path() / "docs" / "broken.pdf").string() + ": extract: corrupt:"), std::string::npos)
      << run.err;

  const auto found = run_cydex({"search", "--json", "--index", index, "responsible"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(json::parse(found.out)["total"], 1);
}

TEST(IngestReport, AllGoodExitsZeroWithATextSummary) {
  const testing::TempDir dir;
  const auto file = dir.write("a.txt", "Confidence-building measures of the OSCE.\n");
  const auto run = run_cydex({"ingest", "--index", (dir.path() / "index").string(), file.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Indexed 1 document, 0 failed"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "") << "no progress bar when stderr is not a terminal";
}

TEST(IngestReport, MissingPathIsAWarningNotACrash) {
  const testing::TempDir dir;
  const auto run = run_cydex({"ingest", "--json", "--index", (dir.path() / "index").string(),
                              (dir.path() / "nowhere").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("no such file or folder"), std::string::npos) << run.err;
}

TEST(IngestReport, SecondWriterStopsAtOnceWithItsOwnExitCode) {
  const testing::TempDir dir;
  const auto index = dir.path() / "index";
  auto holder = index::Writer::open(index, index::WriterOptions{});
  ASSERT_TRUE(holder.has_value());
  const auto file = dir.write("a.txt", "text\n");
  const auto run = run_cydex({"ingest", "--index", index.string(), file.string()});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("index is locked by another cydex process"), std::string::npos) << run.err;
}

TEST(IngestReport, UnwritableIndexLocationIsFatal) {
  const testing::TempDir dir;
  dir.write("occupied", "a file where the index folder should be");
  const auto file = dir.write("a.txt", "text\n");
  const auto run = run_cydex({"ingest", "--index", (dir.path() / "occupied" / "index").string(), file.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("occupied"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace cydex

namespace cydex {
namespace {

TEST(IngestReport, DomainMapNamesTheOrganisationOfSavedPagesAndTheCatalogueStillWins) {
  const testing::TempDir dir;
  const std::string page =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Cyber policy | Some Site</title>"
      "<meta property=\"og:site_name\" content=\"AA\">"
      "<link rel=\"canonical\" href=\"https://www.auswaertiges-amt.de/en/PAGE\"></head>"
      "<body><main><h1>Cyber policy</h1><p>Confidence-building measures in the OSCE.</p></main></body></html>";
  dir.write("web/a.html", std::string(page).replace(page.find("PAGE"), 4, "a"));
  dir.write("web/b.html", std::string(page).replace(page.find("PAGE"), 4, "b"));
  dir.write("web/domains.tsv", "domain\torganisation\nauswaertiges-amt.de\tGerman Federal Foreign Office\n");
  dir.write("web/catalogue.tsv", "path\torganisation\nb.html\tAuswärtiges Amt (catalogue)\n");
  const std::string index = (dir.path() / "index").string();
  const auto run = run_cydex({"ingest", "-q", "--index", index, (dir.path() / "web").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json result = json::parse(run_cydex({"search", "--json", "--index", index, "confidence"}).out);
  std::map<std::string, std::string> organisations;
  for (const json& hit : result["results"]) {
    organisations[std::filesystem::path(hit["path"].get<std::string>()).filename().string()] = hit["organisation"];
  }
  EXPECT_EQ(organisations, (std::map<std::string, std::string>{{"a.html", "German Federal Foreign Office"},
                                                                {"b.html", "Auswärtiges Amt (catalogue)"}}));
}

}  // namespace
}  // namespace cydex
