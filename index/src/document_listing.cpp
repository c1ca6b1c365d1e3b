// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/document_listing.h"

#include <xapian.h>

#include <sstream>

#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "xapian_error.h"

namespace cydex::index {
namespace {

ListedDocument listed(StoredDocument stored) {
  ListedDocument out{.id = std::move(stored.id), .path = std::move(stored.path), .paths = std::move(stored.paths),
                     .format = std::move(stored.format), .status = std::move(stored.status),
                     .title = std::move(stored.title), .organisation = std::move(stored.organisation),
                     .year = stored.year, .date = std::move(stored.date), .language = std::move(stored.language),
                     .url = std::move(stored.url), .pages = static_cast<int>(stored.pages.size()), .tags = {}};
  for (const StoredMention& mention : stored.mentions) ++out.tags[mention.tag];
  return out;
}

std::vector<std::string> split_roots(const std::string& value) {
  std::vector<std::string> roots;
  std::istringstream lines(value);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) roots.push_back(line);
  }
  return roots;
}

}  // namespace

corpus::Result<DocumentListing, IndexError> read_listing(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return corpus::Unexpected(IndexError{IndexErrorKind::NotFound, dir.string() + ": no index here"});
  }
  try {
    const Xapian::Database db(dir.string());
    DocumentListing out;
    for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      std::optional<StoredDocument> stored = StoredDocument::decode(db.get_document(*it).get_data());
      if (stored) out.documents.push_back(listed(std::move(*stored)));
    }
    const std::string prefix = schema::kFailedKeyPrefix;
    for (Xapian::TermIterator key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
      const std::string name = *key;
      if (auto failure = decode_failure(name.substr(prefix.size()), db.get_metadata(name))) {
        out.failures.push_back(std::move(*failure));
      }
    }
    out.roots = split_roots(db.get_metadata(schema::kRootsKey));
    return out;
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, dir));
  }
}

corpus::Result<std::vector<std::string>, IndexError> read_roots(const std::filesystem::path& dir) {
  try {
    return split_roots(Xapian::Database(dir.string()).get_metadata(schema::kRootsKey));
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, dir));
  }
}

}  // namespace cydex::index
