// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/tagger.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "cydex/index/analyzer.h"
#include "token_automaton.h"

namespace cydex::ingest {
namespace {

using index::Analyzer;
using index::Token;
using Phrase = std::vector<std::string>;  ///< Folded words.

/// One alias, ready to be checked against the words around a hit.
struct Pattern {
  std::uint32_t tag = 0;           ///< Index into Impl::tag_ids.
  std::vector<std::string> exact{};  ///< Original spelling of each word when case-sensitive; else empty.
  std::vector<Phrase> not_followed_by{};
  std::vector<Phrase> not_preceded_by{};
  bool not_before_name = false;
  bool not_after_name = false;
};

/// A match that survived its alias's rules, in word positions.
struct Candidate {
  std::size_t first = 0;  ///< First word.
  std::size_t end = 0;    ///< One past the last word.
  std::uint32_t tag = 0;
};

bool words_equal(const std::vector<Token>& tokens, std::size_t from, const Phrase& phrase) {
  if (from + phrase.size() > tokens.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (tokens[from + i].term != phrase[i]) return false;
  }
  return true;
}

bool is_space(char ch) noexcept { return ch == ' ' || ch == '\t'; }

constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019, the typographic apostrophe

/// The apostrophe of a word at byte `at` of `text`: its length, or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] == '\'') return 1;
  return text.substr(at, kCurly.size()) == kCurly ? kCurly.size() : 0;
}

/// ICU keeps clitics inside words ("NATO's", "l'Union", "d'Allemagne"), so
/// "NATO" would not match "NATO's". The possessive "'s" and the French and
/// Italian elided articles and prepositions are cut off the word, and its
/// byte range narrowed to match, on document and alias words alike.
void drop_clitics(std::string_view text, Token& token) {
  static constexpr std::string_view kElisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
                                                   "puisqu", "dell", "all", "dall", "nell", "sull", "un"};
  std::string& term = token.term;
  if (term.size() > 2 && term.ends_with("'s")) {
    const std::size_t s_at = token.end - 1;
    for (const std::size_t length : {std::size_t{1}, kCurly.size()}) {
      if (s_at >= token.start + length && apostrophe_at(text, s_at - length) == length) {
        term.resize(term.size() - 2);
        token.end = s_at - length;
        break;
      }
    }
  }
  const std::size_t apostrophe = term.find('\'');
  if (apostrophe == std::string::npos || apostrophe + 1 >= term.size()) return;
  const std::string_view prefix = std::string_view(term).substr(0, apostrophe);
  if (std::find(std::begin(kElisions), std::end(kElisions), prefix) == std::end(kElisions)) return;
  // The prefix is ASCII, so its folded and original lengths agree.
  const std::size_t length = apostrophe_at(text, token.start + apostrophe);
  if (length == 0) return;
  term.erase(0, apostrophe + 1);
  token.start += apostrophe + length;
}

/// The words of `text`, folded by the index's Analyzer, clitics removed.
std::vector<Token> words_of(const Analyzer& analyzer, std::string_view text) {
  std::vector<Token> tokens = analyzer.tokenize(text);
  for (Token& token : tokens) drop_clitics(text, token);
  return tokens;
}

std::vector<Phrase> fold_phrases(const Analyzer& analyzer, const std::vector<std::string>& phrases) {
  std::vector<Phrase> out;
  for (const std::string& phrase : phrases) {
    Phrase words;
    for (Token& token : words_of(analyzer, phrase)) words.push_back(std::move(token.term));
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

/// True when `text` between `from` and `to` is spaces only: a line break or
/// punctuation ends a name, so lists of states ("Chad\nChile" in a table,
/// "Algeria, Jordan") still count.
bool only_spaces_between(std::string_view text, std::size_t from, std::size_t to) {
  if (to <= from) return false;
  for (std::size_t i = from; i < to; ++i) {
    if (!is_space(text[i])) return false;
  }
  return true;
}

bool starts_upper(std::string_view text, const Token& token) {
  const std::string_view word = text.substr(token.start, token.end - token.start);
  const icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  return u_isupper(decoded.char32At(0)) != 0;
}

/// A capitalised word right after the match: a surname after a first name ("Chad Smith").
bool next_is_name(std::string_view text, const std::vector<Token>& tokens, std::size_t end) {
  return end < tokens.size() && only_spaces_between(text, tokens[end - 1].end, tokens[end].start) &&
         starts_upper(text, tokens[end]);
}

/// A capitalised word right before the match: a first name before a surname ("Klara Jordan").
bool previous_is_name(std::string_view text, const std::vector<Token>& tokens, std::size_t first) {
  return first > 0 && only_spaces_between(text, tokens[first - 1].end, tokens[first].start) &&
         starts_upper(text, tokens[first - 1]);
}

}  // namespace

struct Tagger::Impl {
  std::vector<std::string> tag_ids;
  std::vector<Pattern> patterns;
  TokenAutomaton automaton;

  bool accepts(const Pattern& pattern, std::string_view text, const std::vector<Token>& tokens, std::size_t first,
               std::size_t end) const {
    for (std::size_t i = 0; i < pattern.exact.size(); ++i) {
      const Token& token = tokens[first + i];
      if (text.substr(token.start, token.end - token.start) != pattern.exact[i]) return false;
    }
    for (const Phrase& phrase : pattern.not_followed_by) {
      if (words_equal(tokens, end, phrase)) return false;
    }
    for (const Phrase& phrase : pattern.not_preceded_by) {
      if (phrase.size() <= first && words_equal(tokens, first - phrase.size(), phrase)) return false;
    }
    if (pattern.not_after_name && previous_is_name(text, tokens, first)) return false;
    return !(pattern.not_before_name && next_is_name(text, tokens, end));
  }

  void tag_page(const Analyzer& analyzer, const corpus::Page& page, std::vector<corpus::Mention>& out) const {
    const std::vector<Token> tokens = words_of(analyzer, page.text);
    std::vector<std::uint32_t> words;
    words.reserve(tokens.size());
    for (const Token& token : tokens) words.push_back(automaton.lookup(token.term));

    std::vector<Candidate> candidates;
    for (const TokenAutomaton::Hit& hit : automaton.scan(words)) {
      const std::size_t first = hit.last + 1 - hit.length;
      const Pattern& pattern = patterns[hit.value];
      if (accepts(pattern, page.text, tokens, first, hit.last + 1)) {
        candidates.push_back(Candidate{.first = first, .end = hit.last + 1, .tag = pattern.tag});
      }
    }
    // Leftmost-longest: "Papua New Guinea" hides "Guinea", and "Council of
    // Europe Convention on Cybercrime" is one instrument, not also an actor.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.first != b.first) return a.first < b.first;
      if (a.end != b.end) return a.end > b.end;
      return a.tag < b.tag;
    });
    std::size_t covered = 0;
    const Candidate* last = nullptr;
    for (const Candidate& candidate : candidates) {
      const bool same_span = last != nullptr && last->first == candidate.first && last->end == candidate.end;
      if (same_span && last->tag == candidate.tag) continue;  // two aliases of one tag
      if (candidate.first < covered && !same_span) continue;
      out.push_back(corpus::Mention{.tag = tag_ids[candidate.tag],
                                    .page = page.number,
                                    .start = tokens[candidate.first].start,
                                    .end = tokens[candidate.end - 1].end});
      covered = candidate.end;
      last = &candidate;
    }
  }
};

Tagger::Tagger(const corpus::Taxonomy& taxonomy) : impl_(std::make_unique<Impl>()) {
  const Analyzer analyzer;
  for (const corpus::Tag& tag : taxonomy.tags()) {
    const auto tag_index = static_cast<std::uint32_t>(impl_->tag_ids.size());
    impl_->tag_ids.push_back(tag.id);
    for (const corpus::Alias& alias : tag.aliases) {
      const std::vector<Token> tokens = words_of(analyzer, alias.text);
      if (tokens.empty()) continue;  // punctuation only: nothing a word search could find
      Pattern pattern{.tag = tag_index,
                      .exact = {},
                      .not_followed_by = fold_phrases(analyzer, alias.options.not_followed_by),
                      .not_preceded_by = fold_phrases(analyzer, alias.options.not_preceded_by),
                      .not_before_name = alias.options.not_before_name,
                      .not_after_name = alias.options.not_after_name};
      std::vector<std::uint32_t> words;
      for (const Token& token : tokens) {
        words.push_back(impl_->automaton.intern(token.term));
        if (alias.options.case_sensitive) pattern.exact.push_back(alias.text.substr(token.start, token.end - token.start));
      }
      impl_->automaton.add(words, static_cast<std::uint32_t>(impl_->patterns.size()));
      impl_->patterns.push_back(std::move(pattern));
    }
  }
  impl_->automaton.build();
}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

std::vector<corpus::Mention> Tagger::tag(const std::vector<corpus::Page>& pages) const {
  // Analyzer holds ICU iterators that are not thread-safe; one per call keeps
  // tag() const and shareable between threads.
  const Analyzer analyzer;
  std::vector<corpus::Mention> mentions;
  std::vector<const corpus::Page*> ordered;
  for (const corpus::Page& page : pages) ordered.push_back(&page);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const corpus::Page* a, const corpus::Page* b) { return a->number < b->number; });
  for (const corpus::Page* page : ordered) impl_->tag_page(analyzer, *page, mentions);
  return mentions;
}

}  // namespace cydex::ingest
