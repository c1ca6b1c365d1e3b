// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cctype>
#include <limits>
#include <memory>
#include <string>

#include "cydex/ingest/charset.h"
#include "html_metadata.h"
#include "html_text.h"

namespace cydex::ingest {
namespace {

struct DocFreer {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, DocFreer>;

/// How far into the page a charset declaration is looked for. Browsers
/// look at 1024 bytes; saved pages put long comments and styles first.
constexpr std::size_t kDeclarationReach = 8192;

/// The charset a page declares in its first bytes (<meta charset> or
/// http-equiv Content-Type, or an XML declaration), lower-cased; empty when
/// none.
std::string declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kDeclarationReach));
  for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::size_t at = head.find("charset=");
  std::size_t start = at + 8;
  if (at == std::string::npos) {
    // <?xml version="1.0" encoding="..."?> in XHTML.
    at = head.find("encoding=");
    if (at == std::string::npos || head.find("<?xml") == std::string::npos || at > head.find("?>")) return {};
    start = at + 9;
  }
  while (start < head.size() && (head[start] == '"' || head[start] == '\'' || head[start] == ' ')) ++start;
  std::size_t end = start;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                               head[end] == '_' || head[end] == ':' || head[end] == '.')) {
    ++end;
  }
  return head.substr(start, end - start);
}

void silence(void* /*context*/, const char* /*message*/, ...) {}

}  // namespace

ExtractResult HtmlExtractor::extract(const corpus::SourceDocument& source, std::string_view bytes) const {
  const auto fail = [&](corpus::ErrorKind kind, std::string detail) {
    return corpus::Unexpected(corpus::IngestError{source.path, "extract", kind, std::move(detail)});
  };
  std::optional<Decoded> decoded = decode_to_utf8(bytes, declared_charset(bytes));
  if (!decoded) return fail(corpus::ErrorKind::BadEncoding, "cannot decode the page's characters");
  if (decoded->utf8.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return fail(corpus::ErrorKind::TooLarge, "page over 2 GiB");
  }

  // libxml2 prints parse errors to stderr by default; broken markup is normal
  // on the web and is recovered from, so keep it quiet.
  xmlSetGenericErrorFunc(nullptr, silence);
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  XmlDocPtr doc(
      htmlReadMemory(decoded->utf8.data(), static_cast<int>(decoded->utf8.size()), nullptr, "UTF-8", kOptions));
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    return fail(corpus::ErrorKind::Corrupt, "no HTML document could be parsed");
  }

  corpus::ExtractedDocument out;
  out.source = source;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const HtmlText text = extract_main_text(root);
  out.metadata = read_html_metadata(root, text);
  out.pages.push_back(corpus::Page{1, text.text});
  if (text.text.empty()) {
    out.status = corpus::ExtractionStatus::Degraded;
    out.warnings.push_back("page has no visible text (a script-only page?)");
  }
  if (decoded->charset != "UTF-8") out.warnings.push_back("decoded from " + decoded->charset);
  return out;
}

}  // namespace cydex::ingest
