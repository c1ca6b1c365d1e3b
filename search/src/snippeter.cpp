// SPDX-License-Identifier: Apache-2.0
#include "snippeter.h"

#include <algorithm>

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

const std::string& Snippeter::stem_of(const Xapian::Stem& stemmer, const std::string& word) {
  std::unordered_map<std::string, std::string>& stems = stems_[&stemmer];
  // Bounded: a long-lived searcher sees the whole vocabulary in time.
  if (stems.size() > 200000) stems.clear();
  auto found = stems.find(word);
  if (found == stems.end()) found = stems.emplace(word, stemmer(word)).first;
  return found->second;
}

std::optional<std::vector<Snippeter::PageMatches>> Snippeter::locate(const index::StoredDocument& doc,
                                                                      const MatchedTerms& terms,
                                                                      const Xapian::Stem& stemmer,
                                                                      const Xapian::Database& db,
                                                                      Xapian::docid did) {
  std::vector<Xapian::termpos> firsts;
  for (const index::StoredPage& page : doc.pages) {
    // Stored without positions, or out of order: tokenise every page instead.
    if (page.first_position == 0 || (!firsts.empty() && page.first_position <= firsts.back())) return std::nullopt;
    firsts.push_back(page.first_position);
  }
  std::vector<PageMatches> pages(doc.pages.size());
  try {
    for (Xapian::TermIterator term = db.termlist_begin(did); term != db.termlist_end(did); ++term) {
      const std::string word = *term;
      // Prefixed terms (fields, stems, tags) start with a capital; words never do.
      if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) continue;
      const bool matched = terms.exact.count(word) > 0 ||
                           (!terms.stemmed.empty() && terms.stemmed.count(stem_of(stemmer, word)) > 0);
      if (!matched) continue;
      for (Xapian::PositionIterator at = term.positionlist_begin(); at != term.positionlist_end(); ++at) {
        // Positions before the first page are the title's.
        const auto after = std::upper_bound(firsts.begin(), firsts.end(), *at);
        if (after == firsts.begin()) continue;
        PageMatches& page = pages[static_cast<std::size_t>(after - firsts.begin()) - 1];
        page.positions.push_back(*at);
        page.words.insert(word);
      }
    }
  } catch (const Xapian::Error&) {
    return std::nullopt;  // A shard that cannot list positions: tokenise every page.
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p].page = p;
    std::sort(pages[p].positions.begin(), pages[p].positions.end());
  }
  return pages;
}

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                std::size_t max_bytes) {
  return best_passage(doc, terms, nullptr, 0, max_bytes);
}

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                const Xapian::Database* db, Xapian::docid did, std::size_t max_bytes) {
  const Xapian::Stem& stemmer = stemmer_for(doc.language);
  const bool paginated = doc.format == "pdf";
  Window best;
  std::vector<std::vector<index::Token>> page_tokens(doc.pages.size());
  std::vector<std::vector<bool>> page_matches(doc.pages.size());

  // Scores every window of page p that fits in max_bytes: distinct words, then occurrences.
  const auto scan_page = [&](std::size_t p) {
    const std::vector<index::Token>& tokens = page_tokens[p];
    const std::vector<bool>& matches = page_matches[p];
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
      // Equal scores go to the earlier page, then the earlier window.
      if (score > best.score || (score == best.score && p < best.page)) best = Window{p, first, last, score};
    }
  };

  std::optional<std::vector<PageMatches>> located;
  if (db != nullptr && !(terms.exact.empty() && terms.stemmed.empty())) {
    located = locate(doc, terms, stemmer, *db, did);
  }
  if (located) {
    // The index says where the matched words are: only pages holding some
    // are tokenised, most promising first, until no page left can beat the
    // best window (a page's windows score at most its distinct words * 100
    // plus its occurrences).
    std::vector<PageMatches>& pages = *located;
    std::erase_if(pages, [](const PageMatches& page) { return page.positions.empty(); });
    const auto bound = [](const PageMatches& page) {
      return static_cast<int>(page.words.size()) * 100 + static_cast<int>(page.positions.size());
    };
    std::sort(pages.begin(), pages.end(), [&](const PageMatches& a, const PageMatches& b) {
      return bound(a) != bound(b) ? bound(a) > bound(b) : a.page < b.page;
    });
    for (const PageMatches& page : pages) {
      if (best.score >= 0 && (bound(page) < best.score || (bound(page) == best.score && page.page > best.page))) break;
      const std::size_t p = page.page;
      std::vector<index::Token>& tokens = page_tokens[p] = analyzer_.tokenize(doc.pages[p].text);
      std::vector<bool>& matches = page_matches[p];
      matches.assign(tokens.size(), false);
      for (const Xapian::termpos position : page.positions) {
        const std::size_t i = position - doc.pages[p].first_position;
        if (i < tokens.size()) matches[i] = true;
      }
      scan_page(p);
    }
  } else {
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
      if (terms.exact.empty() && terms.stemmed.empty()) break;
      std::vector<index::Token>& tokens = page_tokens[p] = analyzer_.tokenize(doc.pages[p].text);
      std::vector<bool>& matches = page_matches[p];
      matches.resize(tokens.size());
      bool any = false;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        matches[i] = terms.exact.count(tokens[i].term) > 0 ||
                     (!terms.stemmed.empty() && terms.stemmed.count(stem_of(stemmer, tokens[i].term)) > 0);
        any = any || matches[i];
      }
      if (any) scan_page(p);
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
