// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/writer.h"

#include <xapian.h>

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

Status Writer::put(const corpus::ExtractedDocument& document) {
  try {
    Xapian::Document doc = impl_->builder.build(document);
    impl_->db.replace_document(schema::term(schema::kIdPrefix, document.source.id), doc);
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

Status Writer::commit() { return impl_->commit(); }

unsigned Writer::document_count() const { return impl_->db.get_doccount(); }

}  // namespace cydex::index
