// SPDX-License-Identifier: Apache-2.0
/// @brief Taxonomy: the norms, actors and instruments cydex tags, loaded from data files.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cydex/corpus/result.h"

namespace cydex::corpus {

/// The tag categories of the identifier contract (shared/taxonomy-ids.md).
inline constexpr std::string_view kTagCategories[] = {"norm", "actor", "instrument"};

/// How an alias is matched.
struct AliasOptions {
  bool case_sensitive = false;  ///< Match the alias's letters exactly ("AU", "OAS", "EU").
  /// Phrases (as written; folded by the tagger) that, when they come right
  /// after the alias, mean it names something else ("Georgia" + "Tech").
  std::vector<std::string> not_followed_by{};
  /// Phrases that, right before the alias, mean it names something else
  /// ("U.S. state of" + "Georgia", "New" + "Mexico").
  std::vector<std::string> not_preceded_by{};
  /// Drop the match when the next word, separated by spaces only, starts
  /// with a capital letter: "Chad Smith" is a person, "Chad and Niger" a state.
  bool not_before_name = false;
  /// Drop the match when the word before it, separated by spaces only,
  /// starts with a capital letter: "Klara Jordan" is a person, "Algeria,
  /// Jordan" and "in Jordan" the state.
  bool not_after_name = false;
};

/// One way a tag is written in documents.
struct Alias {
  std::string text{};      ///< As written in the data file (UTF-8).
  std::string language{};  ///< "en", "de", "fr", "es", or "*" for any.
  AliasOptions options{};
};

/// A tag: a stable identifier, a label for people, and its aliases.
struct Tag {
  std::string id{};     ///< "CATEGORY:ID", never renamed once released.
  std::string label{};  ///< English label for display.
  std::vector<Alias> aliases{};

  [[nodiscard]] std::string_view category() const { return std::string_view(id).substr(0, id.find(':')); }
};

/// A problem in a taxonomy file, with its location.
struct TaxonomyError {
  std::filesystem::path path{};
  int line = 0;  ///< 1-based; 0 when the file as a whole is at fault.
  std::string detail{};

  [[nodiscard]] std::string message() const;  ///< "path:line: detail"
};

/// All tags, loaded from the `*.tsv` files of a folder (corpus/taxonomy/).
/// Validated at load: identifiers follow the contract (category, then a
/// lower-case slug), each tag has exactly one label, aliases belong to a
/// declared tag, options are known words. Any error names file and line.
class Taxonomy {
 public:
  static Result<Taxonomy, TaxonomyError> load(const std::filesystem::path& folder);

  [[nodiscard]] const std::vector<Tag>& tags() const noexcept { return tags_; }
  /// The tag with this id, or nullptr.
  [[nodiscard]] const Tag* find(std::string_view id) const;

 private:
  std::vector<Tag> tags_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  friend class TaxonomyBuilder;
};

}  // namespace cydex::corpus
