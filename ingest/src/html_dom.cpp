// SPDX-License-Identifier: Apache-2.0
#include "html_dom.h"

namespace cydex::ingest::html {

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return out;
}

std::string text_content(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string out = collapse_spaces(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

}  // namespace cydex::ingest::html
