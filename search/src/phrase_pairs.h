// SPDX-License-Identifier: Apache-2.0
/// @brief Exact phrases of a parsed query rewritten to use the index's word pairs (index/word_pairs.h).
#pragma once

#include <xapian.h>

namespace cydex::search {

/// `query` with each exact phrase of body words that holds a common word
/// narrowed by its pair terms: a two-word phrase becomes its two words and
/// its pair (the same documents and weights, and no positions to check); a
/// longer one keeps its position check, run only on documents that have
/// every pair. Phrases with a window (ADJ/N), field phrases, and phrases
/// under operators whose parameters cannot be rebuilt (NEAR, scaled
/// weights) are left as they are. Only for an index made with the pairs of
/// this version (schema::kPairsKey).
Xapian::Query with_word_pairs(const Xapian::Query& query);

}  // namespace cydex::search
