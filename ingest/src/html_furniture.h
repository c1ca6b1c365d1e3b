// SPDX-License-Identifier: Apache-2.0
/// @brief Recognising page furniture (navigation, banners, share buttons) in a web page's tree.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace cydex::ingest::html {

/// Where an element sits, which decides whether a header is furniture.
struct FurnitureScope {
  /// Outside <main>/<article>, a <header> is the site's banner, not the article's.
  bool headers_are_furniture{};
};

/// Elements whose content is never text a reader sees (scripts, styles,
/// forms, embedded media and vector graphics).
bool is_never_text(std::string_view name);

/// Page furniture: never-text elements, nav/aside/footer, hidden elements,
/// skip links, and elements whose class, id or role names furniture
/// (cookie banners, share buttons, breadcrumbs, comments, related content,
/// newsletter boxes, menus, pagination, sidebars).
bool is_furniture(const xmlNode* node, FurnitureScope scope);

/// The lower-cased class, id and role of an element, space separated.
std::string class_and_id(const xmlNode* node);

/// How much an element's class and id suggest content (+) or furniture (-),
/// as a score for the density search.
int class_weight(const xmlNode* node);

}  // namespace cydex::ingest::html
