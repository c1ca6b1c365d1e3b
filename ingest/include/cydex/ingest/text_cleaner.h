// SPDX-License-Identifier: Apache-2.0
/// @brief The cleaning steps every extractor's text goes through.
#pragma once

#include <string>
#include <string_view>

namespace cydex::ingest {

/// Normalises extracted text for indexing and display:
/// - Unicode NFC, with compatibility characters a reader would not tell apart
///   mapped to their plain form (ligatures "ﬁ", full-width forms);
/// - soft hyphens and zero-width characters removed, non-breaking and other
///   spaces made plain spaces, runs of spaces collapsed;
/// - line ends normalised to "\n", at most one blank line in a row.
/// Invalid UTF-8 bytes become U+FFFD. Words split at a line end with a hyphen
/// ("dip-\nlomatic") are left as they are: joining them needs the whole
/// document's vocabulary, which the registry's dehyphenation step has.
std::string clean_text(std::string_view text);

}  // namespace cydex::ingest
