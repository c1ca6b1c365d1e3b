// SPDX-License-Identifier: Apache-2.0
#include "document_builder.h"

#include <string>
#include <unordered_map>

#include "cydex/index/facet_codes.h"
#include "cydex/index/indexed_source.h"
#include "cydex/index/prepared_document.h"
#include "cydex/index/schema.h"
#include "cydex/index/stored_document.h"
#include "cydex/index/word_pairs.h"

namespace cydex::index {
namespace {

/// Title words count this many times in the body's statistics, so a match
/// in the title ranks above one in passing.
constexpr Xapian::termcount kTitleWeight = 5;

/// The stemmed forms (Z terms) of a document's words with their counts,
/// added to the document once per distinct term at the end: Xapian's
/// per-document term map costs a lookup per call, and most words repeat.
/// Each distinct word is stemmed once.
class StemmedTerms {
 public:
  explicit StemmedTerms(const Xapian::Stem& stem) : stem_(stem) {}

  void add(const std::string& stem_prefix, const std::string& word, Xapian::termcount wdf) {
    auto known = stems_.find(word);
    if (known == stems_.end()) known = stems_.emplace(word, stem_(word)).first;
    counts_[stem_prefix + known->second] += wdf;
  }

  void add_to(Xapian::Document& doc) const {
    for (const auto& [term, wdf] : counts_) doc.add_term(term, wdf);
  }

 private:
  const Xapian::Stem& stem_;
  std::unordered_map<std::string, std::string> stems_{};
  std::unordered_map<std::string, Xapian::termcount> counts_{};
};

/// The pair terms of a document with their counts, added once per distinct
/// term at the end, as StemmedTerms does.
class WordPairs {
 public:
  void add(const std::string& first, const std::string& second, Xapian::termcount wdf) {
    if (forms_pair(first, second)) counts_[pair_term(first, second)] += wdf;
  }

  void add_to(Xapian::Document& doc) const {
    for (const auto& [term, wdf] : counts_) doc.add_term(term, wdf);
  }

 private:
  std::unordered_map<std::string, Xapian::termcount> counts_{};
};

/// Adds every word of `text` with positions from `*position` on, plus the
/// stemmed form without positions. Advances `*position`. Body text (no
/// prefix) also gives its word pairs to `pairs` (word_pairs.h).
void index_text(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view prefix,
                StemmedTerms& stems, WordPairs& pairs, Xapian::termcount wdf, Xapian::termpos* position) {
  const std::string stem_prefix = schema::term(schema::kStemPrefix, prefix);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    doc.add_posting(schema::term(prefix, token.term), ++*position, wdf);
    stems.add(stem_prefix, token.term, wdf);
    if (prefix.empty() && i > 0) pairs.add(tokens[i - 1].term, token.term, wdf);
  }
}

}  // namespace

void add_tags(Xapian::Document& doc, const std::vector<corpus::Mention>& mentions, StoredDocument& stored) {
  std::map<std::string, Xapian::termcount> counts;
  stored.mentions.clear();
  for (const corpus::Mention& mention : mentions) {
    ++counts[mention.tag];
    stored.mentions.push_back(StoredMention{mention.tag, mention.page, mention.start, mention.end});
  }
  std::string slot;
  for (const auto& [tag, count] : counts) {
    doc.add_term(schema::term(schema::kTagPrefix, tag), count);
    if (!slot.empty()) slot.push_back('\n');
    slot += tag;
  }
  // An empty value removes the slot (remove_value throws when it is absent).
  doc.add_value(schema::kTagsSlot, slot);
  set_facet_codes(doc);
}

Xapian::Stem stemmer_for_language(const std::string& language) {
  const std::string primary = language.substr(0, language.find_first_of("-_"));
  if (primary.empty()) return Xapian::Stem("english");
  try {
    return Xapian::Stem(primary);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();
  }
}

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language) {
  auto found = stemmers_.find(language);
  if (found == stemmers_.end()) found = stemmers_.emplace(language, stemmer_for_language(language)).first;
  return found->second;
}

Xapian::Document DocumentBuilder::build(const corpus::ExtractedDocument& extracted) {
  const corpus::DocumentMetadata& meta = extracted.metadata;
  const std::string format(corpus::to_string(extracted.source.media_type));
  StemmedTerms stem(stemmer_for(meta.language));
  WordPairs pairs;
  Xapian::Document doc;

  StoredDocument stored;
  stored.id = extracted.source.id;
  stored.path = extracted.source.path.string();
  stored.paths = {stored.path};
  stored.format = format;
  stored.status = std::string(corpus::to_string(extracted.status));
  stored.title = meta.title;
  stored.organisation = meta.organisation;
  stored.year = meta.year;
  stored.date = meta.date;
  stored.language = meta.language;
  stored.url = meta.url;
  stored.authors = meta.authors;
  stored.warnings = extracted.warnings;

  // The title is searchable on its own (S) and as part of the text, ahead of page 1.
  Xapian::termpos position = 0;
  const std::vector<Token> title_tokens = analyzer_.tokenize(meta.title);
  index_text(doc, title_tokens, schema::kTitlePrefix, stem, pairs, 1, &position);
  position = 0;
  index_text(doc, title_tokens, "", stem, pairs, kTitleWeight, &position);
  for (const corpus::Page& page : extracted.pages) {
    position += schema::kPageGap;
    const std::vector<Token> tokens = analyzer_.tokenize(page.text);
    StoredPage& kept = stored.pages.emplace_back(StoredPage{page.number, static_cast<unsigned>(position + 1), page.text});
    kept.words = static_cast<std::uint32_t>(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); i += kAnchorWords) {
      kept.anchors.push_back(static_cast<std::uint32_t>(tokens[i].start));
    }
    index_text(doc, tokens, "", stem, pairs, 1, &position);
  }
  // Field words carry their stems too, as the query parser stems field terms.
  Xapian::termpos field_position = 0;
  for (const std::string& author : meta.authors) {
    index_text(doc, analyzer_.tokenize(author), schema::kAuthorPrefix, stem, pairs, 1, &field_position);
  }

  doc.add_boolean_term(schema::term(schema::kIdPrefix, extracted.source.id));
  doc.add_boolean_term(schema::term(schema::kPathPrefix, stored.path));
  doc.add_value(schema::kSourceSlot, encode_source(extracted.source));
  if (!extracted.source.signature.empty()) {
    doc.add_boolean_term(schema::term(schema::kContentPrefix, extracted.source.signature));
  }
  doc.add_boolean_term(schema::term(schema::kFormatPrefix, format));
  doc.add_boolean_term(schema::term(schema::kStatusPrefix, stored.status));
  doc.add_value(schema::kFormatSlot, format);
  if (!meta.organisation.empty()) {
    field_position = 0;
    index_text(doc, analyzer_.tokenize(meta.organisation), schema::kOrgWordsPrefix, stem, pairs, 1, &field_position);
    doc.add_boolean_term(schema::term(schema::kOrgPrefix, analyzer_.fold(meta.organisation)));
    doc.add_value(schema::kOrganisationSlot, meta.organisation);
  }
  if (meta.year) {
    const std::string year = std::to_string(*meta.year);
    doc.add_boolean_term(schema::term(schema::kYearPrefix, year));
    doc.add_value(schema::kYearSlot, year);
    doc.add_value(schema::kYearSortableSlot, Xapian::sortable_serialise(*meta.year));
  }
  if (!meta.language.empty()) {
    doc.add_boolean_term(schema::term(schema::kLanguagePrefix, analyzer_.fold(meta.language)));
    doc.add_value(schema::kLanguageSlot, meta.language);
  }
  if (!meta.date.empty()) doc.add_value(schema::kDateSlot, meta.date);
  doc.add_value(schema::kTitleSortSlot, analyzer_.fold(meta.title));
  add_tags(doc, extracted.mentions, stored);
  stem.add_to(doc);
  pairs.add_to(doc);

  doc.set_data(stored.encode());
  return doc;
}

std::string prepare_document(const corpus::ExtractedDocument& document) {
  static DocumentBuilder builder;
  return builder.build(document).serialise();
}

}  // namespace cydex::index
