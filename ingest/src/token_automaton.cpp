// SPDX-License-Identifier: Apache-2.0
#include "token_automaton.h"

#include <cassert>
#include <deque>

namespace cydex::ingest {
namespace {

std::uint64_t word_hash(std::string_view word) noexcept { return std::hash<std::string_view>{}(word); }

std::uint64_t edge_key(std::uint32_t node, std::uint32_t word) noexcept {
  return (static_cast<std::uint64_t>(node) << 32) | word;
}

}  // namespace

std::uint32_t TokenAutomaton::Vocabulary::find(std::string_view word, std::uint64_t hash) const {
  if (ids.empty()) return kEmpty;
  const std::size_t mask = ids.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t id = ids[slot];
    if (id == kEmpty) return kEmpty;
    if (hashes[slot] == hash && words[id] == word) return id;
  }
}

void TokenAutomaton::Vocabulary::grow() {
  const std::size_t size = ids.empty() ? 64 : ids.size() * 2;
  ids.assign(size, kEmpty);
  hashes.assign(size, 0);
  for (std::uint32_t id = 0; id < words.size(); ++id) {
    const std::uint64_t hash = word_hash(words[id]);
    std::size_t slot = hash & (size - 1);
    while (ids[slot] != kEmpty) slot = (slot + 1) & (size - 1);
    ids[slot] = id;
    hashes[slot] = hash;
  }
}

std::uint32_t TokenAutomaton::intern(const std::string& word) {
  const std::uint64_t hash = word_hash(word);
  if (const std::uint32_t id = vocabulary_.find(word, hash); id != Vocabulary::kEmpty) return id;
  const auto id = static_cast<std::uint32_t>(vocabulary_.words.size());
  vocabulary_.words.push_back(word);
  // Kept at most a quarter full, so a miss is nearly always one probe.
  if (4 * vocabulary_.words.size() > vocabulary_.ids.size()) {
    vocabulary_.grow();
  } else {
    std::size_t slot = hash & (vocabulary_.ids.size() - 1);
    while (vocabulary_.ids[slot] != Vocabulary::kEmpty) slot = (slot + 1) & (vocabulary_.ids.size() - 1);
    vocabulary_.ids[slot] = id;
    vocabulary_.hashes[slot] = hash;
  }
  return id;
}

std::uint32_t TokenAutomaton::lookup(std::string_view word) const {
  const std::uint32_t id = vocabulary_.find(word, word_hash(word));
  return id == Vocabulary::kEmpty ? kUnknownWord : id;
}

std::uint32_t TokenAutomaton::pending_child(std::uint32_t node, std::uint32_t word) const {
  const auto it = edges_.find(edge_key(node, word));
  return it == edges_.end() ? 0 : it->second;
}

std::uint32_t TokenAutomaton::child(std::uint32_t node, std::uint32_t word) const {
  if (node == 0) return root_children_[word];
  const std::uint64_t key = edge_key(node, word);
  const std::size_t mask = table_.slots.size() - 1;
  for (std::size_t slot = table_.slot(key);; slot = (slot + 1) & mask) {
    const EdgeTable::Slot& found = table_.slots[slot];
    if (found.key == key) return found.child;
    if (found.key == EdgeTable::kEmpty) return 0;
  }
}

void TokenAutomaton::add(const std::vector<std::uint32_t>& words, std::uint32_t value) {
  assert(!words.empty());
  std::uint32_t node = 0;
  for (const std::uint32_t word : words) {
    std::uint32_t next = pending_child(node, word);
    if (next == 0) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(Node{.fail = 0, .output_link = 0, .depth = nodes_[node].depth + 1, .values = {}});
      children_.emplace_back();
      edges_.emplace(edge_key(node, word), next);
      children_[node].push_back(word);
    }
    node = next;
  }
  nodes_[node].values.push_back(value);
  ++phrases_;
}

void TokenAutomaton::build() {
  // At most half full, so probes stay short.
  std::size_t size = 16;
  int bits = 4;
  while (size < 2 * edges_.size()) {
    size *= 2;
    ++bits;
  }
  table_.slots.assign(size, EdgeTable::Slot{});
  table_.shift = 64 - bits;
  root_children_.assign(vocabulary_.words.size(), 0);
  for (const auto& [key, next] : edges_) {
    if ((key >> 32) == 0) {
      root_children_[key & UINT32_MAX] = next;
      continue;
    }
    std::size_t slot = table_.slot(key);
    while (table_.slots[slot].key != EdgeTable::kEmpty) slot = (slot + 1) & (size - 1);
    table_.slots[slot] = EdgeTable::Slot{.key = key, .child = next};
  }
  edges_.clear();

  std::deque<std::uint32_t> queue;
  for (const std::uint32_t word : children_[0]) queue.push_back(child(0, word));
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    for (const std::uint32_t word : children_[node]) {
      const std::uint32_t next = child(node, word);
      // The failure of `next` is the longest proper suffix of its phrase
      // that is also a path from the root.
      const std::uint32_t fail = node == 0 ? 0 : step(nodes_[node].fail, word);
      nodes_[next].fail = fail;
      nodes_[next].output_link = nodes_[fail].values.empty() ? nodes_[fail].output_link : fail;
      queue.push_back(next);
    }
  }
  children_.clear();
  children_.shrink_to_fit();
}

std::uint32_t TokenAutomaton::step(std::uint32_t node, std::uint32_t word) const {
  if (word == kUnknownWord) return 0;
  for (;;) {
    if (const std::uint32_t next = child(node, word); next != 0) return next;
    if (node == 0) return 0;
    node = nodes_[node].fail;
  }
}

std::vector<TokenAutomaton::Hit> TokenAutomaton::scan(const std::vector<std::uint32_t>& words) const {
  std::vector<Hit> hits;
  std::uint32_t node = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    node = step(node, words[i]);
    for (std::uint32_t out = nodes_[node].values.empty() ? nodes_[node].output_link : node; out != 0;
         out = nodes_[out].output_link) {
      for (const std::uint32_t value : nodes_[out].values) {
        hits.push_back(Hit{.last = i, .length = nodes_[out].depth, .value = value});
      }
    }
  }
  return hits;
}

}  // namespace cydex::ingest
