// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any text as a search query (query parser, field
// prefixes, ranges, wildcards, spelling, snippets, facets) against a small
// index written at start-up.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "cydex/corpus/source_document.h"
#include "cydex/index/writer.h"
#include "cydex/search/searcher.h"

namespace {

namespace fs = std::filesystem;

cydex::corpus::ExtractedDocument document(const std::string& path, const std::string& title, int year,
                                          const std::string& text) {
  cydex::corpus::ExtractedDocument doc;
  doc.source.path = path;
  doc.source.id = cydex::corpus::document_id_for(path);
  doc.source.media_type = cydex::corpus::MediaType::Pdf;
  doc.metadata.title = title;
  doc.metadata.organisation = "European External Action Service";
  doc.metadata.year = year;
  doc.metadata.language = "en";
  doc.pages = {{.number = 1, .text = text}, {.number = 2, .text = "Vulnerability disclosure and norm 13j."}};
  return doc;
}

cydex::search::Searcher make_searcher() {
  const fs::path dir = fs::temp_directory_path() / ("cydex-fuzz-query-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    auto writer = cydex::index::Writer::open(dir, {});
    if (!writer) std::abort();
    (void)writer->put(document("/fuzz/a.pdf", "EU Cyber Diplomacy", 2019,
                               "The EU cyber diplomacy toolbox and confidence-building measures."));
    (void)writer->put(document("/fuzz/b.pdf", "Budapest Convention", 2023,
                               "Cybercrime, the Budapest Convention and the UN GGE on responsible state behaviour."));
  }
  auto searcher = cydex::search::Searcher::open(dir);
  if (!searcher) {
    std::cerr << "cannot open " << dir << "\n";
    std::abort();
  }
  return std::move(*searcher);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static cydex::search::Searcher searcher = make_searcher();
  const std::string query(reinterpret_cast<const char*>(data), size);
  (void)searcher.search({.query = query, .limit = 5});
  (void)searcher.document(query);
  return 0;
}
