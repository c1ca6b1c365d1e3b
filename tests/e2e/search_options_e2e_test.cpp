// SPDX-License-Identifier: Apache-2.0
// Sorting, language and format facets and filters, year ranges, CSV, exact or estimated totals,
// per-language stemming and located query errors, through the real cydex binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "cydex/index/writer.h"
#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

/// Columns of a line: UTF-8 code points.
std::size_t columns(const std::string& line) {
  std::size_t count = 0;
  for (const char ch : line) count += (static_cast<unsigned char>(ch) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

/// Parses RFC 4180 CSV with CRLF records; fails the test on a malformed record.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field at byte " << i;
      quoted = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (ch == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "CR without LF at byte " << i;
    } else if (ch == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += ch;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && row.empty()) << "last record without CRLF";
  return rows;
}

class SearchOptions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto ingest = run_cydex({"ingest", "-q", "--index", index(), testing::sample_dir().string()});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string index() { return (dir_->path() / "index").string(); }

  static testing::ProcessResult cydex_search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--index", index()});
    return run_cydex(args);
  }

  static json search(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    const auto result = cydex_search(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  static std::map<std::string, int> facet(const json& result, const std::string& name) {
    std::map<std::string, int> out;
    for (const json& value : result["facets"][name]) out[value["value"]] = value["count"];
    return out;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* SearchOptions::dir_ = nullptr;

TEST_F(SearchOptions, SortByDateIsNewestFirstAndReverseOldestFirst) {
  std::vector<int> years;
  const json newest = search({"--sort", "date", "cyber"});
  for (const json& hit : newest["results"]) years.push_back(hit["year"]);
  EXPECT_EQ(years, (std::vector<int>{2024, 2023, 2023, 2019, 2017}));
  years.clear();
  const json oldest = search({"--sort", "date", "--reverse", "cyber"});
  for (const json& hit : oldest["results"]) years.push_back(hit["year"]);
  EXPECT_EQ(years, (std::vector<int>{2017, 2019, 2023, 2023, 2024}));
  const auto text = cydex_search({"--sort", "date", "cyber"});
  EXPECT_NE(text.out.find("(showing 1-5, newest first)"), std::string::npos) << text.out;
}

TEST_F(SearchOptions, SortByTitleIsAlphabeticalIgnoringCase) {
  std::vector<std::string> titles;
  const json sorted = search({"--sort", "title", "cyber"});
  for (const json& hit : sorted["results"]) titles.push_back(hit["title"]);
  ASSERT_EQ(titles.size(), 5u);
  EXPECT_EQ(titles.front(), "Cyber Diplomacy and Cyber Foreign Policy [focus area page]");
  EXPECT_EQ(titles.back(), "International cyber policy");
}

TEST_F(SearchOptions, BadOrderOptionsAreUsageErrors) {
  EXPECT_EQ(cydex_search({"--reverse", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--sort", "size", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--format", "xml", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--json", "--format", "csv", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--doc-format", "docx", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--year-buckets", "0", "cyber"}).exit_code, 64);
  EXPECT_EQ(cydex_search({"--estimate", "--facet", "year", "cyber"}).exit_code, 64);
  const auto pdf = cydex_search({"--format", "pdf", "cyber"});
  EXPECT_EQ(pdf.exit_code, 64);
  EXPECT_NE(pdf.err.find("--doc-format pdf"), std::string::npos) << pdf.err;
}

TEST_F(SearchOptions, LanguageAndFormatFacetsAndFilters) {
  const json all = search({"cyber"});
  EXPECT_EQ(facet(all, "language"), (std::map<std::string, int>{{"en", 5}}));
  EXPECT_EQ(facet(all, "format"), (std::map<std::string, int>{{"html", 4}, {"pdf", 1}}));
  EXPECT_EQ(all["total_exact"], true);
  EXPECT_EQ(search({"--doc-format", "pdf", "cyber"})["total"], 1);
  EXPECT_EQ(search({"--doc-format", "pdf", "--doc-format", "html", "cyber"})["total"], 5);
  // Options and query filters combine with AND.
  EXPECT_EQ(search({"--doc-format", "html", "cyber", "format:pdf"})["total"], 0);
  EXPECT_EQ(search({"--lang", "en", "cyber", "format:pdf"})["total"], 1);
  EXPECT_EQ(search({"--lang", "de", "cyber"})["total"], 0);
}

TEST_F(SearchOptions, YearBucketsGiveRangesWithExactCounts) {
  EXPECT_EQ(facet(search({"--year-buckets", "5", "cyber"}), "year"),
            (std::map<std::string, int>{{"2015-2019", 2}, {"2020-2024", 3}}));
  EXPECT_EQ(facet(search({"--year-buckets", "decade", "--facet", "norm", "cyber"}), "year"),
            (std::map<std::string, int>{{"2010-2019", 2}, {"2020-2029", 3}}));
  // A range is the --year filter of the next search.
  EXPECT_EQ(search({"--year", "2015..2019", "cyber"})["total"], 2);
}

TEST_F(SearchOptions, FormatJsonIsTheSameAsJson) {
  const auto json_flag = cydex_search({"--json", "Budapest"});
  const auto format_json = cydex_search({"--format", "json", "Budapest"});
  ASSERT_EQ(json_flag.exit_code, 0);
  EXPECT_EQ(json_flag.out, format_json.out);
}

TEST_F(SearchOptions, CsvFollowsRfc4180WithAHeaderAndOneRowPerHit) {
  const auto result = cydex_search({"--format", "csv", "--limit", "3", "freedom", "online"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("rank,score,id,title,organisation,year,language,format,page,path,snippet\r\n"));
  EXPECT_EQ(result.out.find("\x1b["), std::string::npos);
  const auto rows = parse_csv(result.out);
  ASSERT_EQ(rows.size(), 4u);
  const json same = search({"--limit", "3", "freedom", "online"});
  bool quoted_comma = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 11u);
    const json& hit = same["results"][i - 1];
    EXPECT_EQ(rows[i][0], std::to_string(i));
    EXPECT_EQ(rows[i][2], hit["id"]);
    EXPECT_EQ(rows[i][3], hit["title"]);
    EXPECT_EQ(rows[i][5], std::to_string(hit["year"].get<int>()));
    EXPECT_EQ(rows[i][9], hit["path"]);
    EXPECT_EQ(rows[i][10], hit["snippet"]);
    EXPECT_EQ(rows[i][8], hit["page"].is_null() ? "" : std::to_string(hit["page"].get<int>()));
    quoted_comma = quoted_comma || rows[i][10].find(',') != std::string::npos;
  }
  EXPECT_TRUE(quoted_comma) << "some snippet has a comma, so quoting was exercised";
}

TEST_F(SearchOptions, MalformedQueriesGiveOneLocatedLineAndExitTwo) {
  struct Case {
    const char* query;
    const char* says;
  };
  const Case cases[] = {
      {"norm:(", "malformed query 'norm:(': 'norm:' at column 1 takes one value, as in norm:13j, not a group"},
      {"cyber \"unclosed", "malformed query 'cyber \"unclosed': '\"' at column 7 opens a phrase that is not closed"},
      {"cyber AND", "malformed query 'cyber AND': 'AND' at column 7 needs a word after it"},
      {"nrom:13j", "unknown field 'nrom:' at column 1 of 'nrom:13j'; did you mean norm:?"},
      {"norm:13z", "unknown tag 'norm:13z' at column 1 of 'norm:13z'; did you mean norm:13a, norm:13b or norm:13c?"},
      {"actor:eeas-x", "did you mean actor:eeas"},
  };
  for (const Case& c : cases) {
    const auto result = cydex_search({c.query});
    EXPECT_EQ(result.exit_code, 2) << c.query;
    EXPECT_TRUE(result.err.starts_with("cydex search: ")) << result.err;
    EXPECT_NE(result.err.find(c.says), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_EQ(result.out, "") << c.query;
  }
  const auto as_json = cydex_search({"--json", "norm:13z"});
  EXPECT_EQ(as_json.exit_code, 2);
  const json error = json::parse(as_json.out);
  EXPECT_TRUE(error["error"].get<std::string>().starts_with("unknown tag 'norm:13z'"));
  EXPECT_EQ(error["position"], 0);
  EXPECT_EQ(error["token"], "norm:13z");
  EXPECT_EQ(error["suggestions"][0], "norm:13a");
}

TEST_F(SearchOptions, ColonsThatAreNotFieldsStayText) {
  for (const char* query : {"https://www.stiftung-nv.de/en", "10:30", "ratio:2 cyber"}) {
    const auto result = cydex_search({query});
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
  }
  // Words joined by a colon that is no field are searched as a phrase.
  EXPECT_EQ(search({"cyber:diplomacy"})["total"], search({"\"cyber diplomacy\""})["total"]);
}

TEST(SearchTags, ATagAddedToTheTaxonomyFileIsValidBeforeTheNextRetag) {
  const testing::TempDir dir;
  dir.write("docs/a.txt", "Report\n\nThe Group of Governmental Experts met in New York.\n");
  const std::string index = (dir.path() / "index").string();
  ASSERT_EQ(run_cydex({"ingest", "-q", "--index", index, (dir.path() / "docs").string()}).exit_code, 0);
  std::filesystem::copy(testing::source_dir() / "corpus" / "taxonomy", dir.path() / "taxonomy");
  std::ofstream(dir.path() / "taxonomy" / "organisations.tsv", std::ios::app)
      << "\nactor:example-institute\tlabel\ten\tExample Institute\n";
  const std::string taxonomy = (dir.path() / "taxonomy").string();
  ASSERT_EQ(run_cydex({"tags", "--taxonomy", taxonomy}).exit_code, 0);
  // Not in the index's registered taxonomy, but in the file: a valid id no document has yet.
  const auto known = run_cydex({"search", "--json", "--index", index, "--taxonomy", taxonomy, "actor:example-institute"});
  EXPECT_EQ(known.exit_code, 0) << known.err;
  EXPECT_EQ(json::parse(known.out)["total"], 0);
  // The installed taxonomy does not have it: an unknown tag.
  const auto unknown = run_cydex({"search", "--index", index, "actor:example-institute"}, {{"CYDEX_TAXONOMY", ""}});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown tag 'actor:example-institute'"), std::string::npos) << unknown.err;
}

TEST(SearchLanguages, GermanFrenchAndSpanishDocumentsMatchByTheirOwnStems) {
  const testing::TempDir dir;
  dir.write("docs/catalogue.tsv",
            "path\ttitle\torganisation\tyear\tlanguage\n"
            "de.txt\tCyber-Außenpolitik\tAuswärtiges Amt\t2021\tde\n"
            "fr.txt\tCyberdiplomatie\tMinistère de l'Europe\t2019\tfr\n"
            "es.txt\tCiberseguridad nacional\tGobierno de España\t2020\tes\n"
            "en.txt\tNegotiating norms\tChatham House\t2020\ten\n");
  dir.write("docs/de.txt", "Die Verhandlungen über verantwortungsvolles Staatenverhalten im Cyberraum wurden "
                           "in New York fortgesetzt.\n");
  dir.write("docs/fr.txt", "Les négociations sur la cybersécurité se poursuivent. Les enjeux stratégiques du "
                           "comportement responsable des États.\n");
  dir.write("docs/es.txt", "Las negociaciones internacionales sobre normas de comportamiento responsable "
                           "continúan. Las estrategias nacionales de ciberseguridad.\n");
  dir.write("docs/en.txt", "The negotiations at the United Nations on responsible state behaviour continue.\n");
  const std::string index = (dir.path() / "index").string();
  const auto ingest = run_cydex({"ingest", "-q", "--index", index, (dir.path() / "docs").string()});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;

  const auto files = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json", "--index", index});
    const auto result = run_cydex(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> out;
    const json parsed = json::parse(result.out);
    for (const json& hit : parsed["results"]) {
      out.push_back(std::filesystem::path(hit["path"].get<std::string>()).filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(files({"Verhandlung"}), (std::vector<std::string>{"de.txt"}));
  EXPECT_EQ(files({"stratégie"}), (std::vector<std::string>{"fr.txt"}));
  EXPECT_EQ(files({"internacional"}), (std::vector<std::string>{"es.txt"}));
  EXPECT_EQ(files({"negotiation"}), (std::vector<std::string>{"en.txt"}));
  EXPECT_EQ(files({"\"Verhandlung\""}), (std::vector<std::string>{}));
  EXPECT_EQ(files({"\"Die Verhandlungen\""}), (std::vector<std::string>{"de.txt"}));
  EXPECT_EQ(files({"--lang", "de", "Verhandlung"}), (std::vector<std::string>{"de.txt"}));
  EXPECT_EQ(files({"Verhandlung", "lang:fr"}), (std::vector<std::string>{}));
  EXPECT_EQ(files({"--lang", "fr", "responsable"}), (std::vector<std::string>{"fr.txt"}));
  const auto text = run_cydex({"search", "--index", index, "--facet", "language", "responsable"});
  EXPECT_NE(text.out.find("Language:"), std::string::npos) << text.out;
}

TEST(SearchEstimate, AboutWhenTheCountStopsEarly) {
  const testing::TempDir dir;
  const std::filesystem::path index = dir.path() / "index";
  {
    auto writer = index::Writer::open(index, index::WriterOptions{.batch_size = 1000});
    ASSERT_TRUE(writer.has_value()) << writer.error().detail;
    for (int i = 0; i < 300; ++i) {
      corpus::ExtractedDocument doc;
      doc.source.id = "doc" + std::to_string(i);
      doc.source.path = "/corpus/doc" + std::to_string(i) + ".txt";
      doc.source.media_type = corpus::MediaType::Text;
      doc.metadata.title = "Paper " + std::to_string(i);
      doc.metadata.language = i % 3 == 0 ? "de" : "en";
      doc.pages.push_back(corpus::Page{1, i % 2 == 0 ? "cyber" : "other"});
      ASSERT_TRUE(writer->put(doc).has_value());
    }
    ASSERT_TRUE(writer->commit().has_value());
  }
  const auto exact = run_cydex({"search", "--json", "--index", index.string(), "-n", "1", "cyber OR other"});
  ASSERT_EQ(exact.exit_code, 0) << exact.err;
  EXPECT_EQ(json::parse(exact.out)["total"], 300);
  EXPECT_EQ(json::parse(exact.out)["total_exact"], true);
  const auto estimate =
      run_cydex({"search", "--json", "--estimate", "--index", index.string(), "-n", "1", "cyber OR other"});
  ASSERT_EQ(estimate.exit_code, 0) << estimate.err;
  EXPECT_EQ(json::parse(estimate.out)["total_exact"], false);
  EXPECT_TRUE(json::parse(estimate.out)["facets"].empty());
  const auto text = run_cydex({"search", "--estimate", "--index", index.string(), "-n", "1", "cyber OR other"});
  EXPECT_TRUE(text.out.starts_with("about ")) << text.out;
  const auto exact_text = run_cydex({"search", "--index", index.string(), "-n", "1", "cyber OR other"});
  EXPECT_TRUE(exact_text.out.starts_with("300 documents match")) << exact_text.out;
}

TEST(SearchText, LongTitlesPathsAndWordsFitEightyColumns) {
  const testing::TempDir dir;
  const std::string folder = "docs/a-rather-long-folder-name-for-the-collection/another-deeply-nested-folder-level";
  const std::string title = "A very long title about cyber diplomacy, confidence building measures, and the "
                            "implementation of the eleven norms of responsible state behaviour in cyberspace";
  dir.write(folder + "/catalogue.tsv", "path\ttitle\torganisation\tyear\tlanguage\n"
                                       "report-with-a-long-file-name-2024.txt\t" + title +
                                       "\tOrganisation for Security and Co-operation in Europe, Transnational "
                                       "Threats Department, Cyber Security Unit\t2024\ten\n");
  dir.write(folder + "/report-with-a-long-file-name-2024.txt",
            "Confidence building in cyberspace, see https://www.example.org/a/very/long/address/that/does/not/"
            "fit/on/one/line/of/the/terminal/at/all/cyber-diplomacy-and-confidence-building.html for more.\n");
  const std::string index = (dir.path() / "index").string();
  ASSERT_EQ(run_cydex({"ingest", "-q", "--index", index, (dir.path() / "docs").string()}).exit_code, 0);
  const auto result = run_cydex({"search", "--index", index, "confidence"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(result.out);
  bool path_line = false;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(columns(line), 80u) << line;
    path_line = path_line || line.ends_with("/report-with-a-long-file-name-2024.txt");
  }
  EXPECT_TRUE(path_line) << "the path keeps its file name:\n" << result.out;
  EXPECT_NE(result.out.find(" 1. A very long title about cyber diplomacy"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("…"), std::string::npos) << result.out;
}

TEST(SearchHelp, TeachesEveryOptionWithExamples) {
  const auto help = run_cydex({"search", "--help"});
  ASSERT_EQ(help.exit_code, 0);
  for (const char* text : {"--sort", "--reverse", "--lang", "--doc-format", "--year-buckets", "--format", "csv",
                           "--estimate", "total_exact", "about N", "Verhandlung", "did you", "Examples:",
                           "cydex search --sort date", "--year-buckets 5", "--format csv"}) {
    EXPECT_NE(help.out.find(text), std::string::npos) << text;
  }
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(columns(line), 80u) << line;
}

}  // namespace
}  // namespace cydex
