// SPDX-License-Identifier: Apache-2.0
/// @brief Joining words split with a hyphen at a line end, with the document's vocabulary and word lists as evidence.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cydex/corpus/page.h"

namespace cydex::ingest {

class WordLists;

/// Where the rest of the line after a rejoined word goes.
enum class Reflow {
  /// The completed word stays on the first line; the rest of the second
  /// line starts a line of its own ("diplomatic\npractices concerned").
  WordToFirstLine,
  /// The second line is appended to the first, as a reader sees one
  /// sentence ("diplomatic practices concerned"); a capitalised word after a
  /// line-end hyphen is joined too, hyphen kept ("Cyber-Außenpolitik").
  JoinLines,
};

struct DehyphenationOptions {
  /// BCP 47 primary tag of the document ("en"); empty: guessed from the
  /// text, and all word lists are consulted when the guess fails.
  std::string language{};
  /// The word lists to consult; null means WordLists::system().
  const WordLists* word_lists{};
  Reflow reflow = Reflow::WordToFirstLine;
};

/// Rejoins "dip-\nlomatic" as "diplomatic" across all pages of a document.
///
/// Evidence, in order: the joined word occurs elsewhere in the document ->
/// join; the hyphenated compound occurs elsewhere ("multi-stakeholder") ->
/// keep the hyphen; the part before the hyphen is an acronym ("EU-\nwide")
/// -> keep; the joined word is in the word list of the document's language
/// -> join; outside German, a compound prefix ("multi-", "non-") or two
/// listed words either side -> keep; else join, since printers hyphenate far
/// more often than compounds break at a line end. The completed word stays
/// on the first line. Across a blank line (a column or block change) a word
/// is joined or kept whole only on positive evidence, across a page break
/// only joined on it.
void dehyphenate(std::vector<corpus::Page>& pages, const DehyphenationOptions& options);

/// The same with default options (language guessed, system word lists).
void dehyphenate(std::vector<corpus::Page>& pages);

/// Words and line-end splits ("diplo-" at a line end, a lower-case word
/// starting the next non-blank line or page) in a document's text.
struct LineEndSplits {
  std::size_t words{};
  std::size_t splits{};
};

/// Counts what a reader would see as "diplo- macy" in a snippet.
[[nodiscard]] LineEndSplits count_line_end_splits(const std::vector<corpus::Page>& pages);

}  // namespace cydex::ingest
