// SPDX-License-Identifier: Apache-2.0
#include "dehyphenation_evidence.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "dehyphenator.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

struct GuessCase {
  const char* what;
  std::string text;
  std::string expected;
};

TEST(LanguageGuess, NamesTheLanguageOfRunningText) {
  const GuessCase cases[] = {
      {"English", "The state is responsible for the security of the networks that are critical.", "en"},
      {"German", "Die Bundesregierung ist für die Sicherheit der Netze und das Recht zuständig.", "de"},
      {"French", "Le gouvernement est responsable des réseaux et de la sécurité pour les citoyens.", "fr"},
      {"Spanish", "El gobierno es responsable de los sistemas y de las redes para el país.", "es"},
      // Too little to tell.
      {"a title", "Cyber Norms Review", ""},
      // "für" is not the marker "f" + something: no language from fragments.
      {"numbers only", "2019 2020 2021 42", ""},
  };
  for (const GuessCase& c : cases) EXPECT_EQ(guess_language(c.text), c.expected) << c.what;
}

TEST(LanguageGuess, OneMarkerSufficesForATitleWhenAsked) {
  EXPECT_EQ(guess_language("Estudio del análisis de Anatsa", LanguageGuessOptions{.min_markers = 1}), "es");
  EXPECT_EQ(guess_language("Estudio del análisis de Anatsa"), "");
}

/// Word lists written to a fresh folder, named as in /usr/share/dict.
class WordListFolder {
 public:
  WordListFolder() {
    dir_.write("american-english", "Diplomacy\ndiplomat's\nblock\nchain\nstakeholders\nmulti\n");
    dir_.write("ngerman", "Doktrinen\nSicherheit\nVeränderung\n");
  }
  [[nodiscard]] const std::filesystem::path& path() const { return dir_.path(); }

 private:
  testing::TempDir dir_;
};

TEST(WordLists, LooksUpWordsInAnyCase) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  EXPECT_TRUE(lists.contains("en", "diplomacy"));
  EXPECT_TRUE(lists.contains("en", "DIPLOMACY"));
  EXPECT_TRUE(lists.contains("de", "veränderung"));
  EXPECT_TRUE(lists.contains("de", "VERÄNDERUNG"));
  // Possessives are dropped; an unknown word and an unknown language are not found.
  EXPECT_FALSE(lists.contains("en", "diplomat's"));
  EXPECT_FALSE(lists.contains("en", "diplomatic"));
  EXPECT_FALSE(lists.contains("tn", "diplomacy"));
}

TEST(WordLists, AMissingListIsEmpty) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  EXPECT_TRUE(lists.available("en"));
  EXPECT_FALSE(lists.available("fr"));
  EXPECT_FALSE(lists.contains("fr", "diplomatie"));
  const WordLists nowhere(folder.path() / "absent");
  EXPECT_FALSE(nowhere.available("en"));
}

/// The cache files a WordLists left in `cache`.
std::vector<std::filesystem::path> cache_files(const std::filesystem::path& cache) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::exists(cache)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(cache)) out.push_back(entry.path());
  return out;
}

TEST(WordLists, KeepsBuiltListsInTheCacheAndUsesThemNextTime) {
  const WordListFolder folder;
  const testing::TempDir cache;
  {
    const WordLists lists(folder.path(), cache.path());
    EXPECT_TRUE(lists.contains("en", "Diplomacy"));
    EXPECT_TRUE(lists.contains("de", "VERÄNDERUNG"));
  }
  const auto files = cache_files(cache.path());
  ASSERT_EQ(files.size(), 2U) << "one cache file per list read";
  // The source changes its content but neither its size nor its time: the
  // cache, which answers from what was built before, is what is read.
  const auto english = folder.path() / "american-english";
  const auto written = std::filesystem::last_write_time(english);
  {
    std::ofstream out(english, std::ios::binary | std::ios::in);
    out << "Xiplomacy";
  }
  std::filesystem::last_write_time(english, written);
  const WordLists cached(folder.path(), cache.path());
  EXPECT_TRUE(cached.contains("en", "diplomacy"));
  EXPECT_FALSE(cached.contains("en", "xiplomacy"));
  EXPECT_FALSE(cached.contains("en", "diplomat's"));
  EXPECT_FALSE(cached.contains("en", "diplomatic"));
}

TEST(WordLists, RebuildsAStaleCache) {
  const WordListFolder folder;
  const testing::TempDir cache;
  { EXPECT_FALSE(WordLists(folder.path(), cache.path()).contains("en", "norms")); }
  // A longer list: its size differs from what the cache was built from.
  {
    std::ofstream out(folder.path() / "american-english", std::ios::binary | std::ios::app);
    out << "norms\n";
  }
  EXPECT_TRUE(WordLists(folder.path(), cache.path()).contains("en", "norms"));
  EXPECT_TRUE(WordLists(folder.path(), cache.path()).contains("en", "diplomacy"));
}

TEST(WordLists, IgnoresADamagedCache) {
  const WordListFolder folder;
  const testing::TempDir cache;
  { EXPECT_TRUE(WordLists(folder.path(), cache.path()).contains("en", "chain")); }
  const auto files = cache_files(cache.path());
  ASSERT_EQ(files.size(), 1U);
  const auto size = std::filesystem::file_size(files.front());
  // Truncated, then garbled after the header: neither may crash or mislead.
  std::filesystem::resize_file(files.front(), size / 2);
  EXPECT_TRUE(WordLists(folder.path(), cache.path()).contains("en", "chain"));
  ASSERT_EQ(std::filesystem::file_size(files.front()), size) << "the damaged file is replaced";
  {
    std::fstream out(files.front(), std::ios::binary | std::ios::in | std::ios::out);
    out.seekp(48);
    const std::string junk(static_cast<std::size_t>(size) - 48, '\xff');
    out.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  const WordLists garbled(folder.path(), cache.path());
  EXPECT_FALSE(garbled.contains("en", "chain"));  // answers from the file it mapped, without crashing
  EXPECT_FALSE(garbled.contains("en", "unknown"));
}

TEST(WordLists, WorksWithoutAWritableCache) {
  const WordListFolder folder;
  const testing::TempDir cache;
  // A file where the cache folder should be: nothing can be written there.
  const auto blocked = cache.path() / "blocked";
  { std::ofstream(blocked) << "x"; }
  const WordLists lists(folder.path(), blocked / "cydex");
  EXPECT_TRUE(lists.contains("en", "stakeholders"));
}

TEST(WordLists, SystemListsAreSharedSafelyBetweenThreads) {
  if (!std::filesystem::exists("/usr/share/dict/american-english")) {
    GTEST_SKIP() << "no /usr/share/dict/american-english (Debian package wamerican)";
  }
  std::vector<int> found(8, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < found.size(); ++t) {
    threads.emplace_back([&found, t] {
      found[t] = WordLists::system().contains("en", "diplomacy") && !WordLists::system().contains("en", "diplomacyx");
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(found, std::vector<int>(found.size(), 1));
}

std::string dehyphenated(const std::string& text, const WordLists& lists, const std::string& language,
                         Reflow reflow = Reflow::WordToFirstLine) {
  std::vector<corpus::Page> pages{corpus::Page{1, text}};
  dehyphenate(pages, DehyphenationOptions{.language = language, .word_lists = &lists, .reflow = reflow});
  return pages.front().text;
}

struct SplitCase {
  const char* what;
  std::string language;
  std::string input;
  std::string expected;
};

TEST(Dehyphenator, WeighsWordListsOfTheDocumentsLanguage) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  const SplitCase cases[] = {
      // Both halves are words and the joined word is not: a compound.
      {"two listed words", "en", "a block-\nchain\nledger", "a block-chain\nledger"},
      // A compound prefix before a listed word ("stakeholders" counts for "stakeholder").
      {"compound prefix", "en", "the multi-\nstakeholder\nmodel", "the multi-stakeholder\nmodel"},
      // German closes compounds: the same evidence joins.
      {"German compound", "de", "die Sicherheits-\nstrategie\nist", "die Sicherheitsstrategie\nist"},
      // A lower-case tail that starts with an umlaut is a tail too.
      {"umlaut tail", "de", "eine Ver-\nänderung\nder", "eine Veränderung\nder"},
      // A listed joined word is joined across a blank line (a column change).
      {"across a column", "de", "über nationale Doktri-\n\nnen, Kontaktstellen",
       "über nationale Doktrinen,\nKontaktstellen"},
      // Two listed words across a column change: kept whole, hyphen and all.
      {"compound across a column", "en", "measures against block-\n\nchain ledgers",
       "measures against block-chain\nledgers"},
      // Without evidence, a hyphen before a blank line stays.
      {"no evidence across a column", "en", "the fore-\n\nground", "the fore-\n\nground"},
      // Unknown language: every list is consulted.
      {"unknown language", "", "a block-\nchain\nledger", "a block-chain\nledger"},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(dehyphenated(c.input, lists, c.language), c.expected) << c.what;
}

TEST(Dehyphenator, FallsBackOnTheDocumentWithoutWordLists) {
  const WordLists nowhere(std::filesystem::path("/nonexistent-word-lists"));
  // A printer's split still joins by default; a compound seen elsewhere stays.
  EXPECT_EQ(dehyphenated("a set of dip-\nlomatic\npractices", nowhere, "en"), "a set of diplomatic\npractices");
  EXPECT_EQ(dehyphenated("multi-stakeholder talks.\nthe multi-\nstakeholder\nmodel", nowhere, "en"),
            "multi-stakeholder talks.\nthe multi-stakeholder\nmodel");
}

TEST(Dehyphenator, JoinsTheLinesWhenAsked) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  EXPECT_EQ(dehyphenated("a set of dip-\nlomatic practices concerned\nwith", lists, "en", Reflow::JoinLines),
            "a set of diplomatic practices concerned\nwith");
}

TEST(Dehyphenator, JoinsCapitalisedCompoundsOnlyWhenJoiningLines) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  EXPECT_EQ(dehyphenated("die Cyber-\nAußenpolitik der Union", lists, "de", Reflow::JoinLines),
            "die Cyber-Außenpolitik der Union");
  // Word by word, a capital after a line-end hyphen is left alone.
  EXPECT_EQ(dehyphenated("die Cyber-\nAußenpolitik der Union", lists, "de"), "die Cyber-\nAußenpolitik der Union");
  // Not across a column change, and never counted as a split.
  EXPECT_EQ(dehyphenated("die Cyber-\n\nAußenpolitik", lists, "de", Reflow::JoinLines), "die Cyber-\n\nAußenpolitik");
  EXPECT_EQ(count_line_end_splits({corpus::Page{1, "die Cyber-\nAußenpolitik"}}).splits, 0U);
}

TEST(Dehyphenator, CompletesAWordSplitAcrossPages) {
  const WordListFolder folder;
  const WordLists lists(folder.path());
  std::vector<corpus::Page> pages{
      corpus::Page{1, "über nationale Doktri-\n\nAbbildung 1: eine Bildunterschrift."},
      corpus::Page{2, "nen, Kontaktstellen und mehr"},
      corpus::Page{3, "eine Fuß-\n"},
      corpus::Page{4, "note ohne Beleg"},
  };
  dehyphenate(pages, DehyphenationOptions{.language = "de", .word_lists = &lists});
  EXPECT_EQ(pages[0].text, "über nationale Doktrinen,\n\nAbbildung 1: eine Bildunterschrift.");
  EXPECT_EQ(pages[1].text, "Kontaktstellen und mehr");
  // No evidence for "Fußnote" in these lists: the split stays.
  EXPECT_EQ(pages[2].text, "eine Fuß-\n");
  EXPECT_EQ(pages[3].text, "note ohne Beleg");
}

TEST(LineEndSplits, CountsWordsAndSplits) {
  const std::vector<corpus::Page> pages{
      corpus::Page{1, "a set of dip-\nlomatic practices\nand an EU-wide\nframework"},
      corpus::Page{2, "Council-\nSecretariat and cyber-\n"},
      corpus::Page{3, "space"},
  };
  const LineEndSplits count = count_line_end_splits(pages);
  // "dip-/lomatic" and "cyber-/space" (across the page); "Council-/Secretariat" has a capital.
  EXPECT_EQ(count.splits, 2U);
  EXPECT_EQ(count.words, 16U);
}

}  // namespace
}  // namespace cydex::ingest
