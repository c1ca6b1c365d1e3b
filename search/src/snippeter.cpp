// SPDX-License-Identifier: Apache-2.0
#include "snippeter.h"

#include "cydex/index/schema.h"
#include "query_builder.h"

namespace cydex::search {
namespace {

/// Byte length of a UTF-8 text cut at a character boundary near `limit`.
std::size_t utf8_cut(std::string_view text, std::size_t limit) {
  if (limit >= text.size()) return text.size();
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

/// The text on one line; runs of line breaks and spaces become one space.
/// `offsets`, when given, are byte offsets into `text`, moved to match.
std::string single_line(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>* offsets = nullptr) {
  std::string out;
  std::vector<std::size_t> map(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    map[i] = out.size();
    const bool space = text[i] == '\n' || text[i] == ' ';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : text[i]);
  }
  map[text.size()] = out.size();
  if (offsets != nullptr) {
    for (auto& [start, end] : *offsets) {
      start = map[start];
      end = map[end];
    }
  }
  return out;
}

struct Window {
  std::size_t page = 0;
  std::size_t first = 0;  ///< Token index.
  std::size_t last = 0;   ///< Token index, inclusive.
  int score = -1;
};

/// The passage of about max_bytes centred on [start, end) of the page, marked.
Snippet passage_around(const index::StoredPage& page, std::size_t start, std::size_t end, std::size_t max_bytes,
                       bool paginated) {
  const std::string& text = page.text;
  const std::size_t half = max_bytes > end - start ? (max_bytes - (end - start)) / 2 : 0;
  std::size_t from = start > half ? start - half : 0;
  std::size_t to = std::min(text.size(), end + half);
  if (from > 0) {
    const std::size_t space = text.find(' ', from);
    if (space != std::string::npos && space < start) from = space + 1;
  }
  if (to < text.size()) {
    const std::size_t space = text.rfind(' ', to);
    if (space != std::string::npos && space > end) to = space;
  }
  Snippet snippet;
  if (from > 0) snippet.text = "… ";
  const std::size_t base = snippet.text.size();
  std::vector<std::pair<std::size_t, std::size_t>> marks{{start - from, end - from}};
  snippet.text += single_line(std::string_view(text).substr(from, to - from), &marks);
  snippet.highlights.emplace_back(base + marks[0].first, base + marks[0].second);
  if (to < text.size()) snippet.text += " …";
  if (paginated) snippet.page = page.number;
  return snippet;
}

}  // namespace

MatchedTerms body_terms(Xapian::TermIterator begin, Xapian::TermIterator end) {
  MatchedTerms out;
  const std::string stem_prefix(index::schema::kStemPrefix);
  const std::string tag_prefix(index::schema::kTagPrefix);
  for (Xapian::TermIterator it = begin; it != end; ++it) {
    const std::string term = *it;
    if (term.empty()) continue;
    if (term.starts_with(tag_prefix)) {
      out.tags.insert(term.substr(tag_prefix.size()));
      continue;
    }
    // Unprefixed terms start with a lower-case letter or a digit; prefixes are capitals.
    const auto lead = static_cast<unsigned char>(term[0]);
    if (term.starts_with(stem_prefix) && term.size() > 1 && !(term[1] >= 'A' && term[1] <= 'Z')) {
      out.stemmed.insert(term.substr(1));
    } else if (!(lead >= 'A' && lead <= 'Z')) {
      out.exact.insert(term);
    }
  }
  return out;
}

const Xapian::Stem& Snippeter::stemmer_for(const std::string& language) {
  auto found = stemmers_.find(language);
  if (found == stemmers_.end()) found = stemmers_.emplace(language, language_stemmer(language)).first;
  return found->second;
}

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                std::size_t max_bytes) {
  const Xapian::Stem& stemmer = stemmer_for(doc.language);
  const bool paginated = doc.format == "pdf";
  Window best;
  std::vector<std::vector<index::Token>> page_tokens(doc.pages.size());
  std::vector<std::vector<bool>> page_matches(doc.pages.size());

  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const std::string& text = doc.pages[p].text;
    if (terms.exact.empty() && terms.stemmed.empty()) break;
    std::vector<index::Token>& tokens = page_tokens[p] = analyzer_.tokenize(text);
    std::vector<bool>& matches = page_matches[p];
    matches.resize(tokens.size());
    bool any = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      matches[i] = terms.exact.count(tokens[i].term) > 0 ||
                   (!terms.stemmed.empty() && terms.stemmed.count(stemmer(tokens[i].term)) > 0);
      any = any || matches[i];
    }
    if (!any) continue;
    // Slide a window that fits in max_bytes; score distinct words, then occurrences.
    std::size_t first = 0;
    for (std::size_t last = 0; last < tokens.size(); ++last) {
      while (tokens[last].end - tokens[first].start > max_bytes) ++first;
      if (!matches[last]) continue;
      std::set<std::string> distinct;
      int occurrences = 0;
      for (std::size_t i = first; i <= last; ++i) {
        if (!matches[i]) continue;
        distinct.insert(tokens[i].term);
        ++occurrences;
      }
      const int score = static_cast<int>(distinct.size()) * 100 + occurrences;
      if (score > best.score) best = Window{p, first, last, score};
    }
  }

  Snippet snippet;
  if (best.score < 0 && !terms.tags.empty()) {
    for (const index::StoredMention& mention : doc.mentions) {
      if (terms.tags.count(mention.tag) == 0) continue;
      for (const index::StoredPage& page : doc.pages) {
        if (page.number != mention.page || mention.end > page.text.size()) continue;
        return passage_around(page, mention.start, mention.end, max_bytes, paginated);
      }
    }
  }
  if (best.score < 0) {
    for (const index::StoredPage& page : doc.pages) {
      if (page.text.empty()) continue;
      const std::size_t cut = utf8_cut(page.text, max_bytes);
      snippet.text = single_line(std::string_view(page.text).substr(0, cut));
      if (cut < page.text.size()) snippet.text += " …";
      if (paginated) snippet.page = page.number;
      break;
    }
    return snippet;
  }

  const std::string& text = doc.pages[best.page].text;
  const std::vector<index::Token>& tokens = page_tokens[best.page];
  // Centre the passage: spread the unused budget before and after the matches.
  std::size_t start = tokens[best.first].start;
  std::size_t end = tokens[best.last].end;
  const std::size_t slack = max_bytes > end - start ? max_bytes - (end - start) : 0;
  std::size_t before = best.first;
  while (before > 0 && start - tokens[before - 1].start <= slack / 2) start = tokens[--before].start;
  std::size_t after = best.last;
  while (after + 1 < tokens.size() && tokens[after + 1].end - start <= max_bytes) end = tokens[++after].end;

  const bool cut_before = start > 0;
  const bool cut_after = end < text.size();
  if (cut_before) snippet.text = "… ";
  const std::size_t base = snippet.text.size();
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (std::size_t i = before; i <= after; ++i) {
    if (page_matches[best.page][i]) marks.emplace_back(tokens[i].start - start, tokens[i].end - start);
  }
  snippet.text += single_line(std::string_view(text).substr(start, end - start), &marks);
  for (const auto& [mark_start, mark_end] : marks) snippet.highlights.emplace_back(base + mark_start, base + mark_end);
  if (cut_after) snippet.text += " …";
  if (paginated) snippet.page = doc.pages[best.page].number;
  return snippet;
}

}  // namespace cydex::search
