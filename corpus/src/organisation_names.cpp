// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/organisation_names.h"

#include <cctype>

namespace cydex::corpus {
namespace {

/// Whether `id` names a state: "actor:" and an ISO 3166 alpha-2 code. The
/// European Union and the United Nations hold two-letter ids too.
bool is_state(std::string_view id) {
  if (!id.starts_with("actor:")) return false;
  const std::string_view slug = id.substr(6);
  return slug.size() == 2 && slug != "eu" && slug != "un";
}

/// The key a name is looked up by: spaces collapsed, ASCII lower case,
/// without a leading "the ".
std::string fold(std::string_view name) {
  std::string out = collapse_spaces(name);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (out.starts_with("the ") && out.size() > 4) out.erase(0, 4);
  return out;
}

}  // namespace

std::string collapse_spaces(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(name[i]);
    bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
    if (ch == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0xA0) {
      space = true;  // U+00A0 NO-BREAK SPACE
      ++i;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(ch));
  }
  return out;
}

OrganisationNames::OrganisationNames(const Taxonomy& taxonomy) {
  for (const Tag& tag : taxonomy.tags()) {
    if (tag.category() != "actor" || is_state(tag.id)) continue;
    const Entry entry{.id = tag.id, .label = collapse_spaces(tag.label)};
    // The first tag to claim a name keeps it; the taxonomy's tests keep
    // aliases unique across tags.
    by_name_.emplace(fold(tag.label), entry);
    for (const Alias& alias : tag.aliases) by_name_.emplace(fold(alias.text), entry);
  }
}

std::string OrganisationNames::canonical(std::string_view name) const {
  const auto found = by_name_.find(fold(name));
  if (found != by_name_.end()) return found->second.label;
  return collapse_spaces(name);
}

std::string OrganisationNames::tag_for(std::string_view name) const {
  const auto found = by_name_.find(fold(name));
  return found == by_name_.end() ? std::string{} : found->second.id;
}

}  // namespace cydex::corpus
