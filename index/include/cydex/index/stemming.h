// SPDX-License-Identifier: Apache-2.0
/// @brief Which stemmer a document's words are stemmed with, for queries that must stem alike.
#pragma once

#include <string>

#include <xapian.h>

namespace cydex::index {

/// The Xapian stemmer the index uses for a document of this language tag
/// ("en", "de-AT"): English when the tag is empty, the no-op stemmer for a
/// language Xapian does not stem. Defined with the document builder.
Xapian::Stem stemmer_for_language(const std::string& language);

}  // namespace cydex::index
