// SPDX-License-Identifier: Apache-2.0
/// @brief Small read-only helpers over libxml2's HTML tree.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace cydex::ingest::html {

/// The element's lower-case name; empty for non-elements.
inline std::string_view name_of(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

/// An attribute's value, or an empty string.
inline std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

/// All text below a node, whitespace collapsed to single spaces and trimmed.
std::string text_content(const xmlNode* node);

/// Collapses whitespace runs to one space and trims both ends.
std::string collapse_spaces(std::string_view text);

}  // namespace cydex::ingest::html
