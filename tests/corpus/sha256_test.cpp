// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/sha256.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace cydex::corpus {
namespace {

TEST(Sha256, MatchesPublishedTestVectors) {
  struct Case {
    std::string input;
    const char* digest;
  };
  const Case cases[] = {
      // FIPS 180-4 examples.
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      // One million 'a': exercises many blocks.
      {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Case& c : cases) EXPECT_EQ(sha256_hex(c.input), c.digest) << c.input.size() << " bytes";
}

TEST(Sha256, IncrementalUpdatesEqualOneShot) {
  Sha256 hash;
  hash.update("ab");
  hash.update("");
  hash.update("c");
  EXPECT_EQ(hash.hex_digest(), sha256_hex("abc"));
}

TEST(Sha256, ChunksOfAnySizeAcrossBlockBoundariesGiveTheSameDigest) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i * 7));
  const std::string expected = sha256_hex(data);
  for (std::size_t chunk : {1u, 3u, 63u, 64u, 65u, 97u, 200u}) {
    Sha256 hash;
    for (std::size_t at = 0; at < data.size(); at += chunk) hash.update(std::string_view(data).substr(at, chunk));
    EXPECT_EQ(hash.hex_digest(), expected) << "chunks of " << chunk;
  }
}

TEST(Sha256, HashesFilesAndReportsUnreadableOnes) {
  const testing::TempDir dir;
  const auto file = dir.write("a.txt", "abc");
  EXPECT_EQ(sha256_file(file), sha256_hex("abc"));
  EXPECT_FALSE(sha256_file(dir.path() / "missing.txt").has_value());
}

}  // namespace
}  // namespace cydex::corpus
