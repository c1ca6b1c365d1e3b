// SPDX-License-Identifier: Apache-2.0
// Web pages in every charset a saved page comes in, built byte by byte here,
// must come out of HtmlExtractor as the same UTF-8 text.
#include <gtest/gtest.h>

#include <string>

#include "cydex/ingest/charset.h"
#include "cydex/ingest/html_extractor.h"

namespace cydex::ingest {
namespace {

using namespace std::string_literals;

std::string page_text(const std::string& bytes, std::string* charset_warning = nullptr) {
  corpus::SourceDocument source;
  source.path = "page.html";
  source.media_type = corpus::MediaType::Html;
  const ExtractResult result = HtmlExtractor{}.extract(source, bytes);
  if (!result) return "<failed: " + result.error().detail + ">";
  if (charset_warning != nullptr) {
    for (const std::string& warning : result->warnings) {
      if (warning.starts_with("decoded from")) *charset_warning = warning;
    }
  }
  return result->pages.empty() ? "" : result->pages.front().text;
}

/// UTF-16 of a string of Latin-1 code points given as UTF-8 ASCII plus
/// single bytes 0x80-0xFF (each byte becomes one code unit).
std::string utf16(const std::string& latin1, bool big_endian) {
  std::string out;
  for (const char ch : latin1) {
    if (big_endian) out.push_back('\0');
    out.push_back(ch);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

std::string html_page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><main><p>" + body +
         "</p></main></body></html>";
}

struct CharsetCase {
  const char* what;
  std::string bytes;
  std::string expected;  ///< A part of the text, in UTF-8.
};

TEST(HtmlCharset, DecodesEveryCharsetToUtf8) {
  const std::string latin_body =
      "S\xE9"
      "curit\xE9 des r\xE9seaux et coop\xE9ration europ\xE9"
      "enne";
  const CharsetCase cases[] = {
      // UTF-16LE with a byte-order mark, as Windows tools save "Unicode".
      {"utf-16le bom", "\xFF\xFE"s + utf16(html_page("", latin_body), false), "Sécurité des réseaux"},
      // UTF-16BE with a byte-order mark.
      {"utf-16be bom", "\xFE\xFF"s + utf16(html_page("", latin_body), true), "coopération européenne"},
      // UTF-16LE without a mark: found by its NUL bytes.
      {"utf-16le no bom", utf16(html_page("", latin_body), false), "Sécurité des réseaux"},
      // UTF-16BE without a mark.
      {"utf-16be no bom", utf16(html_page("", latin_body), true), "coopération européenne"},
      // windows-1252 declared with <meta charset>: curly quotes and dashes from 0x80-0x9F.
      {"windows-1252 meta",
       html_page("<meta charset=\"windows-1252\">",
                 "S\xE9"
                 "curit\xE9 \x96 \x93norme\x94"),
       "Sécurité – “norme”"},
      // ISO-8859-1 declared: read as windows-1252, as browsers do.
      {"iso-8859-1 http-equiv",
       html_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
                 "\x93"
                 "Cyber\x94"),
       "“Cyber”"},
      // ISO-8859-2 (Polish) through http-equiv.
      {"iso-8859-2",
       html_page("<meta http-equiv=\"content-type\" content=\"text/html;charset=iso-8859-2\">",
                 "Za\xBF\xF3\xB3\xE6 g\xEA\xB6l\xB1 ja\xBC\xF1, Krak\xF3w"),
       "Zażółć gęślą jaźń, Kraków"},
      // ISO-8859-7 (Greek).
      {"iso-8859-7",
       html_page("<meta charset=iso-8859-7>", "\xCA\xF5\xE2\xE5\xF1\xED\xEF\xE1\xF3\xF6\xDC\xEB\xE5\xE9\xE1"),
       "Κυβερνοασφάλεια"},
      // Shift-JIS declared.
      {"shift-jis meta",
       html_page("<meta charset=\"Shift_JIS\">",
                 "\x93\xFA\x96{\x82\xCC\x83T\x83"
                 "C\x83o\x81[\x8AO\x8C\xF0"),
       "日本のサイバー外交"},
      // Shift-JIS under an alias ICU spells differently.
      {"x-sjis alias",
       html_page("<meta charset=\"x-sjis\">",
                 "\x93\xFA\x96{\x82\xCC\x83T\x83"
                 "C\x83o\x81[\x8AO\x8C\xF0"),
       "日本のサイバー外交"},
      // XHTML's XML declaration names the charset.
      {"xml declaration",
       "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" +
           html_page("", "\xCA\xE8\xE1\xE5\xF0\xE1\xE5\xE7\xEE\xEF\xE0\xF1\xED\xEE\xF1\xF2\xFC"),
       "Кибербезопасность"},
      // The unknown name of old EUR-Lex pages, on UTF-8 bytes.
      {"unicode-1-1-utf-8",
       html_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UNICODE-1-1-UTF-8\">",
                 "Europ\xC3\xA4ischer Haftbefehl"),
       "Europäischer Haftbefehl"},
      // A charset name nobody knows, on Latin-1 bytes: detection decides.
      {"unknown name", html_page("<meta charset=\"x-no-such\">", latin_body + ". " + latin_body),
       "Sécurité des réseaux"},
  };
  for (const CharsetCase& c : cases) {
    const std::string text = page_text(c.bytes);
    EXPECT_NE(text.find(c.expected), std::string::npos) << c.what << ": " << text;
  }
}

TEST(HtmlCharset, DetectsShiftJisWithoutDeclaration) {
  std::string body;
  for (int i = 0; i < 20; ++i)
    body +=
        "\x93\xFA\x96{\x82\xCC\x83T\x83"
        "C\x83o\x81[\x8AO\x8C\xF0\x81"
        "B";
  EXPECT_NE(page_text(html_page("", body)).find("日本のサイバー外交"), std::string::npos);
}

TEST(HtmlCharset, RepairsAPageDeclaredUtf8WithLatin1Bytes) {
  // Declared UTF-8, saved as Latin-1: no "\xE9" may survive as U+FFFD.
  std::string warning;
  const std::string text = page_text(html_page("<meta charset=\"utf-8\">",
                                               "La d\xE9marche europ\xE9"
                                               "enne en mati\xE8re de cyberdiplomatie"),
                                     &warning);
  EXPECT_NE(text.find("La démarche européenne en matière de cyberdiplomatie"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos) << text;
  EXPECT_FALSE(warning.empty());
}

TEST(HtmlCharset, RepairsStrayWindows1252BytesInUtf8) {
  // A UTF-8 template ("Straße", "Zürich") with a paragraph pasted in windows-1252.
  const std::string text = page_text(html_page("<meta charset=\"utf-8\">",
                                               "Stra\xC3\x9F"
                                               "e in Z\xC3\xBCrich: \x93"
                                               "Cyber\x94 caf\xE9"));
  EXPECT_NE(text.find("Straße in Zürich: “Cyber” café"), std::string::npos) << text;
}

TEST(HtmlCharset, NormalisesCharsetNames) {
  EXPECT_EQ(normalise_charset_name("UNICODE-1-1-UTF-8"), "utf-8");
  EXPECT_EQ(normalise_charset_name(" \"x-sjis\""), "shift_jis");
  EXPECT_EQ(normalise_charset_name("Windows-1252"), "windows-1252");
  EXPECT_EQ(for_decoding("iso-8859-1"), "windows-1252");
  EXPECT_EQ(for_decoding("iso-8859-2"), "iso-8859-2");
}

}  // namespace
}  // namespace cydex::ingest
