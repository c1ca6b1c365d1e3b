// SPDX-License-Identifier: Apache-2.0
// Bibliographic metadata of web pages: each field from each of its sources,
// in order of trust, through the real HtmlExtractor.
#include <gtest/gtest.h>

#include <string>

#include "cydex/ingest/html_extractor.h"

namespace cydex::ingest {
namespace {

corpus::DocumentMetadata metadata_of(const std::string& head, const std::string& body,
                                     const std::string& html_attributes = "") {
  corpus::SourceDocument source;
  source.path = "page.html";
  source.media_type = corpus::MediaType::Html;
  const std::string page = "<!DOCTYPE html><html" + html_attributes + "><head><meta charset=\"utf-8\">" + head +
                           "</head><body>" + body + "</body></html>";
  const ExtractResult result = HtmlExtractor{}.extract(source, page);
  EXPECT_TRUE(result.has_value());
  return result ? result->metadata : corpus::DocumentMetadata{};
}

const std::string kArticle =
    "<main><h1>Cyber norms in practice</h1><p>The norms of responsible state behaviour, agreed by consensus, "
    "guide what states do in cyberspace, and their implementation is reviewed every year.</p></main>";

struct FieldCase {
  const char* what;
  std::string head;
  std::string body;
  std::string expected;
};

TEST(HtmlMetadata, TitleFromTheBestSource) {
  const FieldCase cases[] = {
      // og:title wins over <title>.
      {"og:title", "<meta property=\"og:title\" content=\"Norms in practice\"><title>Other | Site</title>", kArticle,
       "Norms in practice"},
      // JSON-LD headline when there is no og:title.
      {"json-ld headline",
       "<title>x</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"From JSON-LD\"}"
       "</script>",
       kArticle, "From JSON-LD"},
      // <title> minus the site's name given by og:site_name.
      {"site suffix",
       "<meta property=\"og:site_name\" content=\"Foreign Office\"><title>Cyber norms | Foreign Office</title>",
       kArticle, "Cyber norms"},
      // "Site - Article": the part equal to the first h1 is the title.
      {"site prefix", "<title>Ministry of Foreign Affairs - Cyber norms in practice</title>", kArticle,
       "Cyber norms in practice"},
      // No <title>: the first visible h1.
      {"first h1", "", kArticle, "Cyber norms in practice"},
  };
  for (const FieldCase& c : cases) EXPECT_EQ(metadata_of(c.head, c.body).title, c.expected) << c.what;
}

TEST(HtmlMetadata, OrganisationFromTheBestSource) {
  const FieldCase cases[] = {
      // og:site_name first.
      {"og:site_name",
       "<meta property=\"og:site_name\" content=\"ENISA\"><meta name=\"DC.publisher\" content=\"Other\">", kArticle,
       "ENISA"},
      // JSON-LD publisher inside an @graph.
      {"json-ld publisher",
       "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":"
       "\"Article\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Council of Europe\"}}]}</script>",
       kArticle, "Council of Europe"},
      // Dublin Core.
      {"dc.publisher", "<meta name=\"DC.Publisher\" content=\"Publications Office\">", kArticle, "Publications Office"},
      // Malformed JSON-LD is ignored, not fatal.
      {"broken json-ld", "<script type=\"application/ld+json\">{\"publisher\": </script>", kArticle, ""},
  };
  for (const FieldCase& c : cases) EXPECT_EQ(metadata_of(c.head, c.body).organisation, c.expected) << c.what;
}

TEST(HtmlMetadata, DateFromTheBestSource) {
  const FieldCase cases[] = {
      // Open Graph article time.
      {"article:published_time", "<meta property=\"article:published_time\" content=\"2023-10-12T09:00:00Z\">",
       kArticle, "2023-10-12"},
      // JSON-LD datePublished.
      {"json-ld",
       "<script type=\"application/ld+json\">{\"@type\":\"Report\",\"datePublished\":\"2021-05-03\"}</script>",
       kArticle, "2021-05-03"},
      // Dublin Core date.
      {"dc.date", "<meta name=\"DC.date\" content=\"2019-06\">", kArticle, "2019-06"},
      // <time datetime> in the body.
      {"time element", "", "<main><p><time datetime=\"2020-02-02\">2 Feb</time></p>" + kArticle + "</main>",
       "2020-02-02"},
      // Last resort: a German date line in the text.
      {"german text date", "",
       "<main><p>Berlin, 12. Oktober 2023. Die Bundesregierung hat heute beschlossen.</p></main>", "2023-10-12"},
      // A Spanish one.
      {"spanish text date", "", "<main><p>Madrid, 29 de marzo de 2022. El Gobierno aprueba el plan.</p></main>",
       "2022-03-29"},
      // A French one.
      {"french text date", "", "<main><p>Paris, le 1er octobre 2023. Le ministre a présenté la stratégie.</p></main>",
       "2023-10-01"},
  };
  for (const FieldCase& c : cases) EXPECT_EQ(metadata_of(c.head, c.body).date, c.expected) << c.what;
  EXPECT_EQ(metadata_of("<meta name=\"DC.date\" content=\"2019-06\">", kArticle).year, 2019);
}

TEST(HtmlMetadata, LanguageFromMarkupOrText) {
  // <html lang> with a region.
  EXPECT_EQ(metadata_of("", kArticle, " lang=\"de-AT\"").language, "de");
  // Content-Language from http-equiv.
  EXPECT_EQ(metadata_of("<meta http-equiv=\"Content-Language\" content=\"fr\">", kArticle).language, "fr");
  struct TextCase {
    const char* expected;
    const char* text;
  };
  const TextCase texts[] = {
      // English.
      {"en",
       "The ministers agreed that the norms of responsible behaviour apply to all states, and that they will "
       "report on their implementation to the working group which was set up by the General Assembly."},
      // German.
      {"de",
       "Die Bundesregierung hat die neue Strategie beschlossen, die auch für die Zusammenarbeit mit den "
       "Ländern und der Wirtschaft gilt. Sie wird von dem Ministerium in den nächsten Jahren umgesetzt und ist "
       "nicht nur ein Plan."},
      // French.
      {"fr",
       "Le gouvernement a présenté la stratégie nationale pour la cybersécurité, qui vise à protéger les "
       "entreprises et les citoyens. Elle sera mise en œuvre par les services de l'État dans les cinq ans."},
      // Spanish.
      {"es",
       "El Gobierno ha aprobado el plan nacional de ciberseguridad, que incluye medidas para proteger a los "
       "ciudadanos y a las empresas. Las medidas se aplicarán por las administraciones en los próximos años."},
      // Italian.
      {"it",
       "Il governo ha approvato la strategia nazionale per la sicurezza informatica, che è stata presentata "
       "dal ministro. Anche le imprese e gli enti locali sono chiamati a fare la loro parte nel piano."},
      // Dutch.
      {"nl",
       "Het kabinet trekt extra geld uit om de digitale weerbaarheid van Nederland te vergroten. Ook komt er "
       "meer aandacht voor het midden- en kleinbedrijf, dat niet de kennis heeft om zich te beschermen."},
      // Too short to tell.
      {"", "Cyber diplomacy"},
  };
  for (const TextCase& c : texts) {
    EXPECT_EQ(metadata_of("", std::string("<main><p>") + c.text + "</p></main>").language, c.expected) << c.text;
  }
}

TEST(HtmlMetadata, CanonicalUrlDescriptionAndAuthors) {
  const corpus::DocumentMetadata meta = metadata_of(
      "<link rel=\"canonical\" href=\"https://example.org/norms\"><meta name=\"description\" content=\"A short "
      "summary.\"><script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":[{\"name\":\"A. Author\"},"
      "{\"name\":\"B. Author\"}]}</script>",
      kArticle);
  EXPECT_EQ(meta.url, "https://example.org/norms");
  EXPECT_EQ(meta.description, "A short summary.");
  EXPECT_EQ(meta.authors, (std::vector<std::string>{"A. Author", "B. Author"}));
}

}  // namespace
}  // namespace cydex::ingest
