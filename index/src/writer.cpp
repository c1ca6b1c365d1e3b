// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/writer.h"

#include <xapian.h>

#include <stdlib.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <optional>
#include <string>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "cydex/index/facet_codes.h"
#include "cydex/index/schema.h"
#include "cydex/index/word_pairs.h"
#include "document_builder.h"
#include "unpacked_document.h"
#include "xapian_error.h"

namespace cydex::index {
namespace {

/// "DIR: cannot create the index: REASON", the reason in lower case.
IndexError io_error(const std::filesystem::path& dir, std::string reason) {
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
  return IndexError{IndexErrorKind::Io, dir.string() + ": cannot create the index: " + reason};
}

}  // namespace

struct Writer::Impl {
  std::filesystem::path dir;
  WriterOptions options;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  int pending = 0;
  std::size_t pending_bytes = 0;  ///< Serialised size of the documents written since the last commit.
  /// Words for "did you mean" since the last commit, with their frequency.
  /// Handed to Xapian once per word at commit: its spelling table keeps
  /// changes in ordered maps, and a call per word of every document cost
  /// more than indexing the words.
  std::unordered_map<std::string, Xapian::termcount> spelling{};

  void note_spelling(const std::vector<std::pair<std::string, Xapian::termcount>>& words) {
    for (const auto& [word, wdf] : words) spelling[word] += wdf;
  }

  /// The facet codes recorded in the index's metadata, code -> record, once
  /// read (see register_facets()).
  std::optional<std::unordered_map<std::uint32_t, std::string>> facet_names{};

  /// Records the field and value of each facet code of `doc` the index does
  /// not know yet, so that searches can name what they count. Two values
  /// with one code mark the index's codes unusable (searches then count
  /// the text slots).
  void register_facets(const Xapian::Document& doc) {
    if (!facet_names) {
      facet_names.emplace();
      const std::string prefix(schema::kFacetNamePrefix);
      for (Xapian::TermIterator it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;
        std::uint32_t code = 0;
        for (const char digit : std::string_view(key).substr(prefix.size())) {
          code = code << 4 | static_cast<std::uint32_t>(digit <= '9' ? digit - '0' : digit - 'a' + 10);
        }
        facet_names->emplace(code, db.get_metadata(key));
      }
    }
    // Most documents bring no new value: their codes alone tell.
    const std::string codes = doc.get_value(schema::kFacetCodesSlot);
    bool all_known = true;
    for (std::size_t at = 0; at + 4 <= codes.size() && all_known; at += 4) {
      const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(codes[at + i])); };
      all_known = facet_names->contains(byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24);
    }
    if (all_known) return;
    for (const FacetValueCode& value : facet_values_of(doc)) {
      const std::string record = facet_name_record(value);
      const auto [known, added] = facet_names->emplace(value.code, record);
      if (added) {
        db.set_metadata(facet_name_key(value.code), record);
      } else if (known->second != record) {
        db.set_metadata(schema::kFacetCodesKey, "collision");
      }
    }
  }

  Status commit_if_due() {
    ++pending;
    const bool full = options.batch_bytes > 0 && pending_bytes >= options.batch_bytes;
    if (pending < options.batch_size && !full) return std::monostate{};
    return commit();
  }

  Status commit() {
    try {
      for (const auto& [word, frequency] : spelling) db.add_spelling(word, frequency);
      spelling.clear();
      db.commit();
      pending = 0;
      pending_bytes = 0;
      return std::monostate{};
    } catch (const Xapian::Error& error) {
      return corpus::Unexpected(to_index_error(error, dir));
    }
  }

  /// A document as its paths are edited: where it is, what it stores, and
  /// one source record per path, primary first.
  struct Held {
    Xapian::docid docid = 0;
    Xapian::Document doc{};
    StoredDocument stored{};
    std::vector<IndexedSource> sources{};
  };

  /// The first document with `term`, if any (and if it is a cydex document).
  std::optional<Held> find(const std::string& term) {
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    Held held;
    held.docid = *it;
    held.doc = db.get_document(*it);
    std::optional<StoredDocument> stored = StoredDocument::decode(held.doc.get_data());
    if (!stored) return std::nullopt;
    held.stored = std::move(*stored);
    held.sources = decode_sources(held.doc.get_value(schema::kSourceSlot));
    // Indexed before the source slot existed: its one path, stamp unknown.
    if (held.sources.empty()) held.sources.push_back(IndexedSource{.id = held.stored.id, .path = held.stored.path});
    return held;
  }

  static void remove_term_if_present(Xapian::Document& doc, const std::string& term) {
    try {
      doc.remove_term(term);
    } catch (const Xapian::InvalidArgumentError&) {
      // Not there: nothing to remove.
    }
  }

  /// Writes `held` back with the paths `after` (primary first): its P terms,
  /// id, source records and stored paths. No paths left deletes it; a new
  /// primary path gives it that path's id.
  void save(Held& held, const std::vector<IndexedSource>& after) {
    if (after.empty()) {
      db.delete_document(held.docid);
      return;
    }
    const std::string old_id = held.stored.id;
    remove_term_if_present(held.doc, schema::term(schema::kIdPrefix, old_id));
    for (const std::string& path : held.stored.paths) {
      remove_term_if_present(held.doc, schema::term(schema::kPathPrefix, path));
    }
    for (const IndexedSource& source : held.sources) {
      remove_term_if_present(held.doc, schema::term(schema::kPathPrefix, source.path));
    }
    held.stored.id = after.front().id;
    held.stored.path = after.front().path;
    held.stored.paths.clear();
    for (const IndexedSource& source : after) {
      held.stored.paths.push_back(source.path);
      held.doc.add_boolean_term(schema::term(schema::kPathPrefix, source.path));
    }
    held.doc.add_boolean_term(schema::term(schema::kIdPrefix, held.stored.id));
    if (!after.front().signature.empty()) {
      held.doc.add_boolean_term(schema::term(schema::kContentPrefix, after.front().signature));
    }
    held.doc.add_value(schema::kSourceSlot, encode_sources(after));
    held.doc.set_data(held.stored.encode());
    held.sources = after;
    if (held.stored.id == old_id) {
      db.replace_document(held.docid, held.doc);
    } else {
      db.delete_document(held.docid);
      held.docid = db.replace_document(schema::term(schema::kIdPrefix, held.stored.id), held.doc);
    }
  }

  /// Takes `path` off whichever document holds it.
  void detach(const std::string& path) {
    std::optional<Held> held = find(schema::term(schema::kPathPrefix, path));
    if (!held) return;
    std::vector<IndexedSource> after;
    for (const IndexedSource& source : held->sources) {
      if (source.path != path) after.push_back(source);
    }
    save(*held, after);
  }

  /// Indexes `extracted` under its own id, with `others` as further paths;
  /// its Xapian form is `unpacked` when given, else decoded from
  /// `extracted.prepared`, else built here.
  void write(const corpus::ExtractedDocument& extracted, const std::vector<IndexedSource>& others,
             UnpackedDocument* unpacked = nullptr) {
    UnpackedDocument decoded;
    if ((unpacked == nullptr || unpacked->empty()) && !extracted.prepared.empty()) {
      decoded = UnpackedDocument::unpack(extracted.prepared);
      unpacked = &decoded;
    }
    Xapian::Document doc;
    if (unpacked != nullptr && !unpacked->empty()) {
      doc = unpacked->impl()->doc;
      pending_bytes += unpacked->bytes();
    } else {
      doc = builder.build(extracted);
      pending_bytes += doc.get_data().size();
    }
    if (!others.empty()) {
      std::optional<StoredDocument> stored = StoredDocument::decode(doc.get_data());
      std::vector<IndexedSource> all{indexed_source_of(extracted.source)};
      all.insert(all.end(), others.begin(), others.end());
      for (const IndexedSource& other : others) {
        doc.add_boolean_term(schema::term(schema::kPathPrefix, other.path));
        if (stored) stored->paths.push_back(other.path);
      }
      if (stored) doc.set_data(stored->encode());
      doc.add_value(schema::kSourceSlot, encode_sources(all));
    }
    db.replace_document(schema::term(schema::kIdPrefix, extracted.source.id), doc);
    register_facets(doc);
    // The corpus vocabulary feeds "did you mean".
    // (Words of replaced or removed documents stay; a suggestion is a hint.)
    note_spelling(unpacked != nullptr && !unpacked->empty() ? unpacked->impl()->spelling : spelling_words(doc));
  }

  Placement place(const corpus::ExtractedDocument& extracted, UnpackedDocument* unpacked) {
    const std::string path = extracted.source.path.string();
    const std::string& signature = extracted.source.signature;
    std::optional<Held> same;
    if (!signature.empty()) same = find(schema::term(schema::kContentPrefix, signature));
    if (!same) {
      // New content at this path: a copy it shared a document with splits off.
      detach(path);
      write(extracted, {}, unpacked);
      return Placement::Indexed;
    }
    const auto at = std::find_if(same->sources.begin(), same->sources.end(),
                                 [&](const IndexedSource& source) { return source.path == path; });
    if (at == same->sources.begin()) {
      // The primary copy again (a rerun of ingest): index afresh, keep the other copies.
      write(extracted, std::vector<IndexedSource>(same->sources.begin() + 1, same->sources.end()), unpacked);
      return Placement::Indexed;
    }
    std::vector<IndexedSource> after = same->sources;
    if (at != same->sources.end()) {
      after[static_cast<std::size_t>(at - same->sources.begin())] = indexed_source_of(extracted.source);
    } else {
      detach(path);  // Held by another document (its content changed to this one).
      after.push_back(indexed_source_of(extracted.source));
    }
    save(*same, after);
    return Placement::Duplicate;
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

Writer::~Writer() {
  if (impl_ && impl_->pending > 0) (void)impl_->commit();
}

corpus::Result<Writer, IndexError> Writer::open(const std::filesystem::path& dir, const WriterOptions& options) {
  // A new index appears whole or not at all, even if this process is killed
  // while Xapian creates it (a half-made folder would stop every later run).
  if (Status created = create_atomically(dir); !created) return corpus::Unexpected(created.error());
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return corpus::Unexpected(io_error(dir, ec.message()));
  try {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->options = options;
    impl->db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    if (impl->db.get_metadata(schema::kFormatVersionKey).empty()) {
      impl->db.set_metadata(schema::kFormatVersionKey, schema::kFormatVersion);
    }
    // A new index has facet codes for every document it will get; one made
    // before they existed gets them from `cydex retag`.
    if (impl->db.get_lastdocid() == 0 && impl->db.get_metadata(schema::kFacetCodesKey).empty()) {
      impl->db.set_metadata(schema::kFacetCodesKey, "1");
    }
    // Likewise the word pairs of phrases (word_pairs.h), which only a
    // re-ingest gives an older index.
    if (impl->db.get_lastdocid() == 0 && impl->db.get_metadata(schema::kPairsKey).empty()) {
      impl->db.set_metadata(schema::kPairsKey, std::string(kWordPairsVersion));
    }
    return Writer(std::move(impl));
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, dir));
  }
}

Status Writer::create_atomically(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) || ec) return std::monostate{};
  const std::filesystem::path parent = dir.parent_path().empty() ? std::filesystem::path(".") : dir.parent_path();
  std::filesystem::create_directories(parent, ec);
  if (ec) return corpus::Unexpected(io_error(dir, ec.message()));
  // Appended piecewise: GCC 12's -Wrestrict misfires on "." + string at -O3.
  std::string name(".");
  name.append(dir.filename().string());
  name.append(".creating-XXXXXX");
  std::string pattern = (parent / name).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return corpus::Unexpected(io_error(dir, std::strerror(errno)));
  }
  const std::filesystem::path staging(pattern);
  {
    auto writer = Writer::open(staging, WriterOptions{});
    if (!writer) {
      std::filesystem::remove_all(staging, ec);
      return corpus::Unexpected(writer.error());
    }
    if (Status done = writer->commit(); !done) return done;
  }
  // A concurrent creator may have won the race; its index is as good as ours.
  std::filesystem::rename(staging, dir, ec);
  if (ec) std::filesystem::remove_all(staging, ec);
  return std::monostate{};
}

Status Writer::put(const corpus::ExtractedDocument& document) {
  try {
    // The document's identical copies stay with it (read from the value
    // slot only; the stored data is not loaded).
    std::vector<IndexedSource> others;
    const std::string id_term = schema::term(schema::kIdPrefix, document.source.id);
    if (Xapian::PostingIterator it = impl_->db.postlist_begin(id_term); it != impl_->db.postlist_end(id_term)) {
      const std::string slot = impl_->db.get_document(*it).get_value(schema::kSourceSlot);
      if (slot.find('\0') != std::string::npos) {
        for (IndexedSource& copy : decode_sources(slot)) {
          if (copy.path != document.source.path.string()) others.push_back(std::move(copy));
        }
      }
    }
    impl_->write(document, others);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit_if_due();
}

corpus::Result<Placement, IndexError> Writer::place(const corpus::ExtractedDocument& document) {
  return place(document, UnpackedDocument{});
}

corpus::Result<Placement, IndexError> Writer::place(const corpus::ExtractedDocument& document,
                                                    UnpackedDocument unpacked) {
  Placement placement = Placement::Indexed;
  try {
    placement = impl_->place(document, &unpacked);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  if (Status due = impl_->commit_if_due(); !due) return corpus::Unexpected(due.error());
  return placement;
}

Status Writer::remove_path(const std::string& path) {
  try {
    impl_->detach(path);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit_if_due();
}

corpus::Result<bool, IndexError> Writer::add_copy(const corpus::SourceDocument& source) {
  try {
    if (source.signature.empty()) return false;
    const std::string content = schema::term(schema::kContentPrefix, source.signature);
    const std::string path = source.path.string();
    std::optional<Impl::Held> held = impl_->find(content);
    if (!held) return false;
    if (std::none_of(held->sources.begin(), held->sources.end(),
                     [&](const IndexedSource& known) { return known.path == path; })) {
      impl_->detach(path);
      held = impl_->find(content);
      if (!held) return false;
    }
    std::vector<IndexedSource> after;
    for (const IndexedSource& known : held->sources) {
      if (known.path != path) after.push_back(known);
    }
    after.push_back(indexed_source_of(source));
    impl_->save(*held, after);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  if (Status due = impl_->commit_if_due(); !due) return corpus::Unexpected(due.error());
  return true;
}

Status Writer::remove(const std::string& id) {
  try {
    impl_->db.delete_document(schema::term(schema::kIdPrefix, id));
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit_if_due();
}

corpus::Result<int, IndexError> Writer::retag(
    const std::function<std::vector<corpus::Mention>(const StoredDocument&)>& tag) {
  int changed = 0;
  bool add_codes = false;
  try {
    Xapian::WritableDatabase& db = impl_->db;
    const std::string tag_prefix(schema::kTagPrefix);
    // An index made before facet codes existed gets them for every document.
    add_codes = db.get_metadata(schema::kFacetCodesKey).empty();
    for (Xapian::PostingIterator it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      Xapian::Document doc = db.get_document(*it);
      std::optional<StoredDocument> stored = StoredDocument::decode(doc.get_data());
      if (!stored) continue;
      const std::vector<StoredMention> before = stored->mentions;
      const std::vector<corpus::Mention> mentions = tag(*stored);
      std::vector<std::string> old_terms;
      for (Xapian::TermIterator term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        if ((*term).starts_with(tag_prefix)) old_terms.push_back(*term);
      }
      for (const std::string& term : old_terms) doc.remove_term(term);
      add_tags(doc, mentions, *stored);
      const bool same = before.size() == stored->mentions.size() &&
                        std::equal(before.begin(), before.end(), stored->mentions.begin(),
                                   [](const StoredMention& a, const StoredMention& b) {
                                     return a.tag == b.tag && a.page == b.page && a.start == b.start && a.end == b.end;
                                   });
      if (same && !add_codes) continue;
      if (!same) doc.set_data(stored->encode());
      db.replace_document(*it, doc);
      impl_->register_facets(doc);
      if (!same) ++changed;
      if (Status due = impl_->commit_if_due(); !due) return corpus::Unexpected(due.error());
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  try {
    if (add_codes && impl_->db.get_metadata(schema::kFacetCodesKey).empty()) {
      impl_->db.set_metadata(schema::kFacetCodesKey, "1");
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  if (Status done = impl_->commit(); !done) return corpus::Unexpected(done.error());
  return changed;
}

Status Writer::set_synonyms(const std::map<std::string, std::vector<std::string>>& synonyms) {
  try {
    Xapian::WritableDatabase& db = impl_->db;
    std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const std::string& key : old_keys) db.clear_synonyms(key);
    for (const auto& [key, terms] : synonyms) {
      for (const std::string& term : terms) db.add_synonym(key, term);
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit();
}

corpus::Result<std::vector<IndexedSource>, IndexError> Writer::indexed_sources() const {
  std::vector<IndexedSource> out;
  try {
    Xapian::WritableDatabase& db = impl_->db;
    for (Xapian::ValueIterator it = db.valuestream_begin(schema::kSourceSlot);
         it != db.valuestream_end(schema::kSourceSlot); ++it) {
      const std::string value = *it;
      if (value.find('\0') == std::string::npos) {
        if (auto source = decode_source(value)) out.push_back(std::move(*source));
        continue;
      }
      std::vector<IndexedSource> copies = decode_sources(value);
      const std::string id = copies.empty() ? std::string() : copies.front().id;
      for (IndexedSource& copy : copies) {
        copy.id = id;
        out.push_back(std::move(copy));
      }
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return out;
}

Status Writer::repoint(const std::string& old_id, const corpus::SourceDocument& source) {
  std::string old_path;
  try {
    std::optional<Impl::Held> held = impl_->find(schema::term(schema::kIdPrefix, old_id));
    if (!held) return std::monostate{};
    old_path = held->sources.front().path;
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return repoint_path(old_path, source);
}

Status Writer::repoint_path(const std::string& old_path, const corpus::SourceDocument& source) {
  try {
    std::optional<Impl::Held> held = impl_->find(schema::term(schema::kPathPrefix, old_path));
    if (!held) return std::monostate{};
    std::vector<IndexedSource> after = held->sources;
    for (IndexedSource& known : after) {
      if (known.path == old_path) known = indexed_source_of(source);
    }
    impl_->save(*held, after);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit_if_due();
}

std::string Writer::metadata(const std::string& key) const {
  try {
    return impl_->db.get_metadata(key);
  } catch (const Xapian::Error&) {
    return {};
  }
}

Status Writer::set_metadata(const std::string& key, const std::string& value) {
  try {
    impl_->db.set_metadata(key, value);
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return std::monostate{};
}

std::vector<std::pair<std::string, std::string>> Writer::metadata_with_prefix(const std::string& prefix) const {
  std::vector<std::pair<std::string, std::string>> out;
  try {
    Xapian::WritableDatabase& db = impl_->db;
    for (Xapian::TermIterator it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
      out.emplace_back(*it, db.get_metadata(*it));
    }
  } catch (const Xapian::Error&) {
    out.clear();
  }
  return out;
}

Status Writer::commit() { return impl_->commit(); }

unsigned Writer::document_count() const { return impl_->db.get_doccount(); }

}  // namespace cydex::index
