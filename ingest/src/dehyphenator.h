// SPDX-License-Identifier: Apache-2.0
/// @brief Joining words split with a hyphen at a line end, using the document's own vocabulary.
#pragma once

#include <vector>

#include "cydex/corpus/page.h"

namespace cydex::ingest {

/// Rejoins "dip-\nlomatic" as "diplomatic" across all pages of a document.
///
/// Evidence, in order: the joined word occurs elsewhere in the document ->
/// join; the hyphenated compound occurs elsewhere ("multi-stakeholder") ->
/// keep the hyphen; the part before the hyphen is an acronym or capitalised
/// while the rest is not a plain continuation ("EU-\nwide") -> keep; else
/// join, since printers hyphenate far more often than compounds break at a
/// line end. The completed word stays on the first line.
void dehyphenate(std::vector<corpus::Page>& pages);

}  // namespace cydex::ingest
