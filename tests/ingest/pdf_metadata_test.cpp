// SPDX-License-Identifier: Apache-2.0
#include "pdf_metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cydex/ingest/pdf_extractor.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

constexpr std::time_t kNow = 1'760'000'000;     // 2025-10-09
constexpr std::time_t kIn2019 = 1'575'244'800;  // 2019-12-02
constexpr std::time_t kIn2030 = 1'900'000'000;  // 2030-03-17

struct TitleCase {
  const char* what;
  std::string title;
  bool placeholder;
};

TEST(PdfMetadata, RecognisesPlaceholderTitles) {
  const TitleCase cases[] = {
      // A word processor's name for an unsaved or converted document.
      {"word processor", "Microsoft Word - draft3.docx", true},
      {"untitled", "untitled", true},
      {"generic word", "Document1", true},
      // A file name: no space, underscores.
      {"file name", "INCIBE-CERT_NOBELIUM_ANALYSIS_STUDY_2022_v1", true},
      {"no letters", "  - _ 2021", true},
      // Real titles.
      {"title", "EU Cyber Diplomacy", false},
      {"hyphenated title", "KI-Leitlinien der BVerw", false},
  };
  for (const TitleCase& c : cases) EXPECT_EQ(is_placeholder_title(c.title), c.placeholder) << c.what;
}

struct ChoiceCase {
  const char* what;
  PdfMetadataSources sources;
  std::string title;
  std::string date;
  std::string language;
};

TEST(PdfMetadata, ChoosesTrustworthyValues) {
  const std::string xmp =
      "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
      "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'"
      " xmp:CreateDate='2021-04-14T13:00:42Z'>"
      "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Anatsa analysis study</rdf:li></rdf:Alt></dc:title>"
      "<dc:language><rdf:Bag><rdf:li>en-US</rdf:li></rdf:Bag></dc:language>"
      "</rdf:Description></rdf:RDF></x:xmpmeta>";
  const ChoiceCase cases[] = {
      // The Info dictionary wins when it is plausible.
      {"info",
       {.info_title = "EU Cyber Diplomacy", .info_created = kIn2019, .now = kNow},
       "EU Cyber Diplomacy",
       "2019-12-02",
       ""},
      // A placeholder gives way to the first page's largest text.
      {"placeholder",
       {.info_title = "Microsoft Word - draft3.docx", .first_page_title = "National Strategy", .now = kNow},
       "National Strategy",
       "",
       ""},
      // A file extension is dropped from an otherwise good title.
      {"extension",
       {.info_title = "OpenSSF feedback for prEN 40000-1-1.xlsx", .now = kNow},
       "OpenSSF feedback for prEN 40000-1-1",
       "",
       ""},
      // A Spanish title on an English text gives way to the XMP title; the XMP date and language are used.
      {"other language",
       {.info_title = "Estudio del análisis de Anatsa", .xmp = xmp, .text_language = "en", .now = kNow},
       "Anatsa analysis study",
       "2021-04-14",
       "en"},
      // A date in the future and 1970 are not trusted.
      {"future date", {.info_title = "Report", .info_created = kIn2030, .now = kNow}, "Report", "", ""},
      {"1970", {.info_title = "Report", .info_created = 3600, .now = kNow}, "Report", "", ""},
      // Without a creation date, the modification date.
      {"modified", {.info_title = "Report", .info_modified = kIn2019, .now = kNow}, "Report", "2019-12-02", ""},
      // The catalog's /Lang, when the text does not tell.
      {"catalog language", {.catalog_language = "de-DE", .now = kNow}, "", "", "de"},
      // A declared language the text clearly contradicts (a word processor's default).
      {"contradicted language", {.catalog_language = "es-ES", .text_language = "en", .now = kNow}, "", "", "en"},
      // Else the language recognised in the text.
      {"text language", {.text_language = "fr", .now = kNow}, "", "", "fr"},
  };
  for (const ChoiceCase& c : cases) {
    const PdfMetadata chosen = choose_pdf_metadata(c.sources);
    EXPECT_EQ(chosen.record.title, c.title) << c.what;
    EXPECT_EQ(chosen.record.date, c.date) << c.what;
    EXPECT_EQ(chosen.record.language, c.language) << c.what;
    EXPECT_EQ(chosen.record.year.has_value(), !c.date.empty()) << c.what;
  }
}

TEST(PdfMetadata, SplitsKeywordsAndKeepsTheSubject) {
  const PdfMetadata chosen = choose_pdf_metadata({.info_subject = "Norms of responsible state behaviour",
                                                  .info_keywords = "cyber diplomacy, norms,  confidence building"});
  EXPECT_EQ(chosen.record.description, "Norms of responsible state behaviour");
  EXPECT_EQ(chosen.record.keywords, (std::vector<std::string>{"cyber diplomacy", "norms", "confidence building"}));
}

TEST(PdfMetadata, ToleratesBrokenXmp) {
  const PdfMetadata chosen = choose_pdf_metadata({.xmp = "<x:xmpmeta><dc:title>unclosed", .now = kNow});
  EXPECT_TRUE(chosen.record.date.empty());
}

TEST(PdfMetadata, FindsTheCatalogLanguage) {
  EXPECT_EQ(find_catalog_language("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>\nendobj\n"), "en-GB");
  EXPECT_EQ(find_catalog_language("1 0 obj\n<</Type/Catalog/Lang(de)>>\nendobj\n"), "de");
  EXPECT_EQ(find_catalog_language("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"), "");
  EXPECT_EQ(find_catalog_language("no catalog at all"), "");
}

// A placeholder Info title, the real title in XMP, a creation date of 1970
// and a modification date of 2023, /Lang (en-GB) in the catalog.
TEST(PdfMetadata, ReadsTheXmpFixture) {
  corpus::SourceDocument source;
  source.path = testing::source_dir() / "tests" / "fixtures" / "pdf" / "metadata-xmp.pdf";
  const std::string bytes = testing::read_file(source.path);
  const ExtractResult result = PdfExtractor{}.extract(source, bytes);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_EQ(result->metadata.title, "National Cyber Strategy 2030");
  EXPECT_EQ(result->metadata.date, "2023-05-17");
  EXPECT_EQ(result->metadata.year, 2023);
  EXPECT_EQ(result->metadata.language, "en");
  EXPECT_EQ(result->metadata.authors, std::vector<std::string>{"Cyber Policy Unit"});
  EXPECT_EQ(result->metadata.description, "Norms of responsible state behaviour");
  EXPECT_EQ(result->metadata.keywords, (std::vector<std::string>{"cyber diplomacy", "norms", "confidence building"}));
  // What was not believed is reported; the document stays ok. (The Info
  // date of 1970-01-01 00:00 is timestamp 0, which reads as no date.)
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok);
  EXPECT_EQ(result->warnings,
            (std::vector<std::string>{
                "metadata not used: Info title \"Microsoft Word - draft3.docx\" is a placeholder or file name",
                "metadata not used: XMP creation date 1970-01-01 is implausible"}));
}

}  // namespace
}  // namespace cydex::ingest
