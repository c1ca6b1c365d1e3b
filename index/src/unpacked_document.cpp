// SPDX-License-Identifier: Apache-2.0
#include "unpacked_document.h"

#include <algorithm>

namespace cydex::index {

std::vector<std::pair<std::string, Xapian::termcount>> spelling_words(const Xapian::Document& doc) {
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  Xapian::TermIterator term = doc.termlist_begin();
  // Terms come in byte order: field terms (capital prefixes: stems, word
  // pairs, tags) sort before the words that start with a lower-case letter,
  // and words that start with a digit make no suggestion.
  term.skip_to("a");
  for (; term != doc.termlist_end(); ++term) {
    std::string word = *term;
    // Very long or very short strings and numbers make no useful suggestion.
    if (word.size() < 3 || word.size() > 40) continue;
    if (std::any_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) continue;
    out.emplace_back(std::move(word), term.get_wdf());
  }
  return out;
}

UnpackedDocument::UnpackedDocument() = default;
UnpackedDocument::~UnpackedDocument() = default;
UnpackedDocument::UnpackedDocument(UnpackedDocument&&) noexcept = default;
UnpackedDocument& UnpackedDocument::operator=(UnpackedDocument&&) noexcept = default;

UnpackedDocument UnpackedDocument::unpack(const std::string& prepared) {
  UnpackedDocument out;
  out.impl_ = std::make_unique<Impl>();
  out.impl_->doc = Xapian::Document::unserialise(prepared);
  out.impl_->spelling = spelling_words(out.impl_->doc);
  // Xapian's in-memory document (a node per term and position) takes a
  // few times its serialised size.
  out.impl_->bytes = 3 * prepared.size();
  return out;
}

std::size_t UnpackedDocument::bytes() const noexcept { return impl_ ? impl_->bytes : 0; }

}  // namespace cydex::index
