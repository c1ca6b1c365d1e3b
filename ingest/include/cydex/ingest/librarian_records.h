// SPDX-License-Identifier: Apache-2.0
/// @brief Applying the librarian's catalogue records, and telling when they changed.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cydex/corpus/catalogue.h"
#include "cydex/corpus/discovery.h"
#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/organisation_names.h"
#include "cydex/index/writer.h"

namespace cydex::ingest {

/// Loads catalogue.tsv and domains.tsv files, those of upper folders first,
/// so that the catalogue nearest a file has the last word on its record.
/// A file with an error is left out and reported in `warnings`.
corpus::Catalogue load_catalogues(std::vector<std::filesystem::path> files, std::vector<std::string>& warnings);

/// Removes the files the catalogue marks as excluded (`cydex rm`).
void drop_excluded(std::vector<std::filesystem::path>& files, const corpus::Catalogue& catalogue);

/// The one place organisation and other metadata are settled before a
/// document is written. Precedence: the librarian's record, then the
/// librarian's site map (domains.tsv), then what the file says about
/// itself. Then the organisation, wherever it came from, gets its display
/// name from `names` (when given): "EEAS" and "the EEAS" become "European
/// External Action Service".
void apply_librarian_record(corpus::ExtractedDocument& document, const corpus::Catalogue& catalogue,
                            const corpus::OrganisationNames* names);

/// A digest of the fields of `path`'s record that reach the index (not the
/// notes); empty when there is no record.
std::string record_digest(const corpus::Catalogue& catalogue, const std::filesystem::path& path);

/// Remembers in the index which record `path` was indexed with (metadata
/// key schema::kRecordKeyPrefix + PATH), so that reindex sees a catalogue
/// edit even when the file did not change.
index::Status remember_record(index::Writer& writer, const std::filesystem::path& path,
                              const corpus::Catalogue& catalogue);

/// The files whose record is not the one they were indexed with.
std::set<std::filesystem::path> records_changed(const std::vector<std::filesystem::path>& files,
                                                const corpus::Catalogue& catalogue, const index::Writer& writer);

/// For reindex: loads the catalogues `found` met, removes the excluded
/// files from `found.files`, and returns the files whose record changed.
/// Catalogue errors go to `warnings`.
std::set<std::filesystem::path> catalogue_changes(corpus::Discovered& found, const index::Writer& writer,
                                                  std::vector<std::string>& warnings);

}  // namespace cydex::ingest
