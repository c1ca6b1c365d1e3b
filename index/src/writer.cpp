// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/writer.h"

#include <xapian.h>

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

Status Writer::commit() { return impl_->commit(); }

unsigned Writer::document_count() const { return impl_->db.get_doccount(); }

}  // namespace cydex::index
