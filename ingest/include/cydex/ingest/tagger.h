// SPDX-License-Identifier: Apache-2.0
/// @brief Tagger: finds the taxonomy's norms, actors and instruments in extracted text.
#pragma once

#include <memory>
#include <vector>

#include "cydex/corpus/mention.h"
#include "cydex/corpus/page.h"
#include "cydex/corpus/taxonomy.h"

namespace cydex::ingest {

/// Matches every alias of a taxonomy in one pass over each page's words,
/// whatever the number of aliases (a token-level Aho-Corasick automaton),
/// on ICU-normalised, case-folded words with ICU word boundaries, so
/// multi-word aliases match across line breaks and extra spaces.
///
/// Built once per taxonomy; tag() is const and may be called from several
/// threads at once.
class Tagger {
 public:
  explicit Tagger(const corpus::Taxonomy& taxonomy);
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  /// Mentions in page order, then by offset. Overlapping matches resolve to
  /// the longest (leftmost-longest); ambiguity rules are documented in
  /// docs/TAGGING.md.
  [[nodiscard]] std::vector<corpus::Mention> tag(const std::vector<corpus::Page>& pages) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::ingest
