// SPDX-License-Identifier: Apache-2.0
/// @brief SHA-256 digests, for content signatures and document ids.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cydex::corpus {

/// Incremental SHA-256 (FIPS 180-4).
class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::string_view bytes) noexcept;
  /// Finishes and returns the digest as 64 lower-case hex digits. The object
  /// must not be updated afterwards.
  std::string hex_digest() noexcept;

 private:
  void compress(const unsigned char* block) noexcept;

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

/// Digest of a string.
std::string sha256_hex(std::string_view bytes);

/// Digest of a file's content, or nothing when it cannot be read.
std::optional<std::string> sha256_file(const std::filesystem::path& file);

}  // namespace cydex::corpus
