// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/html_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "printers.h"
#include "temp_dir.h"

namespace cydex::ingest {
namespace {

using testing::read_file;
using testing::sample_dir;
using testing::TempDir;

ExtractResult extract_file(const std::filesystem::path& path) {
  corpus::SourceDocument source;
  source.path = path;
  source.media_type = corpus::MediaType::Html;
  return HtmlExtractor{}.extract(source, read_file(path));
}

/// Writes `html` to a fresh file and extracts it; the page's text is in pages[0].
ExtractResult extract_page(const TempDir& dir, const std::string& html) {
  return extract_file(dir.write("page.html", html));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct SampleCase {
  const char* file;
  std::vector<std::string> present;  ///< The article's own text.
  std::vector<std::string> absent;   ///< Page furniture around it.
  std::string title;
  std::string organisation;
  std::string date;
  int year;
  std::string url;
};

TEST(HtmlExtractor, ExtractsArticlesOfTheSamplePages) {
  const SampleCase cases[] = {
      // Federal Foreign Office: article in <main>; banner, menu, breadcrumbs, cookie
      // notice, related links, "Top of page" and footer around it.
      {"000-federal-foreign-office-international-cyber-policy.html",
       {"International cyber policy", "to guarantee the security of cyberspace",
        "active member of the Freedom Online Coalition", "Economic opportunities of digitalisation",
        "Dr Thomas Fitschen"},
       {"Skip to main content", "uses cookies", "Accept all", "German missions abroad", "Topics",
        "Related content", "Disarmament and arms control", "Top of page", "Privacy policy", "Imprint",
        "localStorage", "font:"},
       "International cyber policy", "Federal Foreign Office", "2017-11-06", 2017,
       "https://www.auswaertiges-amt.de/en/aussenpolitik/themen/-/229812"},
      // DSI: the experts box is inside <main> and stays; events teaser and related links do not.
      {"001-dsi-cyber-policy-and-digital-diplomacy.html",
       {"Cyber Policy and Digital Diplomacy", "fifth domain of warfare", "Meet our Experts",
        "Heli Tiirmaa-Klaar", "Research Associate and Program Lead, DSI"},
       {"Skip to main content", "Accept all cookies", "Executive Education", "Areas of expertise",
        "Latest events", "Related content", "Critical Infrastructure Protection", "Top of page", "Schlossplatz",
        "cookie-agreed"},
       "Cyber Policy and Digital Diplomacy", "ESMT Berlin", "2023-03-14", 2023,
       "https://esmt.berlin/faculty-research/dsi/areas-expertise/cyber-diplomacy"},
      // SNV focus area: the publication list is part of the page's content.
      {"002-snv-cyber-diplomacy-focus-area.html",
       {"Cyber Diplomacy and Cyber Foreign Policy", "multi-stakeholder formats", "Publications on this focus area",
        "Official Public Political Attribution of Cyber Operations", "October 12, 2023"},
       {"Skip to main content", "Statistics cookies", "Focus Area", "Related content", "Top of page",
        "Ebertstraße", "snv_consent"},
       "Cyber Diplomacy and Cyber Foreign Policy", "Stiftung Neue Verantwortung", "2024-01-22", 2024,
       "https://www.stiftung-nv.de/en/focus-area/cyber-diplomacy-and-cyber-foreign-policy"},
      // SNV project page: working-group members, one per line.
      {"003-snv-cyber-diplomacy-projects.html",
       {"Cyber Diplomacy Working Groups", "Cyber Norms on Attribution (2022-2023)",
        "\nLaura K. Bate Georgetown University\n", "\nKerstin Zettl-Schabath University of Heidelberg"},
       {"Skip to main content", "No thanks", "About SNV", "International Cybersecurity Policy\n", "Related content",
        "Top of page"},
       "Cyber Diplomacy and Cyber Foreign Policy", "Stiftung Neue Verantwortung", "2023-04-18", 2023,
       "https://www.stiftung-nv.de/en/subproject/cyber-diplomacy-and-cyber-foreign-policy"},
  };
  for (const SampleCase& c : cases) {
    const ExtractResult result = extract_file(sample_dir() / c.file);
    ASSERT_TRUE(result.has_value()) << c.file << ": " << result.error().message();
    const corpus::ExtractedDocument& doc = result.value();
    EXPECT_EQ(doc.status, corpus::ExtractionStatus::Ok) << c.file;
    EXPECT_TRUE(doc.warnings.empty()) << c.file;
    ASSERT_EQ(doc.pages.size(), 1U) << c.file;
    EXPECT_EQ(doc.pages[0].number, 1) << c.file;
    const std::string& text = doc.pages[0].text;
    for (const std::string& part : c.present) EXPECT_TRUE(contains(text, part)) << c.file << " lacks: " << part;
    for (const std::string& part : c.absent) EXPECT_FALSE(contains(text, part)) << c.file << " has: " << part;
    EXPECT_EQ(doc.metadata.title, c.title) << c.file;
    EXPECT_EQ(doc.metadata.organisation, c.organisation) << c.file;
    EXPECT_EQ(doc.metadata.date, c.date) << c.file;
    EXPECT_EQ(doc.metadata.year, c.year) << c.file;
    EXPECT_EQ(doc.metadata.language, "en") << c.file;
    EXPECT_EQ(doc.metadata.url, c.url) << c.file;
    EXPECT_EQ(doc.source.path, sample_dir() / c.file);
  }
}

// Headings, paragraphs and list items keep their breaks, so snippets read well.
TEST(HtmlExtractor, SeparatesBlocksAndListItems) {
  const TempDir dir;
  const ExtractResult result = extract_page(
      dir, "<html><body><main><h1>Norms</h1><p>First  paragraph\n spans lines.</p>"
           "<ul><li>one</li><li>two</li></ul><p>Last<br>line</p></main></body></html>");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pages[0].text, "Norms\n\nFirst paragraph spans lines.\n\none\ntwo\n\nLast\nline");
}

struct FallbackCase {
  const char* what;
  std::string html;
  std::vector<std::string> present;
  std::vector<std::string> absent;
};

TEST(HtmlExtractor, FindsTheArticleWithoutAMainElement) {
  const FallbackCase cases[] = {
      // An <article> but no <main>: the article, without the site's menu.
      {"article",
       "<html><body><nav>Home Topics</nav><article><h1>Due diligence</h1><p>States should not knowingly allow "
       "their territory to be used.</p></article><footer>Imprint</footer></body></html>",
       {"Due diligence", "States should not knowingly"},
       {"Home Topics", "Imprint"}},
      // Several articles: the longest is the page's own, the others are teasers.
      {"longest article",
       "<html><body><article><p>Teaser: read more.</p></article><article><h1>Attribution</h1><p>Public attribution "
       "of cyber operations is a political decision taken by states.</p></article><article><p>Another teaser."
       "</p></article></body></html>",
       {"Public attribution of cyber operations"},
       {"Teaser", "Another teaser"}},
      // role="main" on a div, as older CMS templates do.
      {"role main",
       "<html><body><div class=\"top\">Site banner text</div><div role=\"main\"><p>Confidence-building measures "
       "reduce the risk of conflict.</p></div><div>Copyright line</div></body></html>",
       {"Confidence-building measures reduce"},
       {"Site banner text", "Copyright line"}},
      // Only a body: its text, without the site header, navigation and footer.
      {"body only",
       "<html><body><header>Ministry of Foreign Affairs</header><nav><a href=\"/\">Home</a></nav><p>The OEWG "
       "adopted its final report by consensus.</p><footer>Contact us</footer></body></html>",
       {"The OEWG adopted its final report by consensus."},
       {"Ministry of Foreign Affairs", "Home", "Contact us"}},
      // An empty <main> (filled by scripts in a browser): fall back to the body's text.
      {"empty main",
       "<html><body><main><div id=\"app\"></div></main><div class=\"static\"><p>The Budapest Convention has 68 "
       "parties.</p></div></body></html>",
       {"The Budapest Convention has 68 parties."},
       {}},
      // Not even a body element: libxml2 builds one and the text is found.
      {"fragment", "<p>Bare fragment about cyber norms.</p>", {"Bare fragment about cyber norms."}, {}},
  };
  for (const FallbackCase& c : cases) {
    const TempDir dir;
    const ExtractResult result = extract_page(dir, c.html);
    ASSERT_TRUE(result.has_value()) << c.what;
    EXPECT_EQ(result->status, corpus::ExtractionStatus::Ok) << c.what;
    const std::string& text = result->pages[0].text;
    EXPECT_FALSE(text.empty()) << c.what;
    for (const std::string& part : c.present) EXPECT_TRUE(contains(text, part)) << c.what << " lacks: " << part;
    for (const std::string& part : c.absent) EXPECT_FALSE(contains(text, part)) << c.what << " has: " << part;
  }
}

TEST(HtmlExtractor, DropsPageFurnitureInsideTheArticle) {
  const FallbackCase cases[] = {
      // Scripts, styles and noscript never contribute text.
      {"script and style",
       "<main><p>Kept.</p><script>var secret = 1;</script><style>p { color: red; }</style>"
       "<noscript>Enable JavaScript</noscript></main>",
       {"Kept."},
       {"secret", "color", "Enable JavaScript"}},
      // Asides, share buttons and related-content boxes.
      {"aside share related",
       "<main><p>Kept.</p><aside>Fact box</aside><div class=\"share-buttons\">Share on X</div>"
       "<div class=\"related-content\"><h2>Related content</h2></div></main>",
       {"Kept."},
       {"Fact box", "Share on X", "Related content"}},
      // Cookie banners, skip and back-to-top links.
      {"cookie and skip links",
       "<main><div id=\"cookie-consent\">We use cookies</div><a href=\"#content\">Skip to content</a>"
       "<p>Kept.</p><a href=\"#top\">Back to top</a><a href=\"#top\">Top of page</a></main>",
       {"Kept."},
       {"cookies", "Skip to content", "Back to top", "Top of page"}},
      // Hidden elements are not shown to readers.
      {"hidden",
       "<main><p>Kept.</p><div hidden>Hidden one</div><div style=\"display: none\">Hidden two</div>"
       "<span aria-hidden=\"true\">Icon text</span></main>",
       {"Kept."},
       {"Hidden one", "Hidden two", "Icon text"}},
      // Forms and their buttons.
      {"forms", "<main><p>Kept.</p><form><label>Search</label><button>Go</button></form></main>", {"Kept."},
       {"Search", "Go"}},
      // An article's own header (its headline) is content.
      {"article header",
       "<main><header><h1>Headline kept</h1></header><p>Kept.</p></main>", {"Headline kept", "Kept."}, {}},
  };
  for (const FallbackCase& c : cases) {
    const TempDir dir;
    const ExtractResult result = extract_page(dir, "<html><body>" + c.html + "</body></html>");
    ASSERT_TRUE(result.has_value()) << c.what;
    const std::string& text = result->pages[0].text;
    for (const std::string& part : c.present) EXPECT_TRUE(contains(text, part)) << c.what << " lacks: " << part;
    for (const std::string& part : c.absent) EXPECT_FALSE(contains(text, part)) << c.what << " has: " << part;
  }
}

struct MetadataCase {
  const char* what;
  std::string head;  ///< Inside <head>.
  std::string body;  ///< Inside <body>.
  std::string title;
  std::string organisation;
  std::string date;
  std::optional<int> year;
};

TEST(HtmlExtractor, ReadsMetadata) {
  const MetadataCase cases[] = {
      // og:title wins over <title>.
      {"og title", "<title>Page | Site</title><meta property=\"og:title\" content=\"Open Graph title\">", "",
       "Open Graph title", "", "", std::nullopt},
      // A short " | Site" suffix on <title> is the site's name, not the document's title.
      {"pipe suffix", "<title>Report on the eleven cyber norms | Geneva Dialogue</title>", "",
       "Report on the eleven cyber norms", "Geneva Dialogue", "", std::nullopt},
      // An en-dash suffix matching og:site_name.
      {"dash suffix matching site",
       "<title>International cyber policy – Federal Foreign Office</title>"
       "<meta property=\"og:site_name\" content=\"Federal Foreign Office\">",
       "", "International cyber policy", "Federal Foreign Office", "", std::nullopt},
      // No <title>: the first h1 names the page.
      {"h1 fallback", "", "<h1>The eleven norms</h1><p>Text.</p>", "The eleven norms", "", "", std::nullopt},
      // Dublin Core publisher and date.
      {"dublin core", "<meta name=\"DC.publisher\" content=\"OSCE\"><meta name=\"DC.date\" content=\"2016-03-10\">",
       "<p>Text.</p>", "", "OSCE", "2016-03-10", 2016},
      // article:published_time keeps only the date part.
      {"published time", "<meta property=\"article:published_time\" content=\"2021-05-03T08:00:00+02:00\">",
       "<p>Text.</p>", "", "", "2021-05-03", 2021},
      // No date in the head: the first <time datetime> in the page.
      {"time element", "", "<p>Posted <time datetime=\"2019-06-20\">20 June 2019</time>.</p>", "", "", "2019-06-20",
       2019},
      // A year-only date.
      {"year only", "<meta name=\"citation_date\" content=\"2015\">", "<p>Text.</p>", "", "", "2015", 2015},
  };
  for (const MetadataCase& c : cases) {
    const TempDir dir;
    const ExtractResult result =
        extract_page(dir, "<html><head>" + c.head + "</head><body>" + c.body + "<p>Body text.</p></body></html>");
    ASSERT_TRUE(result.has_value()) << c.what;
    EXPECT_EQ(result->metadata.title, c.title) << c.what;
    EXPECT_EQ(result->metadata.organisation, c.organisation) << c.what;
    EXPECT_EQ(result->metadata.date, c.date) << c.what;
    EXPECT_EQ(result->metadata.year, c.year) << c.what;
  }
}

TEST(HtmlExtractor, ReadsLanguageCanonicalUrlAndAuthor) {
  const TempDir dir;
  const ExtractResult result = extract_page(
      dir, "<html lang=\"de-DE\"><head><meta name=\"author\" content=\"Dr. Alexandra Paulus\">"
           "<meta property=\"og:url\" content=\"https://example.org/og\">"
           "<link rel=\"canonical\" href=\"https://example.org/canonical\"></head>"
           "<body><p>Cyber-Außenpolitik.</p></body></html>");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->metadata.language, "de");
  EXPECT_EQ(result->metadata.url, "https://example.org/canonical");
  EXPECT_EQ(result->metadata.authors, std::vector<std::string>{"Dr. Alexandra Paulus"});
}

struct EncodingCase {
  const char* what;
  std::string html;
  std::string expected_text;
  std::string expected_warning;  ///< Empty: no warning.
};

TEST(HtmlExtractor, DecodesDeclaredCharsets) {
  const EncodingCase cases[] = {
      // <meta charset> naming windows-1252, with its curly quotes and accents.
      {"meta charset windows-1252",
       "<html><head><meta charset=\"windows-1252\"><title>x</title></head><body><p>La \x93" "d\xE9marche\x94 "
       "europ\xE9" "enne.</p></body></html>",
       "La “démarche” européenne.", "decoded from windows-1252"},
      // An old http-equiv declaration of ISO-8859-1.
      {"http-equiv latin-1",
       "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>"
       "<body><p>S\xE9" "curit\xE9 num\xE9rique.</p></body></html>",
       "Sécurité numérique.", "decoded from iso-8859-1"},
      // The 1990s alias of UTF-8 that some servers still send.
      {"unicode-1-1-utf-8",
       "<html><head><meta charset=\"UNICODE-1-1-UTF-8\"></head><body><p>Cyber-Außenpolitik und "
       "Sicherheit.</p></body></html>",
       "Cyber-Außenpolitik und Sicherheit.", ""},
      // UTF-8 without any declaration.
      {"undeclared utf-8", "<html><body><p>Café.</p></body></html>", "Café.", ""},
  };
  for (const EncodingCase& c : cases) {
    const TempDir dir;
    const ExtractResult result = extract_page(dir, c.html);
    ASSERT_TRUE(result.has_value()) << c.what;
    EXPECT_EQ(result->pages[0].text, c.expected_text) << c.what;
    if (c.expected_warning.empty()) {
      EXPECT_TRUE(result->warnings.empty()) << c.what << ": " << result->warnings.front();
    } else {
      EXPECT_EQ(result->warnings, std::vector<std::string>{c.expected_warning}) << c.what;
    }
  }
}

// A page that says UNICODE-1-1-UTF-8 but whose bytes are not UTF-8 (a Latin-1
// page behind a misconfigured server) is still read, not rejected.
TEST(HtmlExtractor, RepairsAMislabelledUnicode11Page) {
  const TempDir dir;
  const ExtractResult result = extract_page(
      dir, "<html><head><meta charset=\"UNICODE-1-1-UTF-8\"></head><body><p>La d\xE9marche europ\xE9" "enne "
           "en mati\xE8re de cybers\xE9" "curit\xE9 est d\xE9" "crite ici.</p></body></html>");
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->pages[0].text,
            "La démarche européenne en matière de cybersécurité est décrite ici.");
}

// A page whose content is all built by scripts is indexed by its metadata
// and reported as degraded.
TEST(HtmlExtractor, ScriptOnlyPageIsDegraded) {
  const TempDir dir;
  const std::filesystem::path path = dir.write(
      "app.html",
      "<html><head><title>Cyber portal</title><script src=\"app.js\"></script></head>"
      "<body><div id=\"root\"></div><script>document.getElementById('root').innerHTML = 'Hello';</script>"
      "<noscript>Please enable JavaScript.</noscript></body></html>");
  const ExtractResult result = extract_file(path);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->status, corpus::ExtractionStatus::Degraded);
  EXPECT_EQ(result->warnings, std::vector<std::string>{"page has no visible text (a script-only page?)"});
  ASSERT_EQ(result->pages.size(), 1U);
  EXPECT_EQ(result->pages[0].text, "");
  EXPECT_EQ(result->metadata.title, "Cyber portal");
  EXPECT_EQ(result->source.path, path);
}

// Broken markup, as saved pages often have, is recovered from.
TEST(HtmlExtractor, RecoversFromBrokenMarkup) {
  const TempDir dir;
  const ExtractResult result =
      extract_page(dir, "<html><body><main><p>Unclosed <b>bold &amp; brave<p>Second</div></span> paragraph "
                        "&eacute;t&eacute; &#8211; end</main>");
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(contains(result->pages[0].text, "Unclosed bold & brave")) << result->pages[0].text;
  EXPECT_TRUE(contains(result->pages[0].text, "Second paragraph été – end"))
      << result->pages[0].text;
}

}  // namespace
}  // namespace cydex::ingest
