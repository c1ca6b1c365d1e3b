// SPDX-License-Identifier: Apache-2.0
#include <nlohmann/json.hpp>

#include <ostream>

#include "arguments.h"
#include "commands.h"
#include "cydex/search/searcher.h"
#include "help_text.h"
#include "index_location.h"

namespace cydex::cli {
namespace {

nlohmann::json view_json(const search::DocumentView& doc, std::optional<int> only_page) {
  nlohmann::json tags = nlohmann::json::array();
  for (const search::TagCount& tag : doc.tags) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const search::MentionView& mention : doc.mentions) {
      if (mention.tag != tag.id) continue;
      mentions.push_back({{"page", mention.page}, {"start", mention.start}, {"end", mention.end},
                          {"context", mention.context}});
    }
    tags.push_back({{"id", tag.id}, {"count", tag.count}, {"mentions", mentions}});
  }
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& [number, text] : doc.pages) {
    if (!only_page || *only_page == number) pages.push_back({{"number", number}, {"text", text}});
  }
  const auto or_null = [](const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); };
  return {{"id", doc.id},
          {"path", doc.path},
          {"paths", doc.paths},
          {"format", doc.format},
          {"status", doc.status},
          {"warnings", doc.warnings},
          {"metadata",
           {{"title", or_null(doc.title)},
            {"organisation", or_null(doc.organisation)},
            {"year", doc.year ? nlohmann::json(*doc.year) : nlohmann::json(nullptr)},
            {"date", or_null(doc.date)},
            {"language", or_null(doc.language)},
            {"authors", doc.authors},
            {"url", or_null(doc.url)}}},
          {"page_count", doc.pages.size()},
          {"tags", tags},
          {"pages", pages}};
}

void print_view(const search::DocumentView& doc, std::optional<int> only_page, std::ostream& out) {
  if (only_page) {
    for (const auto& [number, text] : doc.pages) {
      if (number == *only_page) out << text << "\n";
    }
    return;
  }
  out << doc.title << "\n"
      << "  id:           " << doc.id << "\n"
      << "  organisation: " << doc.organisation << "\n"
      << "  year:         " << (doc.year ? std::to_string(*doc.year) : "") << "\n"
      << "  language:     " << doc.language << "\n"
      << "  format:       " << doc.format << " (" << doc.pages.size() << (doc.pages.size() == 1 ? " page" : " pages")
      << "), " << doc.status << "\n"
      << "  path:         " << doc.path << "\n";
  for (std::size_t i = 1; i < doc.paths.size(); ++i) out << "  copy:         " << doc.paths[i] << "\n";
  if (!doc.url.empty()) out << "  url:          " << doc.url << "\n";
  for (const std::string& warning : doc.warnings) out << "  warning:      " << warning << "\n";
  if (doc.tags.empty()) {
    out << "\nNo tags.\n";
    return;
  }
  out << "\nTags:\n";
  for (const search::TagCount& tag : doc.tags) {
    out << "  " << tag.id << " (" << tag.count << (tag.count == 1 ? " mention" : " mentions") << ")\n";
    for (const search::MentionView& mention : doc.mentions) {
      if (mention.tag != tag.id) continue;
      out << "    " << (doc.format == "pdf" ? "p. " + std::to_string(mention.page) + ": " : "") << mention.context
          << "\n";
    }
  }
}

}  // namespace

int show_command(const std::vector<std::string>& args, const Context& context) {
  const std::vector<OptionSpec> specs = {
      {.name = "index", .takes_value = true},
      {.name = "page", .takes_value = true},
      {.name = "json"},
      {.name = "help", .short_name = 'h'},
  };
  auto parsed = parse_arguments(args, specs);
  if (!parsed) return usage_error(context, "show", parsed.error());
  if (parsed->has("help")) {
    context.out << show_help();
    return kExitOk;
  }
  if (parsed->operands.size() != 1) return usage_error(context, "show", "name exactly one document (id or path)");
  std::optional<int> page;
  if (const auto text = parsed->value("page")) {
    auto number = parse_int("page", *text, 1, 1000000);
    if (!number) return usage_error(context, "show", number.error());
    page = *number;
  }

  const std::filesystem::path dir = index_location(*parsed, context);
  auto searcher = search::Searcher::open(dir);
  if (!searcher) {
    context.err << "cydex show: " << searcher.error().detail << "\n";
    return kExitFatal;
  }
  std::string key = parsed->operands.front();
  // A path names the file as it was indexed: absolute.
  if (key.find('/') != std::string::npos || std::filesystem::exists(key)) {
    key = std::filesystem::absolute(key).lexically_normal().string();
  }
  auto doc = searcher->document(key);
  if (!doc) {
    context.err << "cydex show: " << doc.error().detail << "\n";
    return doc.error().kind == search::SearchErrorKind::NotFound ? kExitPartial : kExitFatal;
  }
  if (page && std::none_of(doc->pages.begin(), doc->pages.end(), [&](const auto& p) { return p.first == *page; })) {
    context.err << "cydex show: " << doc->id << " has no page " << *page << " (it has " << doc->pages.size()
                << ")\n";
    return kExitPartial;
  }
  if (parsed->has("json")) {
    context.out << view_json(*doc, page).dump(2) << "\n";
  } else {
    print_view(*doc, page, context.out);
  }
  return kExitOk;
}

}  // namespace cydex::cli
