// SPDX-License-Identifier: Apache-2.0
// The saved web pages of the shared corpus (../shared/corpus/html) through
// HtmlExtractor: each page's article is there from start to end, the site's
// furniture is not, and the metadata the page itself carries is read right.
// Sentences and furniture strings were picked from each page by reading it.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cydex/ingest/html_extractor.h"
#include "temp_dir.h"

namespace cydex {
namespace {

struct PageCase {
  const char* file;
  std::vector<std::string> present;  ///< From the article's start, middle and end.
  std::vector<std::string> absent;   ///< Site furniture visible on the page.
  std::string title;                 ///< Empty: the page has none to read.
  std::string organisation;
  std::optional<int> year;
  std::string language;
};

const std::vector<PageCase>& pages() {
  static const std::vector<PageCase> cases = {
      // ANSSI single-file save: 1.5 MB of inlined fonts, images and styles around a short guide.
      {"h002.html",
       {"Entrée en vigueur en octobre 2024, la directive NIS 2",
        "Participez à un webinaire pour en savoir plus sur le diagnostic cyber."},
       {"Mentions légales", "Politique de confidentialité", "Accueil Directive", "base64", "@font-face", "svelte"},
       "NIS 2",
       "MesServicesCyber",
       std::nullopt,
       "fr"},
      // Old EUR-Lex page declaring the charset "UNICODE-1-1-UTF-8".
      {"h003.html",
       {"Rahmenbeschluss des Rates vom 13. Juni 2002 über den Europäischen Haftbefehl",
        "Österreich erklärt gemäß Artikel 32 des Rahmenbeschlusses"},
       {"\xEF\xBF\xBD", "Ã¼"},
       "EUR-Lex - 32002F0584 - DE",
       "OPOCE",
       2002,
       "de"},
      // 717 KB Commission proposal without a <title>; the date line in the text gives the year.
      {"h005.html",
       {"Brüssel, den 21.4.2021", "VERORDNUNG DES EUROPÄISCHEN PARLAMENTS UND DES RATES",
        "zur Errichtung eines Rahmens für die Interoperabilität"},
       {"docVars", "\xEF\xBF\xBD"},
       "",
       "",
       2021,
       "de"},
      // Brookings: WordPress page with mega menus, share bar and newsletter sign-up.
      {"h007.html",
       {"Large language models (LLMs) are notoriously prone to",
        "Published research or text created with the assistance of generative AI does not require public disclosure"},
       {"Donate", "Newsletters", "Search\n", "Share\n"},
       "Provisional Principles for the Use of Generative AI",
       "Brookings",
       2023,
       "en"},
      // Institute for Government: the article sits in a section whose class mentions a sidebar.
      {"h010.html",
       {"The Institute for Government recognises the value that AI tools",
        "Our use of personal data in AI tools is governed by our privacy policy."},
       {"Skip to main content", "Sign up to newsletter", "Footer menu", "Contact us"},
       "AI use at the Institute for Government",
       "Institute for Government",
       std::nullopt,
       "en"},
      // bpb: a visually hidden h1 repeats the title with the site's name.
      {"h015.html",
       {"Künstliche Intelligenz (KI) verändert die Art und Weise, wie Wissen generiert",
        "Die Onlineredaktion und das Social-Media-Team der bpb"},
       {"Impressum", "Barrierefreiheit", "Sitemap", "Serviceangebote der bpb | bpb.de"},
       "Leitlinie zum redaktionellen Einsatz von KI-Systemen in der bpb",
       "bpb.de",
       2025,
       "de"},
      // OECD: a JavaScript shell with no article at all.
      {"h017.html", {}, {"enable JavaScript"}, "OECD Legal Instruments", "", std::nullopt, "en"},
      // Humboldt-Universität: malformed markup with two <html lang> declarations and two <title>s.
      {"h018.html",
       {"Die HU fördert den Einsatz von KI in Forschung, Lehre und Verwaltung.", "Datenschutz und Geheimnisschutz"},
       {"Impressum", "Barrierefreiheit", "Humboldt-Universität zu Berlin - Künstliche Intelligenz an der HU"},
       "Leitfaden zum Einsatz von generativen KI-Werkzeugen in Forschung, Lehre und Verwaltung an der "
       "Humboldt-Universität zu Berlin",
       "künstliche Intelligenz an der HU Berlin",
       std::nullopt,
       "de"},  // its og:site_name, as written
      // GDPRhub (MediaWiki): decision summaries with infobox, edit links and categories.
      {"h020.html",
       {"On the night of 31 July 2021, a cyber-attack occurred in the healthcare system of the Lazio region",
        "The investigations conducted by the Garante revealed a series of serious violations"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:", "[edit"},
       "Garante per la protezione dei dati personali (Italy) - 10002324",
       "GDPRhub",
       2024,
       "en"},
      {"h022.html",
       {"A Dutch Court held that a processor suffering a cyber attack must provide all information"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "Rb. Rotterdam - C/10/655051 KG ZA 23-243",
       "GDPRhub",
       2023,
       "en"},
      {"h024.html",
       {"The Higher Regional Court of Stuttgart held that a data subject is only eligible for compensation"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "OLG Stuttgart - 9 U 34/21",
       "GDPRhub",
       2021,
       "en"},
      {"h027.html",
       {"servers were accessed by an unknown threat actor"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "ICO (UK) - ICO v The Electoral Commission",
       "GDPRhub",
       std::nullopt,
       "en"},
      // The decision date field is empty here; the year in the manifest comes from the case number.
      {"h029.html",
       {"the Hellenic Taxydromia Anonymous Ltd, which is the Hellenic post office (controller)"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "HDPA (Greece) - 10/2024",
       "GDPRhub",
       std::nullopt,
       "en"},
      {"h033.html",
       {"a Norwegian municipality (Østre Toten kommune) realized they had been exposed to a serious ransomware"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "Datatilsynet (Norway) - 21/00480",
       "GDPRhub",
       2021,
       "en"},
      {"h035.html",
       {"The DPA fined an insurance company €4,000,000 after an unauthorised third party"},
       {"Jump to:", "Navigation menu", "Privacy policy", "Log in", "Categories:"},
       "AEPD (Spain) - EXP202213638",
       "GDPRhub",
       2025,
       "en"},
  };
  return cases;
}

class HtmlCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(dir())) {
      GTEST_SKIP() << "real corpus not found at " << dir()
                   << " (it sits beside the checkout in CI; a user's clone has none)";
    }
  }
  static std::filesystem::path dir() { return testing::shared_corpus_dir() / "html"; }

  static ingest::ExtractResult extract(const PageCase& page) {
    corpus::SourceDocument source;
    source.path = dir() / page.file;
    source.media_type = corpus::MediaType::Html;
    return ingest::HtmlExtractor{}.extract(source, testing::read_file(source.path));
  }
};

TEST_F(HtmlCorpus, ArticleTextIsThereAndFurnitureIsNot) {
  for (const PageCase& page : pages()) {
    const ingest::ExtractResult result = extract(page);
    ASSERT_TRUE(result.has_value()) << page.file << ": " << result.error().message();
    ASSERT_EQ(result->pages.size(), 1u) << page.file;
    const std::string& text = result->pages.front().text;
    for (const std::string& part : page.present) {
      EXPECT_NE(text.find(part), std::string::npos) << page.file << " lacks: " << part;
    }
    for (const std::string& part : page.absent) {
      EXPECT_EQ(text.find(part), std::string::npos) << page.file << " has: " << part;
    }
    // Text and nothing else: an empty article only for the script shell.
    EXPECT_EQ(text.empty(), page.present.empty()) << page.file;
  }
}

TEST_F(HtmlCorpus, MetadataIsReadFromThePage) {
  for (const PageCase& page : pages()) {
    const ingest::ExtractResult result = extract(page);
    ASSERT_TRUE(result.has_value()) << page.file;
    const corpus::DocumentMetadata& meta = result->metadata;
    EXPECT_EQ(meta.title, page.title) << page.file;
    EXPECT_EQ(meta.organisation, page.organisation) << page.file;
    if (page.year) {
      EXPECT_EQ(meta.year, page.year) << page.file;
    }
    EXPECT_EQ(meta.language, page.language) << page.file;
  }
}

TEST_F(HtmlCorpus, ScriptShellIsDegradedNotFailed) {
  const ingest::ExtractResult result = extract(pages()[6]);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded);
}

}  // namespace
}  // namespace cydex
