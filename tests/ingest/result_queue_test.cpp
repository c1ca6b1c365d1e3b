// SPDX-License-Identifier: Apache-2.0
// The queue between the worker pool and the index writer: results arrive in
// order, a full queue holds the producer back until the writer takes one,
// one result larger than the whole bound still passes, and a writer that
// stops makes the producer stop too.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "result_queue.h"

namespace cydex::ingest {
namespace {

QueuedResult item(const std::string& name, std::size_t bytes) {
  corpus::ExtractedDocument doc;
  doc.source.path = name;
  return QueuedResult{.path = name, .result = std::move(doc), .bytes = bytes};
}

TEST(ResultQueue, ResultsComeOutInTheOrderTheyWentIn) {
  ResultQueue queue(1000);
  for (const char* name : {"a", "b", "c"}) ASSERT_TRUE(queue.push(item(name, 10)));
  queue.close();
  std::vector<std::string> out;
  while (auto next = queue.pop()) out.push_back(next->path.string());
  EXPECT_EQ(out, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ResultQueue, AFullQueueHoldsTheProducerUntilTheWriterTakesOne) {
  ResultQueue queue(100);
  ASSERT_TRUE(queue.push(item("a", 40)));
  ASSERT_TRUE(queue.push(item("b", 40)));
  std::atomic<bool> third_in{false};
  std::thread producer([&] {
    EXPECT_TRUE(queue.push(item("c", 40)));  // 120 bytes would exceed the bound
    third_in = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(third_in.load());
  ASSERT_EQ(queue.pop()->path, "a");
  producer.join();
  EXPECT_TRUE(third_in.load());
  queue.close();
  EXPECT_EQ(queue.pop()->path, "b");
  EXPECT_EQ(queue.pop()->path, "c");
  EXPECT_FALSE(queue.pop().has_value());
}

TEST(ResultQueue, OneResultLargerThanTheBoundStillPasses) {
  ResultQueue queue(100);
  ASSERT_TRUE(queue.push(item("huge", 5000)));
  queue.close();
  EXPECT_EQ(queue.pop()->path, "huge");
}

TEST(ResultQueue, AnAbandonedQueueRefusesResultsAndReleasesAWaitingProducer) {
  ResultQueue queue(50);
  ASSERT_TRUE(queue.push(item("a", 40)));
  bool accepted = true;
  std::thread producer([&] { accepted = queue.push(item("b", 40)); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  queue.abandon();
  producer.join();
  EXPECT_FALSE(accepted);
  EXPECT_TRUE(queue.abandoned());
  EXPECT_FALSE(queue.pop().has_value());
}

TEST(ResultQueue, ResultBytesCountTheTextsAndThePreparedForm) {
  corpus::ExtractedDocument doc;
  doc.pages.push_back(corpus::Page{1, std::string(3000, 'x')});
  doc.prepared = std::string(7000, 'y');
  const std::size_t bytes = result_bytes(ExtractResult(std::move(doc)));
  EXPECT_GE(bytes, 10000U);
  EXPECT_LT(bytes, 12000U);
}

}  // namespace
}  // namespace cydex::ingest
