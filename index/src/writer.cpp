// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/writer.h"

#include <xapian.h>

#include <stdlib.h>

#include <algorithm>

#include "cydex/index/schema.h"
#include "document_builder.h"
#include "xapian_error.h"

namespace cydex::index {

struct Writer::Impl {
  std::filesystem::path dir;
  WriterOptions options;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  int pending = 0;

  Status commit_if_due() {
    if (++pending < options.batch_size) return std::monostate{};
    return commit();
  }

  Status commit() {
    try {
      db.commit();
      pending = 0;
      return std::monostate{};
    } catch (const Xapian::Error& error) {
      return corpus::Unexpected(to_index_error(error, dir));
    }
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
  if (ec) return corpus::Unexpected(IndexError{IndexErrorKind::Io, dir.string() + ": " + ec.message()});
  try {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    impl->options = options;
    impl->db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    if (impl->db.get_metadata(schema::kFormatVersionKey).empty()) {
      impl->db.set_metadata(schema::kFormatVersionKey, schema::kFormatVersion);
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
  if (ec) return corpus::Unexpected(IndexError{IndexErrorKind::Io, dir.string() + ": " + ec.message()});
  // Appended piecewise: GCC 12's -Wrestrict misfires on "." + string at -O3.
  std::string name(".");
  name.append(dir.filename().string());
  name.append(".creating-XXXXXX");
  std::string pattern = (parent / name).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return corpus::Unexpected(IndexError{IndexErrorKind::Io, parent.string() + ": cannot create a folder"});
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
    Xapian::Document doc = impl_->builder.build(document);
    impl_->db.replace_document(schema::term(schema::kIdPrefix, document.source.id), doc);
    // The corpus vocabulary feeds "did you mean": every unprefixed word.
    // (Words of replaced or removed documents stay; a suggestion is a hint.)
    for (Xapian::TermIterator term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
      const unsigned char lead = static_cast<unsigned char>((*term)[0]);
      if (!(lead >= 'A' && lead <= 'Z')) impl_->db.add_spelling(*term, term.get_wdf());
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return impl_->commit_if_due();
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
  try {
    Xapian::WritableDatabase& db = impl_->db;
    const std::string tag_prefix(schema::kTagPrefix);
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
      if (same) continue;
      doc.set_data(stored->encode());
      db.replace_document(*it, doc);
      ++changed;
      if (Status due = impl_->commit_if_due(); !due) return corpus::Unexpected(due.error());
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
      if (auto source = decode_source(*it)) out.push_back(std::move(*source));
    }
  } catch (const Xapian::Error& error) {
    return corpus::Unexpected(to_index_error(error, impl_->dir));
  }
  return out;
}

Status Writer::repoint(const std::string& old_id, const corpus::SourceDocument& source) {
  try {
    Xapian::WritableDatabase& db = impl_->db;
    const std::string old_term = schema::term(schema::kIdPrefix, old_id);
    Xapian::PostingIterator found = db.postlist_begin(old_term);
    if (found == db.postlist_end(old_term)) return std::monostate{};
    Xapian::Document doc = db.get_document(*found);
    std::optional<StoredDocument> stored = StoredDocument::decode(doc.get_data());
    if (!stored) return std::monostate{};
    doc.remove_term(old_term);
    doc.remove_term(schema::term(schema::kPathPrefix, stored->path));
    stored->id = source.id;
    stored->path = source.path.string();
    doc.add_boolean_term(schema::term(schema::kIdPrefix, stored->id));
    doc.add_boolean_term(schema::term(schema::kPathPrefix, stored->path));
    doc.add_value(schema::kSourceSlot, encode_source(source));
    doc.set_data(stored->encode());
    if (source.id != old_id) db.delete_document(*found);
    db.replace_document(schema::term(schema::kIdPrefix, source.id), doc);
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
