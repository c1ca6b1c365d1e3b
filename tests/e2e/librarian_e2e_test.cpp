// SPDX-License-Identifier: Apache-2.0
// The librarian's workflow through the real binary: add, meta, rm, list and
// stats on real files and a real index, and what later reindex and ingest
// runs do with the corrections.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cydex/index/writer.h"
#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ProcessResult;
using testing::run_cydex;
using testing::TempDir;

class Librarian : public ::testing::Test {
 protected:
  /// `cydex --index IDX ARGS...`
  ProcessResult cydex(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--index", index_.string()});
    return run_cydex(args);
  }
  /// Runs a command that prints JSON and parses it; fails the test on a bad exit code.
  json cydex_json(std::vector<std::string> args, int expected_exit = 0) const {
    args.push_back("--json");
    const ProcessResult result = cydex(args);
    EXPECT_EQ(result.exit_code, expected_exit) << result.err;
    return json::parse(result.out.empty() ? "null" : result.out);
  }
  /// The documents `cydex list --json` shows, by file name.
  std::map<std::string, json> listed() const {
    std::map<std::string, json> out;
    for (const json& doc : cydex_json({"list"})) out[fs::path(doc["path"].get<std::string>()).filename().string()] = doc;
    return out;
  }
  /// Sets a file's mtime `seconds` into the past or future, so reindex sees it touched.
  static void shift_mtime(const fs::path& file, int seconds) {
    fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(seconds));
  }

  TempDir dir_;
  fs::path index_ = dir_.path() / "idx";
  fs::path shelf_ = dir_.path() / "shelf";
};

constexpr const char* kEeasText = "Cyber diplomacy note.\nThe EEAS and ENISA discussed the Budapest Convention with the EEAS.\n";

TEST_F(Librarian, AddRecordsTheMetadataIndexesTheFileAndShowsWhatItFound) {
  const fs::path file = dir_.write("shelf/sub/note.txt", kEeasText);
  dir_.write("shelf/catalogue.tsv", "# shelf record\npath\ttitle\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);

  const ProcessResult text = cydex({"add", file.string(), "--org", "the EEAS", "--year", "2019", "--lang", "EN",
                                    "--title", "Note on cyber diplomacy", "--notes", "from the archive"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("organisation: European External Action Service"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("year:         2019"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("text (1 page)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("actor:eeas (2)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("instrument:budapest-convention (1)"), std::string::npos) << text.out;

  // The row went into the root's catalogue, as typed, after the comment.
  EXPECT_EQ(testing::read_file(shelf_ / "catalogue.tsv"),
            "# shelf record\npath\ttitle\torganisation\tyear\tlanguage\tnotes\n"
            "sub/note.txt\tNote on cyber diplomacy\tthe EEAS\t2019\ten\tfrom the archive\n");

  const json added = cydex_json({"add", file.string()});
  ASSERT_EQ(added.size(), 1U);
  EXPECT_EQ(added[0]["organisation"], "European External Action Service");
  EXPECT_EQ(added[0]["title"], "Note on cyber diplomacy");
  EXPECT_EQ(added[0]["language"], "en");
  EXPECT_EQ(added[0]["pages"], 1);
  EXPECT_EQ(added[0]["catalogue"], (shelf_ / "catalogue.tsv").string());
  EXPECT_TRUE(added[0]["error"].is_null());
  EXPECT_EQ(listed().size(), 1U);  // Added twice, indexed once.
}

TEST_F(Librarian, AddUnderNoRootMakesItsFolderARootWithANewCatalogue) {
  const fs::path file = dir_.write("loose/report.txt", kEeasText);
  const ProcessResult result = cydex({"add", file.string(), "--year", "2022"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find((dir_.path() / "loose").string() + " is now a root"), std::string::npos) << result.err;
  EXPECT_EQ(testing::read_file(dir_.path() / "loose" / "catalogue.tsv"),
            "path\ttitle\torganisation\tyear\tlanguage\turl\tnotes\nreport.txt\t\t\t2022\n");
  // The nightly job now keeps that folder in step.
  dir_.write("loose/second.txt", "Another paper.\n");
  const ProcessResult reindex = cydex({"reindex"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;
  EXPECT_NE(reindex.out.find("Added 1, updated 0, removed 0, unchanged 1"), std::string::npos) << reindex.out;
}

TEST_F(Librarian, AddNamesEveryFileThatFailedAndExits2) {
  const fs::path good = dir_.write("shelf/good.txt", "Fine text.\n");
  const fs::path broken = dir_.write("shelf/broken.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ngarbage\n");
  const fs::path missing = shelf_ / "missing.pdf";
  const ProcessResult result = cydex({"add", good.string(), broken.string(), missing.string()});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(broken.string() + ": extract: corrupt:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(missing.string() + ": no such file"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("Added " + good.string()), std::string::npos) << result.out;
  EXPECT_EQ(listed().count("good.txt"), 1U);

  EXPECT_EQ(cydex({"add", shelf_.string()}).exit_code, 2);  // a folder is not a file
  EXPECT_EQ(cydex({"add", good.string(), "--year", "19"}).exit_code, 64);
  EXPECT_EQ(cydex({"add", good.string(), "--lang", "english!"}).exit_code, 64);
  EXPECT_EQ(cydex({"add", good.string(), "--url", "ftp://x"}).exit_code, 64);
  EXPECT_EQ(cydex({"add"}).exit_code, 64);
}

TEST_F(Librarian, EveryNameOfAnOrganisationCountsAsOne) {
  dir_.write("shelf/a.txt", "First paper.\n");
  dir_.write("shelf/b.txt", "Second paper.\n");
  dir_.write("shelf/c.txt", "Third paper.\n");
  dir_.write("shelf/catalogue.tsv",
             "path\torganisation\na.txt\tEEAS\nb.txt\tEuropean External Action Service\nc.txt\t the  EEAS \n");
  // The file's own metadata and the site map go through the same names.
  dir_.write("shelf/d.html",
             "<html lang=\"en\"><head><title>Threat Landscape</title><meta property=\"og:site_name\" "
             "content=\"European Union Agency for Cybersecurity\"></head><body><main><p>Paper on threats.</p>"
             "</main></body></html>");
  dir_.write("shelf/e.html",
             "<html lang=\"en\"><head><title>Agency page</title><link rel=\"canonical\" "
             "href=\"https://www.enisa.europa.eu/topics\"></head><body><main><p>Paper on agencies.</p></main>"
             "</body></html>");
  dir_.write("shelf/domains.tsv", "domain\torganisation\nenisa.europa.eu\tthe ENISA\n");
  dir_.write("shelf/f.txt", "Fourth paper.\n");
  ASSERT_EQ(cydex({"ingest", shelf_.string()}).exit_code, 0);
  ASSERT_EQ(cydex({"add", (shelf_ / "f.txt").string(), "--org", "Unknown   Institute "}).exit_code, 0);

  const json stats = cydex_json({"stats"});
  EXPECT_EQ(stats["organisation"], json::parse(R"([{"value": "European External Action Service", "count": 3},
                                                    {"value": "ENISA", "count": 2},
                                                    {"value": "Unknown Institute", "count": 1}])"));
  const json search = cydex_json({"search", "paper"});
  const json expected_facet = json::parse(R"([{"value": "European External Action Service", "count": 3},
                                               {"value": "ENISA", "count": 2},
                                               {"value": "Unknown Institute", "count": 1}])");
  EXPECT_EQ(search["facets"]["organisation"], expected_facet);
  EXPECT_EQ(cydex_json({"search", "org:\"European External Action Service\""})["total"], 3);
  EXPECT_EQ(cydex_json({"list", "--org", "European Union Agency for Cybersecurity"}).size(), 2U);
  EXPECT_EQ(cydex_json({"list", "--org", "eeas"}).size(), 3U);
  // Search filters take any name of the organisation too.
  EXPECT_EQ(cydex_json({"search", "--org", "EEAS", "paper"})["total"], 3);
  EXPECT_EQ(cydex_json({"search", "--org", "the European External Action Service", "paper"})["total"], 3);
  EXPECT_EQ(cydex_json({"search", "--org", "European Union Agency for Cybersecurity", "paper"})["total"], 2);
}

TEST_F(Librarian, MetaCorrectionSurvivesTouchesChangesReindexAndIngest) {
  const fs::path file = dir_.write("shelf/note.txt", kEeasText);
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);
  const std::string id = listed().at("note.txt")["id"];

  const ProcessResult meta = cydex({"meta", id.substr(0, 8), "--set", "org=ENISA", "--set", "year=2020",
                                    "title=Corrected title", "lang=de"});
  ASSERT_EQ(meta.exit_code, 0) << meta.err;
  EXPECT_NE(meta.out.find("organisation: ENISA"), std::string::npos) << meta.out;
  const auto check = [&](const std::string& when) {
    const json doc = listed().at("note.txt");
    EXPECT_EQ(doc["organisation"], "ENISA") << when;
    EXPECT_EQ(doc["year"], 2020) << when;
    EXPECT_EQ(doc["title"], "Corrected title") << when;
    EXPECT_EQ(doc["language"], "de") << when;
  };
  check("after meta");

  shift_mtime(file, -3600);  // touched: same content
  ASSERT_EQ(cydex({"reindex"}).exit_code, 0);
  check("after a touch and reindex");

  dir_.write("shelf/note.txt", std::string(kEeasText) + "A paragraph added later.\n");
  shift_mtime(file, 7200);
  const ProcessResult changed = cydex({"reindex"});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.out.find("updated 1"), std::string::npos) << changed.out;
  check("after a change and reindex");

  ASSERT_EQ(cydex({"ingest", shelf_.string()}).exit_code, 0);
  check("after ingest");

  // --unset falls back to what the file says (a text file: its first line).
  ASSERT_EQ(cydex({"meta", file.string(), "--unset", "title"}).exit_code, 0);
  EXPECT_EQ(listed().at("note.txt")["title"], "Cyber diplomacy note.");
  EXPECT_EQ(listed().at("note.txt")["organisation"], "ENISA");
}

TEST_F(Librarian, MetaPrintsTheRecordAndRefusesBadKeysAndValues) {
  const fs::path file = dir_.write("shelf/note.txt", kEeasText);
  dir_.write("shelf/catalogue.tsv", "path\torganisation\tnotes\nnote.txt\tEEAS\tchecked\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);

  const json record = cydex_json({"meta", file.string()});
  EXPECT_EQ(record["catalogue"], (shelf_ / "catalogue.tsv").string());
  EXPECT_EQ(record["record"], json::parse(R"({"notes": "checked", "organisation": "EEAS", "path": "note.txt"})"));
  EXPECT_EQ(record["indexed"]["organisation"], "European External Action Service");
  const ProcessResult text = cydex({"meta", file.string()});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("organisation: EEAS"), std::string::npos) << text.out;

  const std::string before = testing::read_file(shelf_ / "catalogue.tsv");
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--set", "year=19"}, {"--set", "year=2019x"}, {"--set", "lang=en_US_x_toolongpart"},
           {"--set", "colour=blue"}, {"--set", "title"}, {"--set", "date=2019-13-01"},
           {"--unset", "colour"}, {"--set", "org=A", "--unset", "org"}, {"--set", "notes=a\tb"}}) {
    std::vector<std::string> args = {"meta", file.string()};
    args.insert(args.end(), bad.begin(), bad.end());
    const ProcessResult result = cydex(args);
    EXPECT_EQ(result.exit_code, 64) << bad.back() << ": " << result.err;
    EXPECT_NE(result.err.find("Try 'cydex meta --help'"), std::string::npos);
  }
  EXPECT_EQ(testing::read_file(shelf_ / "catalogue.tsv"), before);
  EXPECT_EQ(cydex({"meta"}).exit_code, 64);
  const ProcessResult unknown = cydex({"meta", "ffffffffffff", "--set", "year=2020"});
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;
}

TEST_F(Librarian, HandEditedCatalogueTakesEffectAtTheNextReindex) {
  dir_.write("shelf/a.txt", "First paper.\n");
  dir_.write("shelf/sub/b.txt", "Second paper.\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);
  EXPECT_EQ(listed().at("b.txt")["organisation"], nullptr);

  // Files unchanged; only the catalogue is new.
  dir_.write("shelf/catalogue.tsv", "path\ttitle\torganisation\tyear\nsub/b.txt\tEdited by hand\tOSCE\t2015\n");
  const ProcessResult first = cydex({"reindex"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Added 0, updated 1, removed 0, unchanged 1"), std::string::npos) << first.out;
  EXPECT_EQ(listed().at("b.txt")["title"], "Edited by hand");
  EXPECT_EQ(listed().at("b.txt")["organisation"], "Organization for Security and Co-operation in Europe");
  EXPECT_EQ(listed().at("b.txt")["year"], 2015);

  const ProcessResult again = cydex({"reindex"});
  EXPECT_NE(again.out.find("Added 0, updated 0, removed 0, unchanged 2"), std::string::npos) << again.out;

  // A row taken out again: the file's own metadata comes back.
  dir_.write("shelf/catalogue.tsv", "path\ttitle\n");
  ASSERT_EQ(cydex({"reindex"}).exit_code, 0);
  EXPECT_EQ(listed().at("b.txt")["title"], "Second paper.");
  EXPECT_EQ(listed().at("b.txt")["organisation"], nullptr);
}

TEST_F(Librarian, RmExcludesTheFileUntilAddTakesItBack) {
  const fs::path file = dir_.write("shelf/a.txt", kEeasText);
  dir_.write("shelf/b.txt", "Second paper.\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);
  const std::string id = listed().at("a.txt")["id"];

  const ProcessResult rm = cydex({"rm", id.substr(0, 10)});
  ASSERT_EQ(rm.exit_code, 0) << rm.err;
  EXPECT_NE(rm.out.find("the file stays on disk"), std::string::npos) << rm.out;
  EXPECT_TRUE(fs::exists(file));
  EXPECT_EQ(testing::read_file(shelf_ / "catalogue.tsv"),
            "path\ttitle\torganisation\tyear\tlanguage\turl\tnotes\texcluded\na.txt\t\t\t\t\t\t\tyes\n");
  EXPECT_EQ(listed().count("a.txt"), 0U);

  const ProcessResult reindex = cydex({"reindex"});
  EXPECT_NE(reindex.out.find("Added 0, updated 0, removed 0, unchanged 1"), std::string::npos) << reindex.out;
  ASSERT_EQ(cydex({"ingest", shelf_.string()}).exit_code, 0);
  EXPECT_EQ(listed().count("a.txt"), 0U);

  ASSERT_EQ(cydex({"add", file.string()}).exit_code, 0);
  EXPECT_EQ(listed().count("a.txt"), 1U);
  ASSERT_EQ(cydex({"reindex"}).exit_code, 0);
  EXPECT_EQ(listed().count("a.txt"), 1U);

  const json gone = cydex_json({"rm", "ffffffffffff", (shelf_ / "b.txt").string()}, 2);
  ASSERT_EQ(gone.size(), 2U);
  EXPECT_FALSE(gone[0]["error"].is_null());
  EXPECT_TRUE(gone[1]["error"].is_null());
  EXPECT_EQ(listed().count("b.txt"), 0U);
  EXPECT_EQ(cydex({"rm"}).exit_code, 64);
}

TEST_F(Librarian, ARowMarkedExcludedByHandLeavesTheIndexAtTheNextReindex) {
  const fs::path file = dir_.write("shelf/sub/a.txt", kEeasText);
  dir_.write("shelf/b.txt", "Second paper.\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);
  dir_.write("shelf/catalogue.tsv", "path\texcluded\nsub/a.txt\tyes\n");
  const ProcessResult reindex = cydex({"reindex"});
  EXPECT_NE(reindex.out.find("Added 0, updated 0, removed 1, unchanged 1"), std::string::npos) << reindex.out;
  EXPECT_EQ(listed().count("a.txt"), 0U);
  EXPECT_TRUE(fs::exists(file));
  // meta cannot bring an excluded file back; add can.
  EXPECT_EQ(cydex({"meta", (shelf_ / "b.txt").string(), "--set", "year=2001"}).exit_code, 0);
  ASSERT_EQ(cydex({"add", file.string()}).exit_code, 0);
  EXPECT_EQ(testing::read_file(shelf_ / "catalogue.tsv"), "path\texcluded\tyear\nsub/a.txt\nb.txt\t\t2001\n");
  EXPECT_EQ(listed().count("a.txt"), 1U);
}

TEST_F(Librarian, ListFiltersAndSortsForPeopleAndScripts) {
  dir_.write("shelf/old.txt", "Old strategy.\n");
  dir_.write("shelf/mid.html", "<html lang=\"de\"><head><title>Mittlere Strategie</title></head><body><main><p>Text der "
                               "Strategie.</p></main></body></html>");
  dir_.write("shelf/new.txt", "New strategy.\n");
  dir_.write("shelf/undated.txt", "Undated strategy.\n");
  dir_.write("shelf/catalogue.tsv",
             "path\torganisation\tyear\tlanguage\nold.txt\tOSCE\t2015\ten\nmid.html\tEEAS\t2019\t\n"
             "new.txt\tENISA\t2023\ten\n");
  ASSERT_EQ(cydex({"ingest", shelf_.string()}).exit_code, 0);

  const auto names = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "list");
    std::vector<std::string> out;
    for (const json& doc : cydex_json(args)) out.push_back(fs::path(doc["path"].get<std::string>()).filename().string());
    return out;
  };
  EXPECT_EQ(names({"--sort", "year"}), (std::vector<std::string>{"old.txt", "mid.html", "new.txt", "undated.txt"}));
  EXPECT_EQ(names({}), (std::vector<std::string>{"mid.html", "new.txt", "old.txt", "undated.txt"}));
  EXPECT_EQ(names({"--sort", "title"}).front(), "mid.html");
  EXPECT_EQ(names({"--year", "2016..2023"}), (std::vector<std::string>{"mid.html", "new.txt"}));
  EXPECT_EQ(names({"--year", "..2019", "--sort", "year"}), (std::vector<std::string>{"old.txt", "mid.html"}));
  EXPECT_EQ(names({"--year", "2015"}), (std::vector<std::string>{"old.txt"}));
  EXPECT_EQ(names({"--org", "EEAS", "--org", "OSCE"}), (std::vector<std::string>{"mid.html", "old.txt"}));
  EXPECT_EQ(names({"--lang", "de"}), (std::vector<std::string>{"mid.html"}));
  EXPECT_EQ(names({"--format", "html"}), (std::vector<std::string>{"mid.html"}));
  EXPECT_TRUE(names({"--year", "1990"}).empty());

  const ProcessResult text = cydex({"list", "--year", "2023"});
  ASSERT_EQ(text.exit_code, 0);
  const std::string id = cydex_json({"list", "--year", "2023"})[0]["id"];
  EXPECT_EQ(text.out, id + "\t2023\tENISA\tNew strategy.\t" + (shelf_ / "new.txt").string() + "\n");
  for (const std::vector<std::string>& bad : std::vector<std::vector<std::string>>{
           {"--year", "20x"}, {"--year", ".."}, {"--sort", "size"}, {"--format", "doc"}, {"stray"}}) {
    std::vector<std::string> args = {"list"};
    args.insert(args.end(), bad.begin(), bad.end());
    EXPECT_EQ(cydex(args).exit_code, 64) << bad.back();
  }
}

TEST_F(Librarian, StatsCountsDocumentsPagesTagsAndRememberedFailures) {
  dir_.write("shelf/a.txt", kEeasText);
  dir_.write("shelf/b.html", "<html lang=\"de\"><head><title>Seite</title></head><body><main><p>Die EEAS und die "
                             "OSZE.</p></main></body></html>");
  const fs::path broken = dir_.write("shelf/broken.pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ngarbage\n");
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 2);

  const json stats = cydex_json({"stats"});
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_EQ(stats["pages"], 2);
  EXPECT_EQ(stats["format"], json::parse(R"([{"value": "html", "count": 1}, {"value": "text", "count": 1}])"));
  EXPECT_EQ(stats["language"], json::parse(R"([{"value": null, "count": 1}, {"value": "de", "count": 1}])"));
  EXPECT_EQ(stats["organisation"], json::parse(R"([{"value": null, "count": 2}])"));
  EXPECT_EQ(stats["tags"]["actor"][0], json::parse(R"({"id": "actor:eeas", "documents": 2, "mentions": 3})"));
  EXPECT_EQ(stats["tags"]["instrument"][0]["id"], "instrument:budapest-convention");
  ASSERT_EQ(stats["failures"].size(), 1U);
  EXPECT_EQ(stats["failures"][0]["path"], broken.string());
  EXPECT_EQ(stats["failures"][0]["kind"], "corrupt");

  const ProcessResult text = cydex({"stats"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("2 documents, 2 pages"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Failures remembered by reindex: 1\n  " + broken.string() + ": extract: corrupt:"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(cydex({"stats", "extra"}).exit_code, 64);

  const ProcessResult none = run_cydex({"--index", (dir_.path() / "nothing").string(), "stats"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("cydex ingest"), std::string::npos) << none.err;
}

TEST_F(Librarian, AddMetaAndRmWaitForNoOneAndExit3WhileAnotherWriterHoldsTheLock) {
  const fs::path file = dir_.write("shelf/a.txt", kEeasText);
  ASSERT_EQ(cydex({"reindex", shelf_.string()}).exit_code, 0);
  const std::string catalogue_before = fs::exists(shelf_ / "catalogue.tsv") ? "present" : "absent";
  auto writer = index::Writer::open(index_, index::WriterOptions{});
  ASSERT_TRUE(writer.has_value()) << writer.error().detail;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"add", file.string(), "--year", "2001"}, {"meta", file.string(), "--set", "year=2001"},
           {"rm", file.string()}}) {
    const ProcessResult result = cydex(args);
    EXPECT_EQ(result.exit_code, 3) << args.front() << ": " << result.err;
    EXPECT_NE(result.err.find("locked"), std::string::npos) << result.err;
  }
  // Reading needs no lock.
  EXPECT_EQ(cydex({"list"}).exit_code, 0);
  EXPECT_EQ(cydex({"stats"}).exit_code, 0);
  EXPECT_EQ(cydex({"meta", file.string()}).exit_code, 0);
}

TEST(LibrarianHelp, EveryCommandExplainsItselfWithExamples) {
  for (const char* command : {"add", "meta", "rm", "list", "stats"}) {
    const ProcessResult result = run_cydex({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find(std::string("Usage: cydex ") + command), std::string::npos) << command;
    EXPECT_NE(result.out.find("Example"), std::string::npos) << command;
    EXPECT_NE(result.out.find("Exit status"), std::string::npos) << command;
  }
  EXPECT_NE(run_cydex({"rm", "--help"}).out.find("files on disk are not touched"), std::string::npos);
  EXPECT_NE(run_cydex({"--help"}).out.find("  stats "), std::string::npos);
}

}  // namespace
}  // namespace cydex
