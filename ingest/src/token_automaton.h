// SPDX-License-Identifier: Apache-2.0
/// @brief TokenAutomaton: Aho-Corasick over word ids, so one pass finds every phrase.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cydex::ingest {

/// A dictionary of phrases (sequences of folded words) searched in one left
/// to right pass over a text's words. The cost per word is a hash lookup and
/// an amortised constant number of transitions, whatever the number of
/// phrases, which is what keeps tagging speed flat as the taxonomy grows.
///
/// Immutable after build(); scan() is const and safe to call from threads.
class TokenAutomaton {
 public:
  static constexpr std::uint32_t kUnknownWord = UINT32_MAX;

  /// The id of a word, adding it to the vocabulary when new.
  std::uint32_t intern(const std::string& word);
  /// The id of a word, or kUnknownWord when no phrase uses it.
  [[nodiscard]] std::uint32_t lookup(std::string_view word) const;

  /// Adds a phrase; `value` is reported when it is found. Call before build().
  void add(const std::vector<std::uint32_t>& words, std::uint32_t value);
  /// Computes failure and output links (breadth first).
  void build();

  /// A phrase found: it ends at word `last` (inclusive), is `length` words long.
  struct Hit {
    std::size_t last = 0;
    std::uint32_t length = 0;
    std::uint32_t value = 0;
  };
  /// Every occurrence of every phrase in `words` (ids from lookup()).
  [[nodiscard]] std::vector<Hit> scan(const std::vector<std::uint32_t>& words) const;

  [[nodiscard]] std::size_t phrase_count() const noexcept { return phrases_; }
  [[nodiscard]] std::size_t vocabulary_size() const noexcept { return vocabulary_.words.size(); }

 private:
  struct Node {
    std::uint32_t fail = 0;
    std::uint32_t output_link = 0;  ///< Nearest node on the failure chain with values; 0 for none.
    std::uint32_t depth = 0;
    std::vector<std::uint32_t> values{};
  };
  [[nodiscard]] std::uint32_t child(std::uint32_t node, std::uint32_t word) const;
  [[nodiscard]] std::uint32_t pending_child(std::uint32_t node, std::uint32_t word) const;

  /// The trie's edges after build(): open addressing with linear probing in
  /// a power-of-two table, about twice as fast as std::unordered_map here,
  /// which matters because scan() looks up one or more edges per word.
  struct EdgeTable {
    static constexpr std::uint64_t kEmpty = UINT64_MAX;
    struct Slot {
      std::uint64_t key = kEmpty;  ///< node << 32 | word
      std::uint32_t child = 0;
    };
    std::vector<Slot> slots{};  ///< Key and child side by side: one cache line per probe.
    int shift = 64;
    [[nodiscard]] std::size_t slot(std::uint64_t key) const noexcept {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
    }
  };
  EdgeTable table_;
  /// The root's edges by word id, the most frequent lookup (after every
  /// word that continues no phrase), as a plain array.
  std::vector<std::uint32_t> root_children_;
  [[nodiscard]] std::uint32_t step(std::uint32_t node, std::uint32_t word) const;

  /// Word -> id, open addressing on the word's hash: a miss (most words of a
  /// text are in no alias) usually costs one probe and no string compare.
  struct Vocabulary {
    static constexpr std::uint32_t kEmpty = UINT32_MAX;
    std::vector<std::string> words{};        ///< By id.
    std::vector<std::uint64_t> hashes{};     ///< Per slot.
    std::vector<std::uint32_t> ids{};        ///< Per slot; kEmpty when free.
    [[nodiscard]] std::uint32_t find(std::string_view word, std::uint64_t hash) const;
    void grow();
  };
  Vocabulary vocabulary_;
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  ///< (node << 32 | word) -> child, until build()
  std::vector<std::vector<std::uint32_t>> children_{{}};     ///< Words leaving each node, for build().
  std::vector<Node> nodes_{Node{}};                          ///< nodes_[0] is the root.
  std::size_t phrases_ = 0;
};

}  // namespace cydex::ingest
