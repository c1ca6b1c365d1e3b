// SPDX-License-Identifier: Apache-2.0
#include "snippeter.h"

#include <algorithm>
#include <map>
#include <set>

#include "cydex/index/schema.h"
#include "page_tokens.h"
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
    std::size_t number = 0;
    const Xapian::TermIterator end = db.termlist_end(did);
    Xapian::TermIterator term = db.termlist_begin(did);
    while (term != end) {
      const std::string word = *term;
      if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') {
        // Prefixed terms (fields, stems, word pairs, tags) start with a
        // capital and come together in byte order: skip past all of them.
        term.skip_to("[");
        continue;
      }
      const bool matched = terms.exact.count(word) > 0 ||
                           (!terms.stemmed.empty() && terms.stemmed.count(stem_of(stemmer, word)) > 0);
      if (matched) {
        ++number;
        for (Xapian::PositionIterator at = term.positionlist_begin(); at != term.positionlist_end(); ++at) {
          // Positions before the first page are the title's.
          const auto after = std::upper_bound(firsts.begin(), firsts.end(), *at);
          if (after == firsts.begin()) continue;
          const auto p = static_cast<std::size_t>(after - firsts.begin()) - 1;
          pages[p].words.emplace_back(*at - firsts[p], number);
        }
      }
      ++term;
    }
  } catch (const Xapian::Error&) {
    return std::nullopt;  // A shard that cannot list positions: tokenise every page.
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    pages[p].page = p;
    std::sort(pages[p].words.begin(), pages[p].words.end());
  }
  return pages;
}

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                std::size_t max_bytes) {
  return best_passage(doc, terms, nullptr, 0, max_bytes);
}

namespace {

/// The passage around the window [first, last] of a page's words, centred,
/// with every matched word in it marked. `token(i)` gives word i (null past
/// the end), `matched(i)` whether it is a matched word.
template <typename TokenAt, typename IsMatch>
Snippet passage_of(const index::StoredPage& page, std::size_t first, std::size_t last, std::size_t max_bytes,
                   bool paginated, TokenAt&& token, IsMatch&& matched) {
  const std::string& text = page.text;
  Snippet snippet;
  // Centre the passage: spread the unused budget before and after the matches.
  std::size_t start = token(first)->start;
  std::size_t end = token(last)->end;
  const std::size_t slack = max_bytes > end - start ? max_bytes - (end - start) : 0;
  std::size_t before = first;
  while (before > 0 && start - token(before - 1)->start <= slack / 2) start = token(--before)->start;
  std::size_t after = last;
  while (token(after + 1) != nullptr && token(after + 1)->end - start <= max_bytes) end = token(++after)->end;

  const bool cut_before = start > 0;
  const bool cut_after = end < text.size();
  if (cut_before) snippet.text = "… ";
  const std::size_t base = snippet.text.size();
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  for (std::size_t i = before; i <= after; ++i) {
    if (matched(i)) marks.emplace_back(token(i)->start - start, token(i)->end - start);
  }
  snippet.text += single_line(std::string_view(text).substr(start, end - start), &marks);
  for (const auto& [mark_start, mark_end] : marks) snippet.highlights.emplace_back(base + mark_start, base + mark_end);
  if (cut_after) snippet.text += " …";
  if (paginated) snippet.page = page.number;
  return snippet;
}

/// Whether window a beats window b: more distinct words and occurrences,
/// then the earlier page, then the earlier window.
bool beats(const Window& a, const Window& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.page != b.page) return a.page < b.page;
  return a.last < b.last;
}

}  // namespace

Snippet Snippeter::best_passage(const index::StoredDocument& doc, const MatchedTerms& terms,
                                const Xapian::Database* db, Xapian::docid did, std::size_t max_bytes) {
  const Xapian::Stem& stemmer = stemmer_for(doc.language);
  const bool paginated = doc.format == "pdf";
  const bool any_words = !(terms.exact.empty() && terms.stemmed.empty());

  std::optional<std::vector<PageMatches>> located;
  if (db != nullptr && any_words) located = locate(doc, terms, stemmer, *db, did);
  if (located) {
    // The index says where the matched words are. A window holds at most
    // max_bytes words (each at least a byte), so the matches among the
    // max_bytes words up to a match bound the score of every window that
    // ends there; candidates are tried best bound first, and only the words
    // of the windows tried are tokenised (PageTokens), until no candidate
    // left can beat the best window.
    const std::vector<PageMatches>& pages = *located;
    struct Candidate {
      Window window;  ///< page, last (word index), score = the bound.
      std::size_t at = 0;  ///< Index of the match in its page's words.
    };
    std::vector<Candidate> candidates;
    for (const PageMatches& page : pages) {
      const auto& words = page.words;
      std::size_t from = 0;
      std::map<std::size_t, int> in_reach;  // word number -> occurrences within reach
      for (std::size_t j = 0; j < words.size(); ++j) {
        ++in_reach[words[j].second];
        while (words[from].first + max_bytes <= words[j].first) {
          if (--in_reach[words[from].second] == 0) in_reach.erase(words[from].second);
          ++from;
        }
        if (j + 1 < words.size() && words[j + 1].first == words[j].first) continue;
        const int bound = static_cast<int>(in_reach.size()) * 100 + static_cast<int>(j - from + 1);
        candidates.push_back(Candidate{Window{page.page, 0, words[j].first, bound}, j});
      }
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return beats(a.window, b.window); });
    std::map<std::size_t, PageTokens> tokens;
    const auto page_tokens = [&](std::size_t p) -> PageTokens& {
      auto found = tokens.find(p);
      if (found == tokens.end()) found = tokens.emplace(p, PageTokens(analyzer_, doc.pages[p])).first;
      return found->second;
    };
    const auto is_match = [&](std::size_t p, std::size_t i) {
      const auto& words = pages[p].words;
      const auto it = std::lower_bound(words.begin(), words.end(), std::make_pair(i, std::size_t{0}));
      return it != words.end() && it->first == i;
    };
    Window best;
    for (const Candidate& candidate : candidates) {
      if (best.score >= 0 && !beats(candidate.window, best)) break;
      const std::size_t p = candidate.window.page;
      PageTokens& words_of_page = page_tokens(p);
      const std::size_t last = candidate.window.last;
      const index::Token* last_token = words_of_page.at(last);
      if (last_token == nullptr) continue;  // positions beyond the stored text: not this page's words
      // The first word of the longest window ending at `last` within max_bytes.
      std::size_t low = last + 1 > max_bytes ? last + 1 - max_bytes : 0;
      std::size_t high = last;
      while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (last_token->end - words_of_page.at(mid)->start > max_bytes) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      const auto& words = pages[p].words;
      std::set<std::size_t> distinct;
      int occurrences = 0;
      for (std::size_t j = candidate.at + 1; j-- > 0 && words[j].first >= low;) {
        distinct.insert(words[j].second);
        ++occurrences;
      }
      const Window exact{p, low, last, static_cast<int>(distinct.size()) * 100 + occurrences};
      if (best.score < 0 || beats(exact, best)) best = exact;
    }
    if (best.score >= 0) {
      PageTokens& words_of_page = page_tokens(best.page);
      return passage_of(
          doc.pages[best.page], best.first, best.last, max_bytes, paginated,
          [&](std::size_t i) { return words_of_page.at(i); }, [&](std::size_t i) { return is_match(best.page, i); });
    }
  } else if (any_words) {
    // No positions to go by: every page is read.
    Window best;
    std::vector<std::vector<index::Token>> page_tokens(doc.pages.size());
    std::vector<std::vector<bool>> page_matches(doc.pages.size());
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
      std::vector<index::Token>& tokens = page_tokens[p] = analyzer_.tokenize(doc.pages[p].text);
      std::vector<bool>& matches = page_matches[p];
      matches.resize(tokens.size());
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        matches[i] = terms.exact.count(tokens[i].term) > 0 ||
                     (!terms.stemmed.empty() && terms.stemmed.count(stem_of(stemmer, tokens[i].term)) > 0);
      }
      // Scores every window that fits in max_bytes: distinct words, then occurrences.
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
        const Window window{p, first, last, static_cast<int>(distinct.size()) * 100 + occurrences};
        if (best.score < 0 || beats(window, best)) best = window;
      }
    }
    if (best.score >= 0) {
      const std::vector<index::Token>& tokens = page_tokens[best.page];
      return passage_of(
          doc.pages[best.page], best.first, best.last, max_bytes, paginated,
          [&](std::size_t i) { return i < tokens.size() ? &tokens[i] : nullptr; },
          [&](std::size_t i) { return static_cast<bool>(page_matches[best.page][i]); });
    }
  }

  if (!terms.tags.empty()) {
    for (const index::StoredMention& mention : doc.mentions) {
      if (terms.tags.count(mention.tag) == 0) continue;
      for (const index::StoredPage& page : doc.pages) {
        if (page.number != mention.page || mention.end > page.text.size()) continue;
        return passage_around(page, mention.start, mention.end, max_bytes, paginated);
      }
    }
  }
  Snippet snippet;
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

}  // namespace cydex::search
