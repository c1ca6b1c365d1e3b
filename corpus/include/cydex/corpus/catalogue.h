// SPDX-License-Identifier: Apache-2.0
/// @brief Catalogue: the librarian's metadata records, read from catalogue.tsv files.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cydex/corpus/document_metadata.h"
#include "cydex/corpus/result.h"

namespace cydex::corpus {

/// A problem in a catalogue file, with its location.
struct CatalogueError {
  std::filesystem::path path;
  int line = 0;        ///< 1-based; 0 when the file as a whole is at fault.
  std::string detail;

  [[nodiscard]] std::string message() const;  ///< "path:line: detail"
};

/// The file name a folder's catalogue has.
inline constexpr const char* kCatalogueFileName = "catalogue.tsv";
/// The file name of a folder's mapping of web sites to organisations.
inline constexpr const char* kDomainsFileName = "domains.tsv";

/// True for the librarian's files (catalogue, domain map), which are not documents.
bool is_catalogue_file(const std::filesystem::path& path);

/// One catalogue row: the metadata it gives, and the librarian's own columns.
struct CatalogueRecord {
  DocumentMetadata metadata{};
  std::string notes{};                ///< The `notes` column; never indexed.
  bool excluded = false;              ///< The `excluded` column is set: `cydex rm` took the file out.
  std::filesystem::path catalogue{};  ///< The catalogue.tsv the row is in.
  int line = 0;                       ///< Its 1-based line there.
};

/// Librarian records keyed by absolute file path.
///
/// Format: UTF-8, tab-separated, a header line naming the columns (`path` is
/// required; `title`, `organisation`, `year`, `date`, `language`, `url`,
/// `authors` (separated by ";"), `notes` and `excluded` are recognised,
/// others ignored),
/// then one row per document. `path` is relative to the catalogue's folder.
/// Lines starting with '#' and blank lines are skipped. A non-empty
/// `excluded` cell takes the file out of the collection: ingest and reindex
/// skip it (`cydex rm` sets it, `cydex add` clears it).
///
/// A `domains.tsv` file maps web sites to the organisations that publish
/// them: a header `domain<TAB>organisation`, then rows such as
/// `auswaertiges-amt.de<TAB>German Federal Foreign Office`. A domain covers
/// its subdomains (www.auswaertiges-amt.de).
class Catalogue {
 public:
  /// Reads one catalogue file and adds its records. A record for a path that
  /// already has one replaces it. Errors name the file and line; on error
  /// nothing from this file is added.
  Result<int, CatalogueError> load(const std::filesystem::path& file);

  /// Reads a domains.tsv file (see above). Errors name the file and line.
  Result<int, CatalogueError> load_domains(const std::filesystem::path& file);

  /// The organisation the librarian gave the site of `url`, matching the
  /// longest listed domain that equals or ends the URL's host.
  [[nodiscard]] std::optional<std::string> organisation_for_url(std::string_view url) const;

  /// The metadata of the record for `absolute_path`, if the librarian made one.
  [[nodiscard]] std::optional<DocumentMetadata> find(const std::filesystem::path& absolute_path) const;

  /// The whole record for `absolute_path`, if the librarian made one.
  [[nodiscard]] const CatalogueRecord* find_record(const std::filesystem::path& absolute_path) const;

  /// True when a record marks the file as excluded.
  [[nodiscard]] bool is_excluded(const std::filesystem::path& absolute_path) const;

  [[nodiscard]] std::size_t size() const noexcept { return records_.size(); }

 private:
  std::map<std::filesystem::path, CatalogueRecord> records_;
  std::map<std::string, std::string, std::less<>> organisations_by_domain_;
};

}  // namespace cydex::corpus
