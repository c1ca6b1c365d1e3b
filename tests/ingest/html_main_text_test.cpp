// SPDX-License-Identifier: Apache-2.0
// Choosing a web page's article and leaving its furniture out, on pages
// built here to isolate one decision each.
#include <gtest/gtest.h>

#include <string>

#include "cydex/ingest/html_extractor.h"

namespace cydex::ingest {
namespace {

std::string text_of(const std::string& body) {
  corpus::SourceDocument source;
  source.path = "page.html";
  source.media_type = corpus::MediaType::Html;
  const ExtractResult result = HtmlExtractor{}.extract(
      source, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>");
  if (!result || result->pages.empty()) return "<failed>";
  return result->pages.front().text;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kProse =
    "<p>The working group adopted its report by consensus, after long negotiations on the applicability of "
    "international law, on confidence-building measures and on capacity building.</p>"
    "<p>Delegations differed on whether new binding obligations are needed, and several states called for a treaty, "
    "while others argued that the existing framework is sufficient.</p>";

const std::string kLinks =
    "<div><a href=\"/1\">Home</a> <a href=\"/2\">Topics</a> <a href=\"/3\">Press</a> <a href=\"/4\">Events</a> "
    "<a href=\"/5\">Contact</a></div>";

TEST(HtmlMainText, DensityFindsTheArticleWithoutSemanticMarkup) {
  const std::string text = text_of(kLinks + "<div><div>" + kProse + "</div></div>" + kLinks);
  EXPECT_TRUE(has(text, "adopted its report by consensus")) << text;
  EXPECT_TRUE(has(text, "existing framework is sufficient")) << text;
  EXPECT_FALSE(has(text, "Topics")) << text;
}

TEST(HtmlMainText, DropsFurnitureInsideMain) {
  const std::string text = text_of(
      "<main>" + kProse +
      "<div class=\"share-tools\">Share on Twitter</div><section id=\"comments\"><p>First comment, I think this "
      "report is too weak and nobody will follow it anyway.</p></section><div class=\"related-articles\">"
      "<h2>Related content</h2><p>Another report</p></div><nav class=\"pager\">Next page</nav></main>");
  EXPECT_TRUE(has(text, "adopted its report")) << text;
  for (const char* furniture : {"Share on Twitter", "First comment", "Related content", "Next page"}) {
    EXPECT_FALSE(has(text, furniture)) << furniture << " in: " << text;
  }
}

TEST(HtmlMainText, KeepsAContentWrapperNamedAfterItsSidebar) {
  // "has-sidebar" describes the layout; the wrapper holds the article.
  const std::string text =
      text_of("<section class=\"c-text-block c-text-block--has-sidebar\">" + kProse + "</section>");
  EXPECT_TRUE(has(text, "adopted its report")) << text;
}

TEST(HtmlMainText, TeaserArticlesDoNotHideTheListing) {
  // Four teasers of like size: the listing is the content, not the longest one.
  std::string teasers;
  for (const char* title : {"First study", "Second study", "Third study", "Fourth study"}) {
    teasers += std::string("<article><h2>") + title +
               "</h2><p>A study of how states implement the agreed norms, with recommendations.</p></article>";
  }
  const std::string text = text_of(kLinks + "<div class=\"listing\">" + teasers + "</div>");
  EXPECT_TRUE(has(text, "First study")) << text;
  EXPECT_TRUE(has(text, "Fourth study")) << text;
}

TEST(HtmlMainText, ScriptShellFallsBackToTheVisibleText) {
  // A JavaScript application's mount point: whatever text exists is kept.
  const std::string text = text_of(
      "<div id=\"root\"></div><noscript>You need to enable JavaScript.</noscript>"
      "<p>OECD Legal Instruments</p><script>render()</script>");
  EXPECT_EQ(text, "OECD Legal Instruments");
}

TEST(HtmlMainText, InlinedAssetsNeverBecomeText) {
  const std::string base64(200000, 'A');
  const std::string text = text_of("<style>@font-face{src:url(data:font/woff2;base64," + base64 +
                                   ")}</style><svg><text>SVG label</text><path d=\"M0 0\"/></svg>"
                                   "<main><img src=\"data:image/png;base64," +
                                   base64 + "\">" + kProse + "</main><script>var x='" + base64 + "';</script>");
  EXPECT_TRUE(has(text, "adopted its report")) << text.substr(0, 200);
  EXPECT_FALSE(has(text, "AAAA"));
  EXPECT_FALSE(has(text, "SVG label"));
}

TEST(HtmlMainText, DeepNestingDoesNotOverflowTheStack) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  const std::string text = text_of("<main>" + kProse + "</main>" + deep);
  EXPECT_TRUE(has(text, "adopted its report")) << text.substr(0, 200);
}

TEST(HtmlMainText, HiddenMainIsPassedOver) {
  const std::string text = text_of(
      "<main hidden><p>Loading the application view, please wait a moment.</p></main><main>" + kProse + "</main>");
  EXPECT_TRUE(has(text, "adopted its report")) << text;
  EXPECT_FALSE(has(text, "Loading the application")) << text;
}

TEST(HtmlMainText, SurvivesTruncatedAndRandomBytes) {
  // Every prefix of a real-looking page, and pseudo-random bytes: never a crash.
  const std::string page =
      "<html><head><title>T</title><script type=\"application/ld+json\">{\"@type\":"
      "\"Article\",\"headline\":[1,{\"a\":null}]}</script></head><body><main>" +
      kProse + "<table><tr><td>cell</td></tr></table></main></body></html>";
  for (std::size_t length = 0; length <= page.size(); length += 7) text_of(page.substr(0, length));
  std::string noise;
  unsigned state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    noise.push_back(static_cast<char>((state >> 16) & 0xFF));
    if (i % 50 == 0) noise += "<div class=\"share\"><p>";
  }
  EXPECT_NE(text_of(noise), "<failed>");
}

}  // namespace
}  // namespace cydex::ingest
