// SPDX-License-Identifier: Apache-2.0
/// @brief Writer: adds, replaces and removes documents in an on-disk Xapian index.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/result.h"
#include "cydex/index/index_error.h"
#include "cydex/index/indexed_source.h"
#include "cydex/index/prepared_document.h"
#include "cydex/index/stored_document.h"

namespace cydex::index {

using Status = corpus::Result<std::monostate, IndexError>;

/// Where place() put a document.
enum class Placement {
  Indexed,    ///< Indexed as a document of its own (new, or replacing its earlier content).
  Duplicate,  ///< Same bytes as an indexed document: recorded as one more path of it.
};

struct WriterOptions {
  /// Documents per commit. A kill loses at most this many documents' work
  /// (a rerun redoes it); the index always opens at its last commit. Each
  /// commit rewrites the B-tree blocks the batch touched and syncs them, so
  /// small batches multiply the writing: 100 documents a commit wrote about
  /// 2 MB to disk per document of a 50,000-document index, 1,000 a tenth of
  /// that (docs/BENCHMARKS.md). Larger batches hold more in memory and cost
  /// Xapian more CPU time per document again.
  int batch_size = 1000;
  /// The pending documents' size, in bytes (their Xapian form: terms,
  /// positions and stored text), that also ends a batch, so that memory
  /// stays bounded when the documents are large (long PDFs). Zero for none.
  std::size_t batch_bytes = std::size_t{128} << 20;
};

/// The single writer of an index. Holding a Writer holds the index's write
/// lock; a second Writer on the same index fails with IndexErrorKind::Locked.
class Writer {
 public:
  /// Opens the index at `dir`, creating it when absent (atomically, see
  /// create_atomically()).
  static corpus::Result<Writer, IndexError> open(const std::filesystem::path& dir,
                                                 const WriterOptions& options);
  /// Creates an empty index at `dir` unless something is there already. The
  /// index is built in a hidden sibling folder and renamed into place, so a
  /// kill during creation never leaves a half-made database at `dir`.
  static Status create_atomically(const std::filesystem::path& dir);
  ~Writer();  ///< Commits what is pending; errors there are swallowed (call commit()).
  Writer(Writer&&) noexcept;
  Writer& operator=(Writer&&) noexcept;

  /// Adds the document, or replaces the one with the same id (which keeps
  /// its other paths, see place()). Does not look for identical content.
  Status put(const corpus::ExtractedDocument& document);
  /// Adds the document unless an indexed document has the same content
  /// (source.signature): then its path becomes one more path of that
  /// document and nothing is indexed twice. The path is first taken off any
  /// document that held it (a changed copy splits off into its own
  /// document). All of it lands in one batch, so a kill leaves either state.
  corpus::Result<Placement, IndexError> place(const corpus::ExtractedDocument& document);
  /// As above, with the document's prepared form already decoded (see
  /// UnpackedDocument), e.g. on another thread.
  corpus::Result<Placement, IndexError> place(const corpus::ExtractedDocument& document, UnpackedDocument unpacked);
  /// Takes `path` off the document holding it. The document goes with its
  /// last path; when its primary path goes, the next path becomes primary
  /// and gives the document its id. An unknown path is not an error.
  Status remove_path(const std::string& path);
  /// Records `source` as one more path of the document with the same bytes
  /// (source.signature), without extracting it; the path is first taken off
  /// any other document. False when no document has these bytes.
  corpus::Result<bool, IndexError> add_copy(const corpus::SourceDocument& source);
  /// Removes the document with this id; absent ids are not an error.
  Status remove(const std::string& id);
  /// Computes each stored document's mentions afresh with `tag` (from its
  /// stored page text; nothing is re-extracted) and replaces its tag terms,
  /// tag value and stored mentions. Commits in batches. Returns how many
  /// documents' tags changed.
  corpus::Result<int, IndexError> retag(
      const std::function<std::vector<corpus::Mention>(const StoredDocument&)>& tag);

  /// Replaces the index's query synonyms (see tag_synonyms()): a search
  /// word or word sequence that is a key also matches its terms.
  Status set_synonyms(const std::map<std::string, std::vector<std::string>>& synonyms);

  // --- Keeping the index in step with the disk (cydex reindex) -------------

  /// Every path's IndexedSource, read from the value slot without loading
  /// document data; a document with several paths gives one per path, each
  /// with the document's id. Documents indexed before the slot existed are
  /// left out.
  [[nodiscard]] corpus::Result<std::vector<IndexedSource>, IndexError> indexed_sources() const;
  /// Points the document `old_id` at `source` (a moved file's new path and
  /// id, or the same file with a new mtime) without extracting it again.
  /// Old and new id go into the same batch, so a kill leaves one or the other.
  Status repoint(const std::string& old_id, const corpus::SourceDocument& source);
  /// As repoint(), for the path `old_path` of whichever document holds it
  /// (one of several copies, say). A moved primary path gives the document
  /// its new id.
  Status repoint_path(const std::string& old_path, const corpus::SourceDocument& source);
  /// The metadata value under `key`, empty when absent.
  [[nodiscard]] std::string metadata(const std::string& key) const;
  /// Sets the metadata value under `key` (an empty value removes it); it
  /// becomes durable with the documents of the same batch.
  Status set_metadata(const std::string& key, const std::string& value);
  /// Every metadata key starting with `prefix`, with its value.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> metadata_with_prefix(const std::string& prefix) const;

  /// Makes everything so far durable and visible to searchers.
  Status commit();

  [[nodiscard]] unsigned document_count() const;

 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cydex::index
