// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/tag_synonyms.h"

#include <algorithm>

#include "cydex/index/analyzer.h"
#include "cydex/index/schema.h"

namespace cydex::index {

std::map<std::string, std::vector<std::string>> tag_synonyms(const corpus::Taxonomy& taxonomy) {
  const Analyzer analyzer;
  std::map<std::string, std::vector<std::string>> out;
  for (const corpus::Tag& tag : taxonomy.tags()) {
    const std::string term = schema::term(schema::kTagPrefix, tag.id);
    for (const corpus::Alias& alias : tag.aliases) {
      const std::string key = analyzer.fold(alias.text);
      if (key.empty()) continue;
      std::vector<std::string>& terms = out[key];
      if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
    }
  }
  return out;
}

}  // namespace cydex::index
