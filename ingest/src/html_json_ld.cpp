// SPDX-License-Identifier: Apache-2.0
#include "html_json_ld.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cydex::ingest::html {
namespace {

using nlohmann::json;

/// A string, or the "name" of an object, or the first of an array of either.
std::string name_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    const auto name = value.find("name");
    if (name != value.end() && name->is_string()) return name->get<std::string>();
  }
  if (value.is_array() && !value.empty()) return name_of(value.front());
  return {};
}

std::string string_field(const json& item, const char* key) {
  const auto found = item.find(key);
  if (found == item.end()) return {};
  if (found->is_string()) return found->get<std::string>();
  return name_of(*found);
}

void set_if_empty(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

/// Items that describe a page's content rather than the site or a breadcrumb trail.
std::string type_of(const json& item) {
  const auto type = item.find("@type");
  if (type == item.end()) return {};
  if (type->is_string()) return type->get<std::string>();
  if (type->is_array() && !type->empty() && type->front().is_string()) return type->front().get<std::string>();
  return {};
}

bool is_content_item(const json& item) {
  const std::string name = type_of(item);
  return name.find("Article") != std::string::npos || name.find("Posting") != std::string::npos || name == "WebPage" ||
         name == "Report" || name == "ScholarlyArticle" || name == "Legislation" || name == "CreativeWork" ||
         name == "Blog" || name == "NewsArticle" || name == "ItemPage" || name == "Dataset" || name == "Book" ||
         name == "Chapter";
}

void read_item(const json& item, JsonLdFields& fields, int depth) {
  if (depth > 8) return;
  if (item.is_array()) {
    for (const json& element : item) read_item(element, fields, depth + 1);
    return;
  }
  if (!item.is_object()) return;
  if (const auto graph = item.find("@graph"); graph != item.end()) read_item(*graph, fields, depth + 1);
  if (!is_content_item(item)) return;
  set_if_empty(fields.headline, string_field(item, "headline"));
  if (fields.headline.empty() && type_of(item) != "WebPage") {
    set_if_empty(fields.headline, string_field(item, "name"));
  }
  set_if_empty(fields.publisher, string_field(item, "publisher"));
  set_if_empty(fields.publisher, string_field(item, "sourceOrganization"));
  set_if_empty(fields.date_published, string_field(item, "datePublished"));
  set_if_empty(fields.date_published, string_field(item, "dateCreated"));
  set_if_empty(fields.language, string_field(item, "inLanguage"));
  set_if_empty(fields.description, string_field(item, "description"));
  set_if_empty(fields.url, string_field(item, "url"));
  if (fields.authors.empty()) {
    if (const auto author = item.find("author"); author != item.end()) {
      const json list = author->is_array() ? *author : json::array({*author});
      for (const json& one : list) {
        if (std::string name = name_of(one); !name.empty()) fields.authors.push_back(std::move(name));
      }
    }
  }
}

}  // namespace

void read_json_ld(std::string_view script, JsonLdFields& fields) {
  const json parsed = json::parse(script.begin(), script.end(), nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return;
  read_item(parsed, fields, 0);
}

}  // namespace cydex::ingest::html
