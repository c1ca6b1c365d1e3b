// SPDX-License-Identifier: Apache-2.0
/// @brief Writer: adds, replaces and removes documents in an on-disk Xapian index.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/result.h"
#include "cydex/index/index_error.h"
#include "cydex/index/stored_document.h"

namespace cydex::index {

using Status = corpus::Result<std::monostate, IndexError>;

struct WriterOptions {
  /// Documents per commit. A kill loses at most this many documents' work;
  /// the index always opens at its last commit.
  int batch_size = 100;
};

/// The single writer of an index. Holding a Writer holds the index's write
/// lock; a second Writer on the same index fails with IndexErrorKind::Locked.
class Writer {
 public:
  /// Opens the index at `dir`, creating it when absent.
  static corpus::Result<Writer, IndexError> open(const std::filesystem::path& dir,
                                                 const WriterOptions& options);
  ~Writer();  ///< Commits what is pending; errors there are swallowed (call commit()).
  Writer(Writer&&) noexcept;
  Writer& operator=(Writer&&) noexcept;

  /// Adds the document, or replaces the one with the same id.
  Status put(const corpus::ExtractedDocument& document);
  /// Removes the document with this id; absent ids are not an error.
  Status remove(const std::string& id);
  /// Computes each stored document's mentions afresh with `tag` (from its
  /// stored page text; nothing is re-extracted) and replaces its tag terms,
  /// tag value and stored mentions. Commits in batches. Returns how many
  /// documents' tags changed.
  corpus::Result<int, IndexError> retag(
      const std::function<std::vector<corpus::Mention>(const StoredDocument&)>& tag);

  /// Makes everything so far durable and visible to searchers.
  Status commit();

  [[nodiscard]] unsigned document_count() const;

 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::index
