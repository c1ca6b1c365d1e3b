// SPDX-License-Identifier: Apache-2.0
#include "query_builder.h"

#include <algorithm>
#include <array>
#include <set>

#include "cydex/index/schema.h"
#include "cydex/index/stemming.h"
#include "phrase_pairs.h"

namespace cydex::search {
namespace schema = index::schema;
namespace {

constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

/// ASCII characters that are query syntax or separators; everything else
/// (letters, digits, any non-ASCII character) belongs to a word.
bool is_syntax(char ch) {
  const auto byte = static_cast<unsigned char>(ch);
  if (byte >= 0x80) return false;
  return !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
}

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

/// The parser of the query language, for one stemmer.
void configure(Xapian::QueryParser& parser, const Xapian::Database& db, const Xapian::Stem& stemmer) {
  parser.set_database(db);
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.add_prefix("title", std::string(schema::kTitlePrefix));
  parser.add_prefix("author", std::string(schema::kAuthorPrefix));
  parser.add_prefix("org", std::string(schema::kOrgWordsPrefix));
  // "year:2019..2023" is a range over the sortable year; "year:2019" one year.
  parser.add_rangeprocessor((new Xapian::NumberRangeProcessor(schema::kYearSortableSlot, "year:"))->release());
  parser.add_boolean_prefix("year", std::string(schema::kYearPrefix));
  parser.add_boolean_prefix("lang", std::string(schema::kLanguagePrefix));
  parser.add_boolean_prefix("format", std::string(schema::kFormatPrefix));
  parser.add_boolean_prefix("id", std::string(schema::kIdPrefix));
  // Tag fields: "norm:13j" is the term XTnorm:13j.
  for (const char* category : {"norm", "actor", "instrument"}) {
    parser.add_boolean_prefix(category, schema::term(schema::kTagPrefix, std::string(category) + ":"));
  }
}

/// Whether the query's words only narrow it (no OR, NOT, XOR or -word), so
/// that a lang: in it restricts every match to that language.
bool is_conjunction(const std::string& query) {
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t end = query.find_first_of(" \t\n()", pos);
    if (end == std::string::npos) end = query.size();
    const std::string_view word = std::string_view(query).substr(pos, end - pos);
    if (word == "OR" || word == "NOT" || word == "XOR" || word.starts_with('-')) return false;
    pos = end + 1;
  }
  return true;
}

}  // namespace

Xapian::Stem language_stemmer(const std::string& language) {
  return index::stemmer_for_language(language.substr(0, language.find_first_of("-_ ")));
}

QueryBuilder::QueryBuilder(const Xapian::Database& db) : db_(db) {
  configure(parser_, db_, Xapian::Stem("english"));
  // One group per stemmer the index uses; documents without a language were
  // stemmed as English.
  std::map<std::string, StemGroup> by_stemmer;
  const std::string prefix(schema::kLanguagePrefix);
  Xapian::doccount labelled = 0;
  for (Xapian::TermIterator it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string language = (*it).substr(prefix.size());
    labelled += it.get_termfreq();
    const Xapian::Stem stemmer = language_stemmer(language);
    StemGroup& group = by_stemmer[stemmer.get_description()];
    group.stemmer = stemmer;
    group.languages.push_back(language);
    all_languages_.push_back(language);
  }
  if (labelled < db_.get_doccount()) {
    const Xapian::Stem english = language_stemmer("");
    StemGroup& group = by_stemmer[english.get_description()];
    group.stemmer = english;
    group.unlabelled = true;
  }
  for (auto& [name, group] : by_stemmer) groups_.push_back(std::move(group));
}

std::string QueryBuilder::fold_query_text(const std::string& text) const {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_syntax(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_syntax(text[end])) ++end;
    const std::string_view word = std::string_view(text).substr(i, end - i);
    const bool is_operator = std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
    if (is_operator) {
      out += word;
    } else {
      const std::string folded = analyzer_.fold(word);
      out += folded.empty() ? std::string(word) : folded;
    }
    i = end;
  }
  return out;
}

Xapian::Query QueryBuilder::organisation_filter(const std::string& name) const {
  const std::string folded = analyzer_.fold(name);
  const std::string exact = schema::term(schema::kOrgPrefix, folded);
  if (db_.term_exists(exact)) return Xapian::Query(exact);
  // Not a whole name in the index: all of its words ("SNV", "Foreign Office").
  std::vector<Xapian::Query> words;
  for (const index::Token& token : analyzer_.tokenize(name)) {
    words.emplace_back(schema::term(schema::kOrgWordsPrefix, token.term));
  }
  if (words.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

bool QueryBuilder::known_word(const std::string& word) const {
  if (db_.term_exists(word)) return true;
  // A word found by its stem in some language of the corpus ("Verhandlung") is known too.
  const std::string stem_prefix(schema::kStemPrefix);
  return std::any_of(groups_.begin(), groups_.end(),
                     [&](const StemGroup& group) { return db_.term_exists(stem_prefix + group.stemmer(word)); });
}

std::string QueryBuilder::spelling_suggestion(const std::string& query_text) {
  const std::string folded = fold_query_text(query_text);
  if (folded.find_first_not_of(" \t\n") == std::string::npos) return {};
  // Only a word the corpus does not have is worth correcting; field names
  // and operators are words of the query language, not of the corpus.
  bool unknown_word = false;
  std::size_t pos = 0;
  while (pos < query_text.size()) {
    std::size_t end = query_text.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = query_text.size();
    const std::string_view chunk = std::string_view(query_text).substr(pos, end - pos);
    const bool is_operator = std::find(kOperators.begin(), kOperators.end(), chunk) != kOperators.end();
    if (chunk.find(':') == std::string_view::npos && !is_operator) {
      for (const index::Token& token : analyzer_.tokenize(chunk)) {
        if (!known_word(token.term)) unknown_word = true;
      }
    }
    pos = end + 1;
  }
  if (!unknown_word) return {};
  try {
    (void)parser_.parse_query(folded, kParserFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const Xapian::QueryParserError&) {
    return {};
  }
  return parser_.get_corrected_query_string();
}

Xapian::Query QueryBuilder::parse(const std::string& folded, unsigned flags, const Xapian::Stem& stemmer) {
  const std::string name = stemmer.get_description();
  auto found = parsers_.find(name);
  if (found == parsers_.end()) {
    found = parsers_.emplace(name, Xapian::QueryParser()).first;
    configure(found->second, db_, stemmer);
  }
  return found->second.parse_query(folded, flags);
}

std::vector<QueryBuilder::StemGroup> QueryBuilder::groups_for(const SearchRequest& request) const {
  std::vector<std::string> languages;
  for (const std::string& language : request.languages) languages.push_back(analyzer_.fold(language));
  if (languages.empty() && is_conjunction(request.query)) {
    const std::vector<FieldUse> uses = field_uses(request.query);
    const auto lang_uses = std::count_if(uses.begin(), uses.end(), [](const FieldUse& use) { return use.name == "lang"; });
    for (const FieldUse& use : uses) {
      if (use.name == "lang" && lang_uses == 1) languages.push_back(analyzer_.fold(use.value));
    }
  }
  if (languages.empty()) return groups_;
  std::map<std::string, StemGroup> by_stemmer;
  for (const std::string& language : languages) {
    const Xapian::Stem stemmer = language_stemmer(language);
    StemGroup& group = by_stemmer[stemmer.get_description()];
    group.stemmer = stemmer;
    group.languages.push_back(language);
  }
  std::vector<StemGroup> out;
  for (auto& [name, group] : by_stemmer) out.push_back(std::move(group));
  return out;
}

Xapian::Query QueryBuilder::group_filter(const StemGroup& group) const {
  std::vector<Xapian::Query> any;
  for (const std::string& language : group.languages) any.emplace_back(schema::term(schema::kLanguagePrefix, language));
  if (group.unlabelled) {
    std::vector<Xapian::Query> labelled;
    for (const std::string& language : all_languages_) {
      labelled.emplace_back(schema::term(schema::kLanguagePrefix, language));
    }
    any.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                     Xapian::Query(Xapian::Query::OP_OR, labelled.begin(), labelled.end()));
  }
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

Xapian::Query QueryBuilder::build(const SearchRequest& request) {
  Xapian::Query query = Xapian::Query::MatchAll;
  const std::string folded = fold_query_text(request.query);
  if (folded.find_first_not_of(" \t\n") != std::string::npos) {
    const unsigned expansion =
        request.expand ? Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS
                       : 0u;
    const std::vector<StemGroup> groups = groups_for(request);
    if (groups.empty()) {
      query = parse(folded, kParserFlags | expansion, language_stemmer(""));
    } else if (groups.size() == 1) {
      // One stemmer for every document the filters let through: no restriction needed.
      query = parse(folded, kParserFlags | expansion, groups.front().stemmer);
    } else {
      // Stemmers that parse the query alike (a quoted phrase, NEAR, words
      // none of them changes) share one branch with their languages' filters
      // merged; when all agree, the query needs no language filter. Each
      // branch costs a pass of the matcher, and a phrase's position checks
      // are not limited to the branch's language.
      std::vector<std::pair<Xapian::Query, StemGroup>> branches;
      std::map<std::string, std::size_t> branch_of;
      for (const StemGroup& group : groups) {
        Xapian::Query parsed = parse(folded, kParserFlags | expansion, group.stemmer);
        const auto [at, added] = branch_of.emplace(parsed.serialise(), branches.size());
        if (added) {
          branches.emplace_back(std::move(parsed), group);
          continue;
        }
        StemGroup& merged = branches[at->second].second;
        merged.languages.insert(merged.languages.end(), group.languages.begin(), group.languages.end());
        merged.unlabelled = merged.unlabelled || group.unlabelled;
      }
      if (branches.size() == 1) {
        query = branches.front().first;
      } else {
        std::vector<Xapian::Query> parts;
        for (const auto& [parsed, group] : branches) {
          parts.emplace_back(Xapian::Query::OP_FILTER, parsed, group_filter(group));
        }
        query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
      }
    }
  }

  if (word_pairs_) query = with_word_pairs(query);

  std::vector<Xapian::Query> filters;
  if (!request.organisations.empty()) {
    std::vector<Xapian::Query> any;
    for (const std::string& name : request.organisations) any.push_back(organisation_filter(name));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (request.year_from || request.year_to) {
    const std::string low = Xapian::sortable_serialise(request.year_from.value_or(0));
    const std::string high = Xapian::sortable_serialise(request.year_to.value_or(9999));
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kYearSortableSlot, low, high);
  }
  const auto any_term = [&](std::string_view prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> any;
    for (const std::string& value : values) any.emplace_back(schema::term(prefix, analyzer_.fold(value)));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  };
  if (!request.languages.empty()) any_term(schema::kLanguagePrefix, request.languages);
  if (!request.formats.empty()) any_term(schema::kFormatPrefix, request.formats);
  for (const Xapian::Query& filter : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  return query;
}

const std::vector<std::string>& QueryBuilder::taxonomy_tags() {
  if (taxonomy_tags_) return *taxonomy_tags_;
  // The taxonomy's aliases are the index's synonyms; their targets are the tag terms.
  std::set<std::string> tags;
  const std::string prefix(schema::kTagPrefix);
  for (Xapian::TermIterator key = db_.synonym_keys_begin(); key != db_.synonym_keys_end(); ++key) {
    for (Xapian::TermIterator it = db_.synonyms_begin(*key); it != db_.synonyms_end(*key); ++it) {
      if ((*it).starts_with(prefix)) tags.insert((*it).substr(prefix.size()));
    }
  }
  return taxonomy_tags_.emplace(tags.begin(), tags.end());
}

std::optional<QueryProblem> QueryBuilder::check(const std::string& query_text,
                                                const std::vector<std::string>& known_tags) {
  if (auto problem = find_syntax_problem(query_text)) return problem;
  for (const FieldUse& use : field_uses(query_text)) {
    if (use.name != "norm" && use.name != "actor" && use.name != "instrument") continue;
    std::string value = use.value;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.empty() || value.find('*') != std::string::npos) continue;
    const std::string category = use.name + ":";
    const std::string id = category + fold_query_text(value);
    if (db_.term_exists(schema::term(schema::kTagPrefix, id))) continue;
    // Without a taxonomy to compare with, any id is a valid one no document has.
    if (taxonomy_tags().empty() && known_tags.empty()) continue;
    std::set<std::string> valid;
    const auto add = [&](const std::string& tag) {
      if (tag.starts_with(category)) valid.insert(tag.substr(category.size()));
    };
    for (const std::string& tag : taxonomy_tags()) add(tag);
    for (const std::string& tag : known_tags) add(tag);
    if (valid.count(id.substr(category.size())) > 0) continue;
    const std::string prefix = schema::term(schema::kTagPrefix, category);
    for (Xapian::TermIterator it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
      valid.insert((*it).substr(prefix.size()));
    }
    const std::string wanted = id.substr(category.size());
    const std::vector<std::string> near =
        closest(wanted, std::vector<std::string>(valid.begin(), valid.end()),
                std::min<std::size_t>(std::max<std::size_t>(2, wanted.size() / 2), 8), 3);
    QueryProblem problem;
    problem.position = use.position;
    problem.token = use.name + ":" + use.value;
    problem.message = "unknown tag '" + problem.token + "' at column " +
                      std::to_string(column_of(query_text, use.position)) + " of '" + query_text + "'";
    for (std::size_t i = 0; i < near.size(); ++i) {
      problem.suggestions.push_back(category + near[i]);
      problem.message += (i == 0 ? "; did you mean " : i + 1 == near.size() ? " or " : ", ") + category + near[i];
    }
    problem.message += std::string(near.empty() ? "" : "?") + " ('cydex tags --category " + use.name + "' lists them)";
    return problem;
  }
  return std::nullopt;
}

}  // namespace cydex::search
