// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/result.h"

#include <gtest/gtest.h>

#include <string>

#include "cydex/corpus/ingest_error.h"

namespace cydex::corpus {
namespace {

TEST(Result, HoldsAValueOrAnError) {
  const Result<int, std::string> good = 7;
  ASSERT_TRUE(good.has_value());
  EXPECT_EQ(*good, 7);
  const Result<int, std::string> bad = Unexpected(std::string("nope"));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error(), "nope");
}

TEST(IngestError, PrintsPathStageKindAndDetail) {
  const IngestError error{"/data/report.pdf", "extract", ErrorKind::Encrypted, "needs a user password"};
  EXPECT_EQ(error.message(), "/data/report.pdf: extract: encrypted: needs a user password");
}

}  // namespace
}  // namespace cydex::corpus
