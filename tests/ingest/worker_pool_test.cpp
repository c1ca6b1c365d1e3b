// SPDX-License-Identifier: Apache-2.0
#include "worker_pool.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cydex/corpus/taxonomy.h"
#include "cydex/ingest/batch.h"
#include "cydex/ingest/tagger.h"
#include "cydex/ingest/text_extractor.h"
#include "printers.h"
#include "temp_dir.h"
#include "wire_codec.h"

namespace cydex::ingest {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

/// A text extractor that misbehaves on purpose for some file names, as a
/// library does on a poisonous file: "spin.txt" never returns, "abort.txt"
/// aborts, "segv.txt" dies of SIGSEGV, "garble.txt" writes a frame of
/// garbage on the worker's channel, "hog.txt" asks for 8 GiB, and
/// "nap*.txt" takes half a second (waiting, not computing, so that the
/// machine's load does not matter). Every other file is extracted by the
/// real TextExtractor, and its URL records the id of the process that
/// extracted it.
class SabotagingExtractor final : public Extractor {
 public:
  [[nodiscard]] ExtractResult extract(const corpus::SourceDocument& source, std::string_view bytes) const override {
    const std::string name = source.path.filename().string();
    if (name == "spin.txt") {
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    if (name == "abort.txt") std::abort();
    if (name == "segv.txt") {
      // As in a build without sanitizers, whose handler would turn the
      // signal into an exit status.
      std::signal(SIGSEGV, SIG_DFL);
      std::raise(SIGSEGV);
    }
    if (name == "garble.txt") {
      // A frame whose payload is not a result, as a worker that wrote on
      // its channel by mistake would send; then wait to be killed.
      const std::string frame("\x05\0\0\0\0\0\0\0hello", 13);
      if (::write(kWorkerFd, frame.data(), frame.size()) != static_cast<ssize_t>(frame.size())) std::abort();
      for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    if (name == "hog.txt") {
      // Not value-initialised, so that without a limit only one page is touched;
      // the volatile pointer keeps the compiler from eliding the allocation.
      const std::unique_ptr<char[]> hog(new char[std::size_t{8} << 30]);
      char* volatile escape = hog.get();
      escape[0] = 'x';
      return corpus::Unexpected(corpus::IngestError{source.path, "extract", corpus::ErrorKind::Internal,
                                                    "allocated 8 GiB: " + std::string(1, escape[0])});
    }
    if (name.starts_with("nap")) std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ExtractResult result = real_.extract(source, bytes);
    if (result) result->metadata.url = "pid:" + std::to_string(::getpid());
    return result;
  }

 private:
  TextExtractor real_;
};

ExtractorRegistry sabotaged_registry() {
  ExtractorRegistry registry = ExtractorRegistry::with_defaults();
  registry.add(corpus::MediaType::Text, std::make_unique<SabotagingExtractor>());
  return registry;
}

/// True when this process has no child left, not even a zombie.
bool no_children_left() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD;
}

/// What a run of the pool delivered, in the order it came.
struct Delivered {
  std::vector<fs::path> paths;
  std::map<fs::path, ExtractResult> results;
};

Delivered run_pool(const Pipeline& pipeline, const PoolOptions& options, const std::vector<fs::path>& files) {
  Delivered out;
  WorkerPool pool(pipeline, options);
  pool.run(files, [&](const fs::path& path, ExtractResult result) {
    out.paths.push_back(path);
    out.results.emplace(path, std::move(result));
    return PoolFlow::Continue;
  });
  return out;
}

std::vector<fs::path> sample_files() {
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(testing::sample_dir())) {
    if (entry.path().filename() != "catalogue.tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class WorkerPoolTest : public ::testing::Test {
 protected:
  void TearDown() override { EXPECT_TRUE(no_children_left()) << "a worker was left unreaped"; }

  fs::path write(const std::string& name, const std::string& text) const { return dir_.write(name, text); }
  static std::string pid_of(const ExtractResult& result) { return result ? result->metadata.url : "failed"; }

  TempDir dir_;
  ExtractorRegistry registry_ = sabotaged_registry();
  Pipeline pipeline_{.registry = &registry_};
};

TEST_F(WorkerPoolTest, SampleCorpusComesBackAsInProcessExtractionDoes) {
  auto taxonomy = corpus::Taxonomy::load(testing::source_dir() / "corpus" / "taxonomy");
  ASSERT_TRUE(taxonomy) << taxonomy.error().message();
  const Tagger tagger(*taxonomy);
  const ExtractorRegistry registry = ExtractorRegistry::with_defaults();
  const Pipeline pipeline{.registry = &registry, .tagger = &tagger};
  const std::vector<fs::path> files = sample_files();
  ASSERT_EQ(files.size(), 5U);

  std::size_t mentions = 0;
  for (const std::size_t workers : {1U, 2U}) {
    const Delivered delivered =
        run_pool(pipeline, PoolOptions{.workers = workers, .timeout = std::chrono::seconds(60)}, files);
    ASSERT_EQ(delivered.paths.size(), files.size()) << workers << " workers: each file exactly once";
    for (const fs::path& file : files) {
      SCOPED_TRACE(file.filename().string() + " with " + std::to_string(workers) + " workers");
      ASSERT_EQ(delivered.results.count(file), 1U);
      const ExtractResult& pooled = delivered.results.at(file);
      const ExtractResult local = process_file(pipeline, file);
      ASSERT_TRUE(pooled) << pooled.error().message();
      ASSERT_TRUE(local);
      // The encoding holds every field, so equal bytes mean equal results.
      EXPECT_EQ(encode_result(pooled), encode_result(local));
      EXPECT_EQ(pooled->pages.size(), local->pages.size());
      mentions += pooled->mentions.size();
    }
  }
  EXPECT_GT(mentions, 0U) << "the tagger's mentions cross the channel too";
}

TEST_F(WorkerPoolTest, OneWorkerStillExtractsInAnotherProcess) {
  const std::vector<fs::path> files = {write("a.txt", "Alpha\n"), write("b.txt", "Beta\n")};
  const Delivered delivered = run_pool(pipeline_, PoolOptions{.workers = 1}, files);
  ASSERT_EQ(delivered.paths, files);
  const std::string parent = "pid:" + std::to_string(::getpid());
  EXPECT_NE(pid_of(delivered.results.at(files[0])), parent);
  // The same worker serves file after file.
  EXPECT_EQ(pid_of(delivered.results.at(files[0])), pid_of(delivered.results.at(files[1])));
}

TEST_F(WorkerPoolTest, WorkersExtractAtTheSameTime) {
  std::vector<fs::path> files;
  for (const char* name : {"nap1.txt", "nap2.txt", "nap3.txt", "nap4.txt"}) files.push_back(write(name, "Nap\n"));
  const auto started = std::chrono::steady_clock::now();
  const Delivered delivered = run_pool(pipeline_, PoolOptions{.workers = 2}, files);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  // One after the other would take 2 s; two at a time, 1 s.
  EXPECT_LT(elapsed, std::chrono::milliseconds(1800));
  EXPECT_GE(elapsed, std::chrono::milliseconds(1000));
  std::set<std::string> workers;
  for (const auto& [path, result] : delivered.results) workers.insert(pid_of(result));
  EXPECT_EQ(workers.size(), 2U);
}

TEST_F(WorkerPoolTest, KilledAndCrashedWorkersCostOneFileEachAndAreReplaced) {
  struct Row {
    const char* name;
    corpus::ErrorKind kind;
    const char* detail;
  };
  const std::vector<Row> rows = {
      // Never returns: killed at the time limit.
      {"spin.txt", corpus::ErrorKind::Timeout, "extraction took longer than 1 s"},
      // abort() in a library.
      {"abort.txt", corpus::ErrorKind::Internal, "extractor crashed (signal 6: SIGABRT)"},
      // A wild pointer.
      {"segv.txt", corpus::ErrorKind::Internal, "extractor crashed (signal 11: SIGSEGV)"},
      // Bytes on the channel that are not a result.
      {"garble.txt", corpus::ErrorKind::Internal,
       "garbled result from extractor: not an extraction result (bad magic byte) at byte 1 of 5"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    const std::vector<fs::path> files = {write("before.txt", "Before\n"), write(row.name, "Poison\n"),
                                         write("after.txt", "After\n")};
    const auto started = std::chrono::steady_clock::now();
    const Delivered delivered =
        run_pool(pipeline_, PoolOptions{.workers = 1, .timeout = std::chrono::seconds(1)}, files);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    ASSERT_EQ(delivered.paths, files);

    const ExtractResult& poisoned = delivered.results.at(files[1]);
    ASSERT_FALSE(poisoned);
    EXPECT_EQ(poisoned.error().path, files[1]);
    EXPECT_EQ(poisoned.error().stage, "extract");
    EXPECT_EQ(poisoned.error().kind, row.kind);
    EXPECT_EQ(poisoned.error().detail, row.detail);

    // The file after the poisoned one went to a new worker.
    const ExtractResult& before = delivered.results.at(files[0]);
    const ExtractResult& after = delivered.results.at(files[2]);
    ASSERT_TRUE(before);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->pages.at(0).text, "After");
    EXPECT_NE(pid_of(before), pid_of(after));
  }
}

TEST_F(WorkerPoolTest, MemoryLimitTurnsAHogIntoTooLarge) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "the address-space limit is off in AddressSanitizer builds";
#endif
  const std::vector<fs::path> files = {write("hog.txt", "Hog\n"), write("after.txt", "After\n")};
  const Delivered delivered =
      run_pool(pipeline_, PoolOptions{.workers = 1, .worker = WorkerSettings{.memory_limit_mb = 512}}, files);
  const ExtractResult& hog = delivered.results.at(files[0]);
  ASSERT_FALSE(hog);
  EXPECT_EQ(hog.error().kind, corpus::ErrorKind::TooLarge);
  EXPECT_EQ(hog.error().detail, "extraction needed more than the memory limit of 512 MB");
  EXPECT_TRUE(delivered.results.at(files[1]));
}

TEST_F(WorkerPoolTest, StopAbandonsFilesInFlightAndReapsTheirWorkers) {
  // No time limit: only the stop can end the spinning worker.
  const std::vector<fs::path> files = {write("spin.txt", "Spin\n"), write("a.txt", "Alpha\n"),
                                       write("b.txt", "Beta\n")};
  std::vector<fs::path> seen;
  const auto started = std::chrono::steady_clock::now();
  {
    WorkerPool pool(pipeline_, PoolOptions{.workers = 2});
    pool.run(files, [&](const fs::path& path, ExtractResult) {
      seen.push_back(path);
      return PoolFlow::Stop;
    });
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_EQ(seen, std::vector<fs::path>{files[1]});
}

TEST_F(WorkerPoolTest, BatchIndexesTheOtherFilesAndReportsEachPoisonedOne) {
  write("docs/a.txt", "Cyber norms\nStates agreed on eleven norms.\n");
  write("docs/spin.txt", "Spin\n");
  write("docs/b.txt", "Attribution\nA political decision.\n");
  write("docs/abort.txt", "Abort\n");
  write("docs/c.txt", "Confidence building\nMeasures between states.\n");
  write("docs/segv.txt", "Segv\n");
  write("docs/d.txt", "Diplomacy\nTalks in Geneva.\n");
  auto writer = index::Writer::open(dir_.path() / "index", index::WriterOptions{});
  ASSERT_TRUE(writer) << writer.error().detail;

  std::vector<fs::path> progressed;
  const BatchOptions options{.jobs = 2,
                             .limits = WorkerLimits{.timeout = std::chrono::seconds(1)},
                             .on_progress = [&](const DocumentOutcome& outcome, std::size_t, std::size_t) {
                               progressed.push_back(outcome.path);
                             }};
  const BatchReport report = ingest_paths({dir_.path() / "docs"}, *writer, registry_, options);
  ASSERT_FALSE(report.fatal);
  EXPECT_EQ(report.indexed, 4);
  EXPECT_EQ(writer->document_count(), 4U);
  std::map<std::string, std::string> failed;
  for (const corpus::IngestError& error : report.failed) failed[error.path.filename().string()] = error.message();
  const fs::path docs = dir_.path() / "docs";
  EXPECT_EQ(failed, (std::map<std::string, std::string>{
                        {"abort.txt", (docs / "abort.txt").string() +
                                          ": extract: internal: extractor crashed (signal 6: SIGABRT)"},
                        {"segv.txt", (docs / "segv.txt").string() +
                                         ": extract: internal: extractor crashed (signal 11: SIGSEGV)"},
                        {"spin.txt", (docs / "spin.txt").string() +
                                         ": extract: timeout: extraction took longer than 1 s"}}));
  std::sort(progressed.begin(), progressed.end());
  EXPECT_EQ(progressed.size(), 7U) << "progress once per file";
  EXPECT_EQ(std::unique(progressed.begin(), progressed.end()), progressed.end());
}

TEST_F(WorkerPoolTest, ExtractIsolatedCutsOffASpinningFile) {
  const fs::path spin = write("spin.txt", "Spin\n");
  const ExtractResult result = extract_isolated(pipeline_, spin, WorkerLimits{.timeout = std::chrono::seconds(1)});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message(), spin.string() + ": extract: timeout: extraction took longer than 1 s");
  const ExtractResult good = extract_isolated(pipeline_, write("a.txt", "Alpha\n"), WorkerLimits{});
  ASSERT_TRUE(good);
  EXPECT_EQ(good->pages.at(0).text, "Alpha");
}

}  // namespace
}  // namespace cydex::ingest
