// SPDX-License-Identifier: Apache-2.0
// `cydex search` over a local shard and a shard served by a real
// xapian-tcpsrv, through the real binary: the same totals, hits and exact
// facets as one index of every document; an unreachable server is a
// one-line error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>

#include "run_process.h"
#include "temp_dir.h"
#include "xapian_server.h"

namespace cydex {
namespace {

using nlohmann::json;
using testing::run_cydex;

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::sample_dir())) {
    const std::string extension = entry.path().extension().string();
    if (extension == ".pdf" || extension == ".html") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void ingest(const std::filesystem::path& index, const std::vector<std::string>& files) {
  std::vector<std::string> args{"ingest", "--index", index.string()};
  args.insert(args.end(), files.begin(), files.end());
  const auto result = run_cydex(args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::set<std::string> result_ids(const json& result) {
  std::set<std::string> ids;
  for (const json& hit : result.at("results")) ids.insert(hit.at("id").get<std::string>());
  return ids;
}

class RemoteShardsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::XapianServer::program().empty()) {
      GTEST_SKIP() << "xapian-tcpsrv is not installed (Debian package xapian-tools): remote shards not tested";
    }
    const std::vector<std::string> files = sample_files();
    ASSERT_GE(files.size(), 4u);
    const auto middle = files.begin() + 2;
    ingest(dir_.path() / "one", files);
    ingest(dir_.path() / "local", std::vector<std::string>(files.begin(), middle));
    ingest(dir_.path() / "remote", std::vector<std::string>(middle, files.end()));
    server_ = std::make_unique<testing::XapianServer>(std::vector<std::filesystem::path>{dir_.path() / "remote"});
  }
  void TearDown() override { server_.reset(); }  // Stops the server.

  json search(const std::vector<std::string>& indexes, const std::vector<std::string>& rest) {
    std::vector<std::string> args{"search", "--json"};
    for (const std::string& index : indexes) {
      args.push_back("--index");
      args.push_back(index);
    }
    args.insert(args.end(), rest.begin(), rest.end());
    const auto result = run_cydex(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::XapianServer> server_;
};

TEST_F(RemoteShardsE2E, LocalAndRemoteShardsSearchAsOneIndex) {
  const std::vector<std::string> sharded = {(dir_.path() / "local").string(), server_->location()};
  const std::vector<std::string> one = {(dir_.path() / "one").string()};
  for (const std::string query : {"cyber", "diplomacy", "norm:13j", "cyber OR vulnerability"}) {
    const json expected = search(one, {"--limit", "20", query});
    const json got = search(sharded, {"--limit", "20", query});
    EXPECT_EQ(got.at("total"), expected.at("total")) << query;
    EXPECT_EQ(got.at("total_exact"), true) << query;
    EXPECT_EQ(got.at("facets"), expected.at("facets")) << query;
    EXPECT_EQ(result_ids(got), result_ids(expected)) << query;
    for (const json& hit : got.at("results")) {
      EXPECT_FALSE(hit.at("snippet").get<std::string>().empty()) << query << ": " << hit.at("id");
      EXPECT_FALSE(hit.at("highlights").empty()) << query << ": " << hit.at("id");
    }
  }
  // Facets only, as counted for a report: every document of both shards.
  const json all = search(sharded, {"--limit", "0", "cyber OR policy OR diplomacy"});
  EXPECT_GE(all.at("total").get<int>(), 4);
  EXPECT_EQ(all.at("facets"), search(one, {"--limit", "0", "cyber OR policy OR diplomacy"}).at("facets"));
  EXPECT_FALSE(all.at("facets").at("organisation").empty());
}

TEST_F(RemoteShardsE2E, UnreachableServerIsAOneLineErrorAndAFailure) {
  const auto result =
      run_cydex({"search", "--index", (dir_.path() / "local").string(), "--index", "tcp://127.0.0.1:1", "cyber"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_TRUE(result.err.starts_with("cydex search: tcp://127.0.0.1:1: ")) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;

  const auto json_error = run_cydex({"search", "--json", "--index", "tcp://127.0.0.1:1", "cyber"});
  EXPECT_EQ(json_error.exit_code, 1);
  EXPECT_NE(json::parse(json_error.out).at("error").get<std::string>().find("tcp://127.0.0.1:1"), std::string::npos);
}

TEST(RemoteShardsHelp, SearchHelpDescribesSeveralAndRemoteIndexes) {
  const auto help = run_cydex({"search", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("tcp://HOST:PORT"), std::string::npos);
  EXPECT_NE(help.out.find("xapian-tcpsrv"), std::string::npos);
}

}  // namespace
}  // namespace cydex
