// SPDX-License-Identifier: Apache-2.0
// The whole shared corpus through the real CLI: nothing crashes, problem
// files are reported for what they are, and known passages are found.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

class RealCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::is_directory(testing::shared_corpus_dir())) return;
    dir_ = new testing::TempDir();
    const auto run = run_cydex({"ingest", "--json", "--index", index(), testing::shared_corpus_dir().string()});
    exit_code_ = run.exit_code;
    stderr_ = run.err;
    if (!run.out.empty()) report_ = json::parse(run.out, nullptr, false);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (dir_ == nullptr) {
      GTEST_SKIP() << "real corpus not found at " << testing::shared_corpus_dir()
                   << " (it sits beside the checkout in CI; a user's clone has none)";
    }
  }
  static std::string index() { return (dir_->path() / "index").string(); }

  static json search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--json", "--limit", "50", "--index", index()});
    const auto run = run_cydex(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out);
  }

  static testing::TempDir* dir_;
  static int exit_code_;
  static std::string stderr_;
  static json report_;
};

testing::TempDir* RealCorpus::dir_ = nullptr;
int RealCorpus::exit_code_ = -1;
std::string RealCorpus::stderr_;
json RealCorpus::report_;

TEST_F(RealCorpus, EveryFileIsIndexedOrReportedAndNothingCrashes) {
  ASSERT_TRUE(report_.is_object()) << stderr_;
  EXPECT_TRUE(exit_code_ == 0 || exit_code_ == 2) << "exit " << exit_code_ << "\n" << stderr_;
  const int failed = static_cast<int>(report_["failed"].size());
  // 34 PDFs and 15 HTML pages, plus the manifest (a text file).
  EXPECT_EQ(report_["indexed"].get<int>() + failed, 50) << report_.dump(2);
  EXPECT_EQ(exit_code_ == 2, failed > 0);
  for (const json& failure : report_["failed"]) {
    EXPECT_FALSE(failure["reason"].get<std::string>().empty()) << failure.dump();
  }
}

TEST_F(RealCorpus, ScansWithoutTextAreIndexedAndFlagged) {
  // p034 (glyphs drawn as paths), p055 and p062 (office-scanner images).
  for (const char* scan : {"p034.pdf", "p055.pdf", "p062.pdf"}) {
    bool flagged = false;
    for (const json& warning : report_["warnings"]) {
      const std::string line = warning;
      if (line.find(scan) != std::string::npos && line.find("no text layer") != std::string::npos) flagged = true;
    }
    EXPECT_TRUE(flagged) << scan << " not reported as having no text layer";
  }
}

TEST_F(RealCorpus, KnownPassagesAreFound) {
  struct Case {
    std::vector<std::string> query;
    const char* file;
  };
  const Case cases[] = {
      // Paris Call, French edition (accents folded: "sur" finds "sûr").
      {{"\"cyberespace ouvert, sur, stable\""}, "p024.pdf"},
      // Botswana's national cybersecurity strategy.
      {{"Botswana", "cybersecurity", "strategy"}, "p052.pdf"},
      // NIS 2 guidance saved from the ANSSI site.
      {{"NIS", "MesServicesCyber"}, "h002.html"},
      // EUR-Lex page in German with a non-standard charset label.
      {{"Haftbefehl"}, "h003.html"},
  };
  for (const Case& c : cases) {
    const json result = search(c.query);
    bool found = false;
    for (const json& hit : result["results"]) {
      if (std::filesystem::path(hit["path"].get<std::string>()).filename() == c.file) found = true;
    }
    EXPECT_TRUE(found) << c.file << " not found by " << c.query.front();
  }
}

}  // namespace
}  // namespace cydex
