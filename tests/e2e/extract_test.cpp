// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

TEST(Extract, PdfFollowsTheJsonContract) {
  const auto run = run_cydex({"extract", "--json", (testing::sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json doc = json::parse(run.out);
  EXPECT_EQ(doc["format"], "pdf");
  EXPECT_EQ(doc["status"], "ok");
  EXPECT_TRUE(doc["error"].is_null());
  EXPECT_EQ(doc["metadata"]["title"], "EU Cyber Diplomacy");
  EXPECT_TRUE(doc["metadata"]["authors"].is_array());
  ASSERT_EQ(doc["pages"].size(), 13u);
  for (std::size_t i = 0; i < doc["pages"].size(); ++i) EXPECT_EQ(doc["pages"][i]["number"], i + 1);
  EXPECT_NE(doc["pages"][0]["text"].get<std::string>().find("diplomatic practices"), std::string::npos);
}

TEST(Extract, HtmlIsOnePageWithItsHeadMetadata) {
  const auto run =
      run_cydex({"extract", "--json", (testing::sample_dir() / "000-federal-foreign-office-international-cyber-policy.html").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json doc = json::parse(run.out);
  EXPECT_EQ(doc["format"], "html");
  EXPECT_EQ(doc["metadata"]["title"], "International cyber policy");
  EXPECT_EQ(doc["metadata"]["year"], 2017);
  EXPECT_EQ(doc["metadata"]["language"], "en");
  ASSERT_EQ(doc["pages"].size(), 1u);
  const std::string text = doc["pages"][0]["text"];
  EXPECT_NE(text.find("Freedom Online Coalition"), std::string::npos);
  EXPECT_EQ(text.find("Related content"), std::string::npos);
  EXPECT_EQ(text.find("Top of page"), std::string::npos);
}

TEST(Extract, FailedFileExitsTwoWithAOneLineReason) {
  const testing::TempDir dir;
  const auto file = dir.write("locked.pdf", "%PDF-1.4\nthis is not really a pdf\n");
  const auto run = run_cydex({"extract", "--json", file.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, file.string() + ": extract: corrupt: poppler cannot open this PDF" +
                         run.err.substr(run.err.find("PDF") + 3));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
  const json doc = json::parse(run.out);
  EXPECT_EQ(doc["status"], "failed");
  EXPECT_FALSE(doc["error"].is_null());
}

TEST(Extract, SeveralFilesGiveJsonLinesInTheOrderNamed) {
  const testing::TempDir dir;
  const auto broken = dir.write("broken.pdf", "%PDF-1.4\nnot a pdf at all\n");
  const auto note = dir.write("note.txt", "Cyber diplomacy notes on the Budapest Convention.\n");
  const std::vector<std::string> files = {
      (testing::sample_dir() / "004-eeas-eu-cyber-diplomacy.pdf").string(), broken.string(), note.string(),
      (testing::sample_dir() / "000-federal-foreign-office-international-cyber-policy.html").string()};
  std::vector<std::string> args = {"extract", "--json", "--jobs", "2"};
  args.insert(args.end(), files.begin(), files.end());
  const auto run = run_cydex(args);
  EXPECT_EQ(run.exit_code, 2) << "one file failed";
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_EQ(run.err.rfind(broken.string() + ": ", 0), 0U) << run.err;
  std::istringstream lines(run.out);
  std::vector<json> docs;
  for (std::string line; std::getline(lines, line);) docs.push_back(json::parse(line));
  ASSERT_EQ(docs.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(docs[i]["path"], std::filesystem::absolute(files[i]).lexically_normal().string()) << i;
  }
  EXPECT_EQ(docs[0]["format"], "pdf");
  EXPECT_EQ(docs[2]["format"], "text");
  EXPECT_EQ(docs[3]["format"], "html");
  EXPECT_EQ(docs[0]["pages"].size(), 13U);
  EXPECT_EQ(docs[1]["status"], "failed");
  EXPECT_NE(docs[2]["pages"][0]["text"].get<std::string>().find("Budapest Convention"), std::string::npos);
}

TEST(Extract, SeveralFilesAsTextEachUnderAHeader) {
  const testing::TempDir dir;
  const auto first = dir.write("first.txt", "First note on norms.\n");
  const auto second = dir.write("second.txt", "Second note on actors.\n");
  const auto run = run_cydex({"extract", first.string(), second.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto one = run.out.find("==> " + first.string() + " <==");
  const auto two = run.out.find("==> " + second.string() + " <==");
  ASSERT_NE(one, std::string::npos) << run.out;
  ASSERT_NE(two, std::string::npos) << run.out;
  EXPECT_LT(one, run.out.find("First note"));
  EXPECT_LT(run.out.find("First note"), two);
  EXPECT_LT(two, run.out.find("Second note"));
}

}  // namespace
}  // namespace cydex
