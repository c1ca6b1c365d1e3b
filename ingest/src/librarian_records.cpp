// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/librarian_records.h"

#include <algorithm>
#include <unordered_map>

#include "cydex/corpus/sha256.h"
#include "cydex/index/schema.h"

namespace cydex::ingest {
namespace fs = std::filesystem;

corpus::Catalogue load_catalogues(std::vector<fs::path> files, std::vector<std::string>& warnings) {
  const auto depth = [](const fs::path& path) { return std::distance(path.begin(), path.end()); };
  std::stable_sort(files.begin(), files.end(),
                   [&](const fs::path& a, const fs::path& b) { return depth(a) < depth(b); });
  corpus::Catalogue catalogue;
  for (const fs::path& file : files) {
    auto loaded = file.filename() == corpus::kDomainsFileName ? catalogue.load_domains(file) : catalogue.load(file);
    if (!loaded) warnings.push_back(loaded.error().message());
  }
  return catalogue;
}

void drop_excluded(std::vector<fs::path>& files, const corpus::Catalogue& catalogue) {
  std::erase_if(files, [&](const fs::path& file) { return catalogue.is_excluded(file); });
}

void apply_librarian_record(corpus::ExtractedDocument& document, const corpus::Catalogue& catalogue,
                            const corpus::OrganisationNames* names) {
  if (const auto organisation = catalogue.organisation_for_url(document.metadata.url)) {
    document.metadata.organisation = *organisation;
  }
  if (const auto entry = catalogue.find(document.source.path)) document.metadata.overlay(*entry);
  document.metadata.organisation = names != nullptr ? names->canonical(document.metadata.organisation)
                                                    : corpus::collapse_spaces(document.metadata.organisation);
}

std::string record_digest(const corpus::Catalogue& catalogue, const fs::path& path) {
  const std::optional<corpus::DocumentMetadata> record = catalogue.find(path);
  if (!record) return {};
  std::string fields = record->title + '\n' + record->organisation + '\n' +
                       (record->year ? std::to_string(*record->year) : "") + '\n' + record->date + '\n' +
                       record->language + '\n' + record->url + '\n';
  for (const std::string& author : record->authors) fields += author + ';';
  return corpus::sha256_hex(fields);
}

index::Status remember_record(index::Writer& writer, const fs::path& path, const corpus::Catalogue& catalogue) {
  const std::string key = std::string(index::schema::kRecordKeyPrefix) + path.string();
  const std::string digest = record_digest(catalogue, path);
  if (digest == writer.metadata(key)) return std::monostate{};
  return writer.set_metadata(key, digest);
}

std::set<fs::path> records_changed(const std::vector<fs::path>& files, const corpus::Catalogue& catalogue,
                                   const index::Writer& writer) {
  const std::string prefix = index::schema::kRecordKeyPrefix;
  std::unordered_map<std::string, std::string> remembered;
  for (auto& [key, value] : writer.metadata_with_prefix(prefix)) remembered.emplace(key.substr(prefix.size()), value);
  std::set<fs::path> changed;
  if (remembered.empty() && catalogue.size() == 0) return changed;
  for (const fs::path& file : files) {
    const auto found = remembered.find(file.string());
    const std::string before = found == remembered.end() ? std::string{} : found->second;
    if (record_digest(catalogue, file) != before) changed.insert(file);
  }
  return changed;
}

std::set<fs::path> catalogue_changes(corpus::Discovered& found, const index::Writer& writer,
                                     std::vector<std::string>& warnings) {
  const corpus::Catalogue catalogue = load_catalogues(found.catalogues, warnings);
  drop_excluded(found.files, catalogue);
  return records_changed(found.files, catalogue, writer);
}

}  // namespace cydex::ingest
