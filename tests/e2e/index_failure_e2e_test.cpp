// SPDX-License-Identifier: Apache-2.0
// An index that cannot be written (a full disk, a file size limit, a
// read-only folder) stops `cydex ingest` and `cydex reindex` with one line
// naming the index and the reason, exit 1, and leaves the index at its last
// commit.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "run_process.h"
#include "temp_dir.h"

namespace cydex {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_cydex;
using testing::run_process;
using testing::TempDir;

constexpr const char* kXapianCheck = "/usr/bin/xapian-check";

struct Limits {
  rlim_t file_size = RLIM_INFINITY;  ///< RLIMIT_FSIZE in bytes.
  bool as_nobody = false;            ///< Run as uid/gid 65534 (when root), so permissions apply.
};

/// Runs cydex under `limits` with SIGXFSZ ignored (a write past the limit
/// then fails with EFBIG instead of killing the process).
testing::ProcessResult run_limited(const TempDir& dir, const std::vector<std::string>& args, const Limits& limits) {
  const fs::path out = dir.path() / "limited.out";
  const fs::path err = dir.path() / "limited.err";
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDONLY);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    dup2(null, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{limits.file_size, limits.file_size};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
    if (limits.as_nobody && geteuid() == 0) {
      if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
    }
    std::vector<char*> argv;
    std::string program = CYDEX_BINARY;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (std::string& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  testing::ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

/// `count` text files of 2,000 words each from a 50,000-word vocabulary:
/// a few MB of index, far past a small size limit.
fs::path make_bulk(const TempDir& dir, int count) {
  std::mt19937 random(7);
  std::vector<std::string> words;
  for (int i = 0; i < 50000; ++i) {
    std::string word;
    const int length = 4 + static_cast<int>(random() % 7);
    for (int j = 0; j < length; ++j) word.push_back(static_cast<char>('a' + random() % 26));
    words.push_back(word);
  }
  for (int i = 0; i < count; ++i) {
    std::string text = "Bulk report " + std::to_string(i) + "\n";
    for (int j = 0; j < 2000; ++j) text += words[random() % words.size()] + (j % 12 == 11 ? "\n" : " ");
    dir.write("bulk/b" + std::to_string(i) + ".txt", text);
  }
  return dir.path() / "bulk";
}

int line_count(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

class IndexFailureE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    // Readable by uid 65534 too (a temporary folder is private to its owner).
    fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
    index_ = dir_.path() / "index";
    dir_.write("committed/norms.txt", "Norms of state behaviour\nStates agreed on eleven norms.\n");
    const auto first = run_cydex({"--index", index_.string(), "ingest", "-q", (dir_.path() / "committed").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
  }

  /// The committed document is still found, and xapian-check finds no fault.
  void expect_last_commit_intact() {
    const auto search = run_cydex({"--index", index_.string(), "search", "--json", "eleven"});
    EXPECT_EQ(search.exit_code, 0) << search.err;
    EXPECT_NE(search.out.find("norms.txt"), std::string::npos) << search.out;
    if (!fs::exists(kXapianCheck)) {
      ADD_FAILURE() << kXapianCheck << " is missing (Debian package xapian-tools, see .ci/install-deps)";
      return;
    }
    const auto check = run_process(kXapianCheck, {index_.string()});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("No errors found"), std::string::npos) << check.out;
  }

  TempDir dir_;
  fs::path index_;
};

TEST_F(IndexFailureE2e, FileSizeLimitStopsIngestAndReindexWithOneLine) {
  const fs::path bulk = make_bulk(dir_, 150);
  for (const std::string command : {"ingest", "reindex"}) {
    SCOPED_TRACE(command);
    const auto run = run_limited(dir_, {"--index", index_.string(), command, "-q", "--jobs", "2", bulk.string()},
                                 Limits{.file_size = 400 * 1024});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(line_count(run.err), 1) << run.err;
    EXPECT_NE(run.err.find("cydex " + command + ": "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(index_.string() + ": file too large"), std::string::npos) << run.err;
    expect_last_commit_intact();
  }
}

TEST_F(IndexFailureE2e, ReadOnlyIndexIsPermissionDeniedNotLocked) {
  // As root, permissions bind only once the process drops to another user.
  for (const auto& entry : fs::directory_iterator(index_)) {
    fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  fs::permissions(index_, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  dir_.write("more/new.txt", "Confidence building\nThe OSCE adopted measures.\n");
  fs::permissions(dir_.path() / "more", fs::perms::all);
  fs::permissions(dir_.path() / "more" / "new.txt", fs::perms::all);
  for (const std::string command : {"ingest", "reindex"}) {
    SCOPED_TRACE(command);
    const auto run = run_limited(dir_, {"--index", index_.string(), command, "-q", (dir_.path() / "more").string()},
                                 Limits{.as_nobody = true});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(line_count(run.err), 1) << run.err;
    EXPECT_NE(run.err.find(index_.string() + ": cannot write the index: permission denied"), std::string::npos)
        << run.err;
  }
  fs::permissions(index_, fs::perms::owner_all, fs::perm_options::add);
  expect_last_commit_intact();
}

TEST_F(IndexFailureE2e, IndexPathUnderAFileIsNamedWithTheReason) {
  dir_.write("plain-file", "not a folder");
  const fs::path index = dir_.path() / "plain-file" / "index";
  const auto run = run_cydex({"--index", index.string(), "ingest", "-q", (dir_.path() / "committed").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(line_count(run.err), 1) << run.err;
  EXPECT_NE(run.err.find(index.string() + ": cannot create the index: not a directory"), std::string::npos)
      << run.err;
}

TEST_F(IndexFailureE2e, FullDiskStopsIngestWithOneLine) {
  // A 1 MiB tmpfs in a mount namespace of its own, so nothing outside sees
  // it; needs root (or CAP_SYS_ADMIN) and util-linux's unshare.
  const fs::path mount_point = dir_.path() / "small-disk";
  fs::create_directories(mount_point);
  const fs::path bulk = make_bulk(dir_, 150);
  const fs::path index = mount_point / "index";
  const std::string cydex = CYDEX_BINARY;
  const std::string script =
      "mount -t tmpfs -o size=1m tmpfs '" + mount_point.string() + "' || exit 200\n" +
      "'" + cydex + "' --index '" + index.string() + "' ingest -q '" + (dir_.path() / "committed").string() +
      "' || exit 201\n" +
      "'" + cydex + "' --index '" + index.string() + "' ingest -q --jobs 2 '" + bulk.string() + "'\n" +
      "echo \"exit=$?\"\n"
      "'" + cydex + "' --index '" + index.string() + "' search eleven >/dev/null && echo searched\n" +
      std::string(kXapianCheck) + " '" + index.string() + "' | tail -n 1\n";
  const auto run = run_process("/usr/bin/unshare", {"--mount", "/bin/sh", "-c", script});
  if (run.exit_code == 200 || run.exit_code == 127 || run.exit_code == 1) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root and unshare): " << run.err;
  }
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("exit=1\n"), std::string::npos) << run.out << run.err;
  EXPECT_EQ(line_count(run.err), 1) << run.err;
  EXPECT_NE(run.err.find(index.string() + ": no space left on device"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("searched\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("No errors found"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace cydex
