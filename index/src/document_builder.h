// SPDX-License-Identifier: Apache-2.0
/// @brief Turns an extracted document into the Xapian document the index stores.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "cydex/corpus/extracted_document.h"
#include "cydex/index/analyzer.h"
#include "cydex/index/stored_document.h"

namespace cydex::index {

/// Builds terms, positions, values and stored data per schema.h. Holds the
/// analyzer and stemmers, so one builder serves one thread.
class DocumentBuilder {
 public:
  Xapian::Document build(const corpus::ExtractedDocument& document);

 private:
  const Xapian::Stem& stemmer_for(const std::string& language);

  Analyzer analyzer_;
  std::map<std::string, Xapian::Stem> stemmers_;
};

/// Adds the tag terms (wdf = mention count) and the tags value of
/// `mentions`, records the mentions in `stored`, and sets the facet codes
/// (so the organisation, year, language and format values must be set
/// already). The document must not carry tag terms yet.
void add_tags(Xapian::Document& doc, const std::vector<corpus::Mention>& mentions, StoredDocument& stored);

/// The Xapian stemmer for a language tag ("en", "de-AT"); the no-op stemmer
/// for a language Xapian does not stem.
Xapian::Stem stemmer_for_language(const std::string& language);

}  // namespace cydex::index
