// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "cydex/index/analyzer.h"
#include "cydex/ingest/registry.h"
#include "temp_dir.h"
#include "token_automaton.h"

namespace cydex::ingest {
namespace {

using corpus::Mention;
using corpus::Page;
using corpus::Taxonomy;
using TagSet = std::set<std::string>;

const Taxonomy& shipped() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::load(testing::source_dir() / "corpus" / "taxonomy");
    if (!loaded) ADD_FAILURE() << loaded.error().message();
    return loaded ? std::move(loaded).value() : Taxonomy{};
  }();
  return taxonomy;
}

const Tagger& shipped_tagger() {
  static const Tagger tagger(shipped());
  return tagger;
}

Taxonomy small(const std::string& rows) {
  const testing::TempDir dir;
  dir.write("t/t.tsv", rows);
  auto loaded = Taxonomy::load(dir.path() / "t");
  if (!loaded) ADD_FAILURE() << loaded.error().message();
  return loaded ? std::move(loaded).value() : Taxonomy{};
}

TagSet tags_in(const std::vector<Mention>& mentions) {
  TagSet out;
  for (const Mention& mention : mentions) out.insert(mention.tag);
  return out;
}

TagSet tags_in(const Tagger& tagger, const std::string& text) { return tags_in(tagger.tag({Page{1, text}})); }

std::string matched(const std::vector<Page>& pages, const Mention& mention) {
  for (const Page& page : pages) {
    if (page.number == mention.page) return page.text.substr(mention.start, mention.end - mention.start);
  }
  return "<no page " + std::to_string(mention.page) + ">";
}

TEST(Tagger, RecordsTagPageAndByteOffsetsInPageOrder) {
  const Tagger tagger(small("actor:de\tlabel\ten\tGermany\nactor:fr\tlabel\ten\tFrance\n"));
  const std::vector<Page> pages{{2, "Éire, France et Germany"}, {1, "Germany"}};
  const std::vector<Mention> mentions = tagger.tag(pages);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].tag, "actor:de");
  EXPECT_EQ(mentions[0].page, 1);
  EXPECT_EQ(mentions[0].start, 0u);
  EXPECT_EQ(mentions[0].end, 7u);
  EXPECT_EQ(mentions[1].tag, "actor:fr");
  EXPECT_EQ(mentions[1].page, 2);
  EXPECT_EQ(mentions[1].start, 7u);  // "Éire, " is 7 bytes: offsets are bytes, not characters
  EXPECT_EQ(matched(pages, mentions[1]), "France");
  EXPECT_EQ(matched(pages, mentions[2]), "Germany");
  EXPECT_EQ(mentions[2].page, 2);
}

TEST(Tagger, FoldsCaseAndAccentsAndCrossesLineBreaks) {
  const Tagger tagger(small("instrument:budapest-convention\tlabel\ten\tCouncil of Europe Convention on Cybercrime\n"
                            "actor:tr\tlabel\ten\tTürkiye\n"));
  const std::vector<Page> pages{{1, "the COUNCIL of\n\n  Europe   Convention on\ncybercrime, and Turkiye"}};
  const std::vector<Mention> mentions = tagger.tag(pages);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(matched(pages, mentions[0]), "COUNCIL of\n\n  Europe   Convention on\ncybercrime");
  EXPECT_EQ(matched(pages, mentions[1]), "Turkiye");
}

TEST(Tagger, CaseSensitiveAliasesCompareTheOriginalLetters) {
  const Tagger tagger(small("actor:eu\tlabel\ten\tEuropean Union\nactor:eu\talias\t*\tEU\tcase\n"
                            "actor:un\tlabel\ten\tUnited Nations\nactor:un\talias\t*\tU.N.\tcase\n"));
  EXPECT_EQ(tags_in(tagger, "the EU and the U.N."), (TagSet{"actor:eu", "actor:un"}));
  EXPECT_EQ(tags_in(tagger, "eu eU Eu un"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "EUROPEAN UNION"), TagSet{"actor:eu"});  // full names are case-insensitive
}

TEST(Tagger, PossessivesAndElisionsDoNotHideAName) {
  const Tagger tagger(small("actor:nato\tlabel\t*\tNATO\tcase\nactor:eu\tlabel\ten\tEU\tcase\n"
                            "actor:eu\talias\tfr\tUnion européenne\nactor:de\tlabel\tfr\tAllemagne\n"));
  const std::vector<Page> pages{{1, "NATO’s task, the EU's budget, l’Union européenne, d'Allemagne"}};
  const std::vector<Mention> mentions = tagger.tag(pages);
  ASSERT_EQ(mentions.size(), 4u);
  EXPECT_EQ(matched(pages, mentions[0]), "NATO");
  EXPECT_EQ(matched(pages, mentions[1]), "EU");
  EXPECT_EQ(matched(pages, mentions[2]), "Union européenne");
  EXPECT_EQ(matched(pages, mentions[3]), "Allemagne");
}

TEST(Tagger, LongestMatchWinsAndHidesTheWordsInside) {
  const Tagger tagger(small("actor:council-of-europe\tlabel\ten\tCouncil of Europe\n"
                            "instrument:budapest-convention\tlabel\ten\tCouncil of Europe Convention on Cybercrime\n"
                            "actor:gn\tlabel\ten\tGuinea\nactor:pg\tlabel\ten\tPapua New Guinea\n"));
  EXPECT_EQ(tags_in(tagger, "the Council of Europe Convention on Cybercrime"), TagSet{"instrument:budapest-convention"});
  EXPECT_EQ(tags_in(tagger, "the Council of Europe Convention on Human Rights"), TagSet{"actor:council-of-europe"});
  EXPECT_EQ(tags_in(tagger, "Papua New Guinea"), TagSet{"actor:pg"});
  // Overlapping phrases that start at different words: the leftmost wins.
  EXPECT_EQ(tags_in(tagger, "Papua New Guinea Guinea"), (TagSet{"actor:pg", "actor:gn"}));
}

TEST(Tagger, ContextRulesDropMatches) {
  const Tagger tagger(small("actor:ge\tlabel\ten\tGeorgia\tnot-preceded-by=U.S. state of|Atlanta,not-followed-by=Tech\n"
                            "actor:td\tlabel\ten\tChad\tnot-before-name\n"
                            "actor:jo\tlabel\ten\tJordan\tnot-after-name\n"));
  EXPECT_EQ(tags_in(tagger, "Tbilisi, Georgia"), TagSet{"actor:ge"});
  EXPECT_EQ(tags_in(tagger, "the U.S. state of Georgia"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "Atlanta, Georgia"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "Georgia Tech"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "Chad Smith"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "Chad and Niger"), TagSet{"actor:td"});
  EXPECT_EQ(tags_in(tagger, "Chad\nChile"), TagSet{"actor:td"});  // a line break ends a name: a table of states
  EXPECT_EQ(tags_in(tagger, "Chad. The"), TagSet{"actor:td"});
  EXPECT_EQ(tags_in(tagger, "Klara Jordan"), TagSet{});
  EXPECT_EQ(tags_in(tagger, "in Jordan"), TagSet{"actor:jo"});
  EXPECT_EQ(tags_in(tagger, "Algeria, Jordan"), TagSet{"actor:jo"});
}

struct Ambiguity {
  const char* text;
  TagSet expected;  ///< Exactly the tags found.
};

TEST(Tagger, ShippedTaxonomyResolvesAmbiguousNames) {
  const Ambiguity cases[] = {
      // "AU" upper case is the African Union; Australia is named in full.
      {"the AU summit", {"actor:african-union"}},
      {"au revoir, Australia", {"actor:au"}},
      // "OAS" only as the acronym.
      {"the OAS and the oas", {"actor:oas"}},
      // Georgia the state, not the US state, a university or a person.
      {"Russia and Georgia", {"actor:ru", "actor:ge"}},
      {"Atlanta, Georgia", {}},
      {"the U.S. state of Georgia", {"actor:us"}},
      {"Georgia Tech", {}},
      // Chad the country, not a first name.
      {"Chad and Niger", {"actor:td", "actor:ne"}},
      {"said Chad Miller", {}},
      // Jordan the country, not a surname or the river.
      {"Jordan and Lebanon", {"actor:jo", "actor:lb"}},
      {"Michael Jordan", {}},
      {"Jordan Peterson", {}},
      {"the Jordan River", {}},
      // Turkey the state, not the bird; Türkiye in any spelling.
      {"Turkey and Greece", {"actor:tr", "actor:gr"}},
      {"roast turkey", {}},
      {"Türkiye, Turkiye, Türkei, Turquie", {"actor:tr"}},
      // Niger and Nigeria are different words.
      {"Niger", {"actor:ne"}},
      {"Nigeria", {"actor:ng"}},
      {"the Niger Delta", {}},
      // The Guineas: the longest name wins.
      {"Guinea-Bissau", {"actor:gw"}},
      {"Equatorial Guinea", {"actor:gq"}},
      {"Papua New Guinea", {"actor:pg"}},
      {"Guinea", {"actor:gn"}},
      {"the Gulf of Guinea", {}},
      // Dominica and the Dominican Republic.
      {"Dominica", {"actor:dm"}},
      {"the Dominican Republic", {"actor:do"}},
      // The Koreas, the Sudans, the Congos.
      {"North Korea", {"actor:kp"}},
      {"the Democratic People's Republic of Korea", {"actor:kp"}},
      {"the Republic of Korea", {"actor:kr"}},
      {"South Sudan", {"actor:ss"}},
      {"Sudan", {"actor:sd"}},
      {"the Democratic Republic of the Congo", {"actor:cd"}},
      {"the Republic of the Congo", {"actor:cg"}},
      {"the Congo river", {}},
      // "Équateur": Ecuador in French, and a province of the DRC.
      {"l'Équateur et le Pérou", {"actor:ec", "actor:pe"}},
      {"the provinces of Equateur, Orientale", {}},
      {"Equateur province", {}},
      // Place names that contain a state's name.
      {"New Mexico", {}},
      {"Northern Ireland", {}},
      {"American Samoa", {}},
      // Government forms and names in four languages.
      {"the German Government", {"actor:de"}},
      {"Bundesrepublik Deutschland, Allemagne, Alemania", {"actor:de"}},
      {"le gouvernement français", {"actor:fr"}},
      {"the US and the U.S. and the USA", {"actor:us"}},
      {"CONTACT US", {}},
      {"Her Majesty's Government", {"actor:gb"}},
      // A longer name is one tag, not also the organisation inside it.
      {"the Council of Europe Convention on Cybercrime", {"instrument:budapest-convention"}},
      {"the eleven UN cyber norms", {"norm:framework"}},
      {"norm 13(j) on coordinated vulnerability\ndisclosure", {"norm:13j"}},
      {"Creative Commons Attribution 4.0", {}},
  };
  for (const Ambiguity& row : cases) {
    EXPECT_EQ(tags_in(shipped_tagger(), row.text), row.expected) << row.text;
  }
}

TEST(Tagger, EveryShippedLabelFindsItsOwnTag) {
  const Tagger& tagger = shipped_tagger();
  for (const corpus::Tag& tag : shipped().tags()) {
    if (tag.aliases.empty()) continue;
    // The label is the first alias unless it is display-only.
    const std::string& text = tag.aliases.front().text;
    EXPECT_EQ(tags_in(tagger, "(" + text + ")"), TagSet{tag.id}) << text;
  }
}

TEST(Tagger, NoFoldedAliasBelongsToTwoTags) {
  // Two tags sharing a word sequence would tag the same words twice; the
  // loader cannot see it (it does not fold), so the data is checked here.
  const index::Analyzer analyzer;
  std::map<std::string, std::string> owner;
  for (const corpus::Tag& tag : shipped().tags()) {
    for (const corpus::Alias& alias : tag.aliases) {
      const std::string key = (alias.options.case_sensitive ? "=" + alias.text : analyzer.fold(alias.text));
      const auto [it, added] = owner.emplace(key, tag.id);
      EXPECT_TRUE(added || it->second == tag.id) << "'" << alias.text << "' in " << tag.id << " and " << it->second;
    }
  }
}

TEST(Tagger, IsSafeToShareBetweenThreads) {
  const std::vector<Page> pages{{1, "The German Government, the EU and the OSCE discussed norm 13(j) in Paris."}};
  const std::vector<Mention> expected = shipped_tagger().tag(pages);
  ASSERT_EQ(expected.size(), 4u);
  std::vector<std::thread> threads;
  std::vector<std::size_t> sizes(4);
  for (std::size_t t = 0; t < sizes.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) sizes[t] += shipped_tagger().tag(pages).size();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::size_t size : sizes) EXPECT_EQ(size, 50 * expected.size());
}

struct SampleExpectation {
  const char* file;
  TagSet norms;
  TagSet instruments;
  TagSet actors;  ///< Every actor for the short pages; a hand-checked subset for the brochure.
  bool all_actors;
};

TagSet in_category(const TagSet& tags, std::string_view category) {
  TagSet out;
  for (const std::string& tag : tags) {
    if (tag.starts_with(std::string(category) + ":")) out.insert(tag);
  }
  return out;
}

TEST(Tagger, SampleDocumentsMentionTheHandCheckedTags) {
  // Read in full and checked by hand: which norms, instruments and actors
  // each document of corpus/sample names.
  const SampleExpectation samples[] = {
      {"000-federal-foreign-office-international-cyber-policy.html",
       {"norm:13e"},
       {},
       {"actor:de", "actor:un", "actor:osce", "actor:council-of-europe", "actor:oecd", "actor:nato",
        "actor:freedom-online-coalition"},
       true},
      {"001-dsi-cyber-policy-and-digital-diplomacy.html",
       {"norm:framework"},
       {"instrument:un-programme-of-action"},
       {"actor:un", "actor:un-oewg", "actor:un-gge", "actor:eu", "actor:nato", "actor:osce", "actor:fr", "actor:eg"},
       true},
      {"002-snv-cyber-diplomacy-focus-area.html",
       // "publicly attribute cyber operations"; "Software Supply Chain Security" (a title)
       {"norm:framework", "norm:13b", "norm:13i", "norm:13j"},
       {"instrument:paris-call"},
       {"actor:un", "actor:freedom-online-coalition", "actor:de", "actor:eu", "actor:stiftung-neue-verantwortung",
        "actor:un-oewg"},
       true},
      {"003-snv-cyber-diplomacy-projects.html",
       {"norm:framework", "norm:13b", "norm:13i"},
       {"instrument:paris-call"},
       {"actor:de", "actor:eu", "actor:freedom-online-coalition", "actor:google", "actor:jp", "actor:microsoft",
        "actor:stiftung-neue-verantwortung", "actor:un", "actor:un-oewg"},
       true},
      {"004-eeas-eu-cyber-diplomacy.pdf",
       {"norm:framework", "norm:13d", "norm:13e", "norm:13g"},
       {"instrument:budapest-convention", "instrument:e-evidence", "instrument:eidas-regulation",
        "instrument:eprivacy-directive", "instrument:eu-cyber-diplomacy-toolbox", "instrument:eu-cyber-sanctions",
        "instrument:eu-cybersecurity-act", "instrument:gdpr", "instrument:law-enforcement-directive",
        "instrument:mutual-defence-clause", "instrument:nis-directive", "instrument:solidarity-clause",
        "instrument:un-charter", "instrument:osce-cbms"},
       {"actor:eu", "actor:un", "actor:african-union", "actor:oas", "actor:asean", "actor:osce", "actor:nato",
        "actor:enisa", "actor:europol", "actor:eurojust", "actor:cert-eu", "actor:eeas", "actor:european-commission",
        "actor:council-of-europe", "actor:gfce", "actor:freedom-online-coalition", "actor:kr", "actor:us", "actor:cn",
        "actor:ge", "actor:gn", "actor:gw", "actor:ne", "actor:ng", "actor:jo", "actor:tr", "actor:mk"},
       false},
  };
  const ExtractorRegistry registry = ExtractorRegistry::with_defaults();
  for (const SampleExpectation& sample : samples) {
    auto document = registry.extract_file(testing::sample_dir() / sample.file, ReadOptions{});
    ASSERT_TRUE(document.has_value()) << sample.file;
    const TagSet found = tags_in(shipped_tagger().tag(document->pages));
    EXPECT_EQ(in_category(found, "norm"), sample.norms) << sample.file;
    EXPECT_EQ(in_category(found, "instrument"), sample.instruments) << sample.file;
    const TagSet actors = in_category(found, "actor");
    if (sample.all_actors) {
      EXPECT_EQ(actors, sample.actors) << sample.file;
    } else {
      for (const std::string& actor : sample.actors) EXPECT_TRUE(actors.contains(actor)) << sample.file << ": " << actor;
      EXPECT_FALSE(actors.contains("actor:au")) << "AU in the brochure is the African Union";
    }
  }
}


TEST(TokenAutomaton, FindsEveryPhraseIncludingOverlapsInOnePass) {
  TokenAutomaton automaton;
  const auto ids = [&](std::initializer_list<const char*> words) {
    std::vector<std::uint32_t> out;
    for (const char* word : words) out.push_back(automaton.intern(word));
    return out;
  };
  automaton.add(ids({"a", "b", "c"}), 0);  // found through the trie
  automaton.add(ids({"b", "c", "d"}), 1);  // reached by a failure link from "a b c"
  automaton.add(ids({"c"}), 2);            // an output link: a suffix of both
  automaton.add(ids({"b", "x"}), 3);       // a prefix that does not continue
  automaton.build();
  std::vector<std::uint32_t> text;
  for (const char* word : {"a", "b", "c", "d", "zzz", "c"}) text.push_back(automaton.lookup(word));
  EXPECT_EQ(text[4], TokenAutomaton::kUnknownWord);
  std::vector<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> hits;
  for (const auto& hit : automaton.scan(text)) hits.emplace_back(hit.last, hit.length, hit.value);
  std::sort(hits.begin(), hits.end());
  const std::vector<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> expected{
      {2, 1, 2}, {2, 3, 0}, {3, 3, 1}, {5, 1, 2}};
  EXPECT_EQ(hits, expected);
  EXPECT_EQ(automaton.phrase_count(), 4u);
  EXPECT_EQ(automaton.vocabulary_size(), 5u);
}

}  // namespace
}  // namespace cydex::ingest
