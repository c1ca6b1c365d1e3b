// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/text_extractor.h"

#include "cydex/ingest/charset.h"

namespace cydex::ingest {

ExtractResult TextExtractor::extract(const corpus::SourceDocument& source, std::string_view bytes) const {
  std::optional<Decoded> decoded = decode_to_utf8(bytes, "");
  if (!decoded) {
    return corpus::Unexpected(corpus::IngestError{source.path, "extract", corpus::ErrorKind::BadEncoding,
                                                  "cannot decode the file's characters"});
  }
  corpus::ExtractedDocument out;
  out.source = source;
  // A short first line reads as a title ("International cyber policy").
  const std::string& text = decoded->utf8;
  const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos) {
    const std::size_t end = text.find('\n', first);
    std::string line = text.substr(first, end == std::string::npos ? std::string::npos : end - first);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.size() <= 200) out.metadata.title = std::move(line);
  }
  out.pages.push_back(corpus::Page{1, std::move(decoded->utf8)});
  if (decoded->charset != "UTF-8") out.warnings.push_back("decoded from " + decoded->charset);
  return out;
}

}  // namespace cydex::ingest
