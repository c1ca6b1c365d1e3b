// SPDX-License-Identifier: Apache-2.0
#include "snippeter.h"

#include "cydex/index/schema.h"

namespace cydex::search {
namespace {

/// Byte length of a UTF-8 text cut at a character boundary near `limit`.
std::size_t utf8_cut(std::string_view text, std::size_t limit) {
  if (limit >= text.size()) return text.size();
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

std::string single_line(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch == '\n') ch = ' ';
  }
  return out;
}

struct Window {
  std::size_t page = 0;
  std::size_t first = 0;  ///< Token index.
  std::size_t last = 0;   ///< Token index, inclusive.
  int score = -1;
};

}  // namespace

MatchedTerms body_terms(Xapian::TermIterator begin, Xapian::TermIterator end) {
  MatchedTerms out;
  const std::string stem_prefix(index::schema::kStemPrefix);
  for (Xapian::TermIterator it = begin; it != end; ++it) {
    const std::string term = *it;
    if (term.empty()) continue;
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

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                std::size_t max_bytes) {
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
                   (!terms.stemmed.empty() && terms.stemmed.count(stemmer_(tokens[i].term)) > 0);
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
  snippet.text += single_line(std::string_view(text).substr(start, end - start));
  for (std::size_t i = before; i <= after; ++i) {
    if (page_matches[best.page][i]) {
      snippet.highlights.emplace_back(base + tokens[i].start - start, base + tokens[i].end - start);
    }
  }
  if (cut_after) snippet.text += " …";
  if (paginated) snippet.page = doc.pages[best.page].number;
  return snippet;
}

}  // namespace cydex::search
