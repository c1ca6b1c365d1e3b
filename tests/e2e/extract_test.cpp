// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace cydex
