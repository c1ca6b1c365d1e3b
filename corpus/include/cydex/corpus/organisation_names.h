// SPDX-License-Identifier: Apache-2.0
/// @brief OrganisationNames: one display name per organisation, from the taxonomy's actor registry.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "cydex/corpus/taxonomy.h"

namespace cydex::corpus {

/// Maps the names an organisation goes by ("EEAS", "the EEAS", "European
/// External Action Service") to one display name, so that facets and
/// `org:` filters count it once. The names are the labels and aliases of
/// the taxonomy's `actor:` tags for organisations; states (`actor:` plus a
/// two-letter ISO code) are left out, because a publisher named "Government
/// of France" is a body of the state, not the state's short name.
///
/// Matching is on the whole name: ASCII case, runs of white space (also
/// no-break spaces) and a leading "the " do not matter; accents and
/// punctuation do. The display name is the tag's label.
class OrganisationNames {
 public:
  OrganisationNames() = default;
  explicit OrganisationNames(const Taxonomy& taxonomy);

  /// The display name for `name`: the label of the organisation it names,
  /// else `name` itself, trimmed and with white space collapsed to single
  /// spaces. Empty in, empty out.
  [[nodiscard]] std::string canonical(std::string_view name) const;

  /// The `actor:` tag id `name` names, or empty when it names none.
  [[nodiscard]] std::string tag_for(std::string_view name) const;

  [[nodiscard]] std::size_t size() const noexcept { return by_name_.size(); }

 private:
  struct Entry {
    std::string id{};
    std::string label{};
  };
  std::map<std::string, Entry, std::less<>> by_name_;  ///< Folded name -> organisation.
};

/// `name` trimmed, with every run of white space (ASCII or U+00A0) made one space.
std::string collapse_spaces(std::string_view name);

}  // namespace cydex::corpus
