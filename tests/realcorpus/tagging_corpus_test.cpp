// SPDX-License-Identifier: Apache-2.0
// Tagging measured on documents of the shared corpus: for each, the norms,
// instruments and actors it names, checked by hand against its text. The
// test reports document-level precision and recall per category (recorded
// in docs/TAGGING.md) and fails when either drops below its floor.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "cydex/ingest/registry.h"
#include "cydex/ingest/tagger.h"
#include "temp_dir.h"

namespace cydex {
namespace {

using TagSet = std::set<std::string>;

struct Expectation {
  const char* file;  ///< Relative to the shared corpus folder.
  TagSet norms;      ///< Identifiers without the category prefix.
  TagSet instruments;
  TagSet actors;
};

/// Hand-checked: every mention the tagger reports was read in context, and
/// the text was searched for the other names and acronyms of the taxonomy.
const Expectation kExpected[] = {
    // Paris Call, French text
    {"pdf/p024.pdf",
     {"13e", "13i", "13j", "framework"},
     {"budapest-convention", "paris-call", "un-charter"},
     {"igf", "un"}},
    // UN dialogues on cybersecurity
    // Not norm 13e: "human rights in the digital age" names a summit (a known false positive).
    {"pdf/p025.pdf",
     {"framework"},
     {"gge-report-2015", "oewg-report-2021", "paris-call", "un-charter", "un-programme-of-action",
      "un-resolution-70-237"},
     {"ar", "au", "bd", "bw", "ca", "ch", "cm", "cn", "co", "cyberpeace-institute",
      "cybersecurity-tech-accord", "ec", "ee", "eg", "eu", "fr", "ga", "gb", "ge", "gfce",
      "global-commission-stability-cyberspace", "igf", "il", "in", "jp", "kr", "lb", "ma", "md", "me",
      "microsoft", "mk", "mw", "mx", "no", "oas", "osce", "pt", "py", "ru", "sg", "si", "sv", "ua", "un",
      "un-general-assembly", "un-gge", "un-oda", "un-oewg", "unidir", "unodc", "us", "zm"}},
    // Cyberstability index report
    {"pdf/p027.pdf",
     {},
     {"budapest-convention", "paris-call"},
     {"ccdcoe", "cd", "cyberpeace-institute", "enisa", "fr", "gfce", "global-commission-stability-cyberspace",
      "icann", "igf", "interpol", "itu", "oecd", "tz", "ug", "unidir"}},
    // NIS 2, French
    {"pdf/p029.pdf",
     {},
     {"nis-directive", "nis2-directive"},
     {"eu", "european-commission", "fr"}},
    // national cybersecurity strategies
    {"pdf/p031.pdf",
     {"framework"},
     {},
     {"am", "ar", "au", "bo", "br", "bt", "by", "bz", "ca", "ccdcoe", "cl", "cn", "co", "de", "ee", "fr",
      "gb", "gr", "il", "in", "itu", "jm", "jp", "kp", "mx", "nato", "no", "nz", "oas", "oecd", "pa", "pk",
      "qa", "ro", "ru", "sco", "tt", "un", "unidir", "us"}},
    // APT28 report
    {"pdf/p038.pdf",
     {},
     {},
     {"de", "eu", "fr", "google", "kg", "nato", "nl", "osce", "pl", "ru", "sy", "ua", "us"}},
    // ICJ, Corfu Channel (OCR)
    // Not "ie": the OCR reads "Northem Ireland" (a known false positive).
    {"pdf/p041.pdf",
     {},
     {"un-charter"},
     {"al", "cl", "fr", "gb", "un", "un-security-council", "us"}},
    // ICJ, Nuclear Tests
    // Not "br": "Mr. P. Brazil" is counsel for Australia (a known false positive).
    {"pdf/p043.pdf",
     {},
     {},
     {"ar", "au", "bg", "fj", "fr", "gb", "hu", "nl", "nz", "pe", "ro", "un", "un-general-assembly"}},
    // ICJ, DRC v. Uganda
    // Not "ec": "Equateur" is a province of the DRC here (a rule on the alias).
    {"pdf/p047.pdf",
     {},
     {"un-charter"},
     {"african-union", "al", "ao", "au", "cd", "cg", "ch", "cm", "de", "fr", "gb", "hu", "icrc", "ir", "it",
      "mx", "na", "ng", "ni", "nl", "nr", "nz", "pt", "rw", "sd", "sk", "td", "tl", "tz", "ug", "un",
      "un-general-assembly", "un-security-council", "us", "zm", "zw"}},
    // ICJ, Iran v. USA
    {"pdf/p049.pdf",
     {},
     {},
     {"au", "bo", "cl", "co", "fr", "ge", "gq", "hn", "ir", "ke", "lb", "mx", "ni", "nl", "nr", "ru", "so",
      "sy", "us"}},
    // Cyber Resilience Act talk
    {"pdf/p016.pdf",
     {"13j"},
     {"cyber-resilience-act"},
     {"be", "enisa", "eu", "itu"}},
    // NIS 2 service page, French
    {"html/h002.html",
     {},
     {"nis2-directive"},
     {"eu", "european-commission", "fr"}},
    // GDPRhub case, German court
    {"html/h024.html",
     {},
     {"gdpr"},
     {"be", "de", "eu"}},
    // Botswana cybersecurity strategy
    {"pdf/p052.pdf",
     {"13g"},
     {},
     {"bw", "gb", "interpol", "itu", "us"}},
};

struct Counts {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
};

TagSet with_prefix(const TagSet& ids, const std::string& category) {
  TagSet out;
  for (const std::string& id : ids) out.insert(category + ":" + id);
  return out;
}

class TaggingCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(testing::shared_corpus_dir())) {
      GTEST_SKIP() << "real corpus not found at " << testing::shared_corpus_dir()
                   << " (it sits beside the checkout in CI; a user's clone has none)";
    }
  }
};

TEST_F(TaggingCorpus, DocumentLevelPrecisionAndRecallPerCategory) {
  auto taxonomy = corpus::Taxonomy::load(testing::source_dir() / "corpus" / "taxonomy");
  ASSERT_TRUE(taxonomy.has_value()) << taxonomy.error().message();
  const ingest::Tagger tagger(*taxonomy);
  const ingest::ExtractorRegistry registry = ingest::ExtractorRegistry::with_defaults();
  std::map<std::string, Counts> counts;
  for (const Expectation& expected : kExpected) {
    auto document = registry.extract_file(testing::shared_corpus_dir() / expected.file, ingest::ReadOptions{});
    ASSERT_TRUE(document.has_value()) << expected.file;
    TagSet found;
    for (const corpus::Mention& mention : tagger.tag(document->pages)) found.insert(mention.tag);
    const std::pair<std::string, const TagSet*> categories[] = {
        {"norm", &expected.norms}, {"instrument", &expected.instruments}, {"actor", &expected.actors}};
    for (const auto& [category, ids] : categories) {
      const TagSet truth = with_prefix(*ids, category);
      Counts& count = counts[category];
      for (const std::string& tag : truth) {
        if (found.contains(tag)) {
          ++count.true_positives;
        } else {
          // Reported, not failed one by one: a change in extraction (reading
          // order, hyphenation) can split a phrase; the floors below judge.
          ++count.false_negatives;
          std::printf("%s: %s expected but not found\n", expected.file, tag.c_str());
        }
      }
      for (const std::string& tag : found) {
        if (tag.starts_with(category + ":") && !truth.contains(tag)) {
          ++count.false_positives;
          std::printf("%s: %s tagged but not expected\n", expected.file, tag.c_str());
        }
      }
    }
  }
  std::printf("| category | documents | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [category, count] : counts) {
    const double precision =
        count.true_positives / static_cast<double>(std::max(1, count.true_positives + count.false_positives));
    const double recall =
        count.true_positives / static_cast<double>(std::max(1, count.true_positives + count.false_negatives));
    std::printf("| %s | %zu | %d | %d | %d | %.3f | %.3f |\n", category.c_str(), std::size(kExpected),
                count.true_positives, count.false_positives, count.false_negatives, precision, recall);
    // Floors a little under the figures recorded in docs/TAGGING.md; the norm
    // sample is small, so one wrong document moves it by a tenth.
    const double floor = category == "norm" ? 0.85 : 0.95;
    EXPECT_GE(precision, floor) << category;
    EXPECT_GE(recall, floor) << category;
  }
}

}  // namespace
}  // namespace cydex
