// SPDX-License-Identifier: Apache-2.0
#include "cydex/corpus/taxonomy.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "taxonomy_row.h"

namespace cydex::corpus {

std::string TaxonomyError::message() const {
  std::string out = path.string();
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + detail;
}

const Tag* Taxonomy::find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &tags_[it->second];
}

/// Collects rows into tags, checking the rules that span lines: one label
/// per tag, a label before its aliases, no alias twice.
class TaxonomyBuilder {
 public:
  std::string add(const std::filesystem::path& path, int line, TaxonomyRow row) {
    const auto it = taxonomy_.by_id_.find(row.id);
    if (row.kind == RowKind::Label) {
      if (it != taxonomy_.by_id_.end()) {
        return "second label for '" + row.id + "' (first at " + label_at_[it->second] + ")";
      }
      taxonomy_.by_id_.emplace(row.id, taxonomy_.tags_.size());
      label_at_.push_back(path.filename().string() + ":" + std::to_string(line));
      Tag tag{.id = row.id, .label = row.alias.text, .aliases = {}};
      if (!row.display_only) tag.aliases.push_back(std::move(row.alias));
      taxonomy_.tags_.push_back(std::move(tag));
      return {};
    }
    if (it == taxonomy_.by_id_.end()) {
      return "alias for '" + row.id + "' before its label row (each tag starts with `" + row.id + "\tlabel\t...`)";
    }
    Tag& tag = taxonomy_.tags_[it->second];
    const bool repeated = std::any_of(tag.aliases.begin(), tag.aliases.end(), [&](const Alias& alias) {
      return alias.text == row.alias.text && alias.options.case_sensitive == row.alias.options.case_sensitive;
    });
    if (repeated) return "alias '" + row.alias.text + "' is already listed for '" + row.id + "'";
    tag.aliases.push_back(std::move(row.alias));
    return {};
  }

  Taxonomy finish() && { return std::move(taxonomy_); }

 private:
  Taxonomy taxonomy_;
  std::vector<std::string> label_at_;  ///< "file:line" of each tag's label, for messages.
};

namespace {

/// Reads one file into the builder; the first problem stops the load.
Result<int, TaxonomyError> read_file(const std::filesystem::path& path, TaxonomyBuilder& builder) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unexpected{TaxonomyError{.path = path, .line = 0, .detail = "cannot open file"}};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM from some editors
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#') continue;
    auto row = parse_taxonomy_row(line);
    if (!row) return Unexpected{TaxonomyError{.path = path, .line = number, .detail = row.error()}};
    if (std::string problem = builder.add(path, number, std::move(*row)); !problem.empty()) {
      return Unexpected{TaxonomyError{.path = path, .line = number, .detail = std::move(problem)}};
    }
  }
  return number;
}

}  // namespace

Result<Taxonomy, TaxonomyError> Taxonomy::load(const std::filesystem::path& folder) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  if (error) {
    return Unexpected{TaxonomyError{.path = folder, .line = 0, .detail = "cannot read folder: " + error.message()}};
  }
  if (files.empty()) return Unexpected{TaxonomyError{.path = folder, .line = 0, .detail = "no *.tsv files"}};
  // A fixed order makes tag order, and so every listing, reproducible.
  std::sort(files.begin(), files.end());
  TaxonomyBuilder builder;
  for (const auto& file : files) {
    auto read = read_file(file, builder);
    if (!read) return Unexpected{std::move(read).error()};
  }
  return std::move(builder).finish();
}

}  // namespace cydex::corpus
