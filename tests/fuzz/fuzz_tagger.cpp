// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: page text through the tagger built from the real
// taxonomy of corpus/taxonomy. Input bytes are split into pages at form feeds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cydex/ingest/tagger.h"

namespace {

const cydex::ingest::Tagger& tagger() {
  static const cydex::ingest::Tagger instance = [] {
    auto taxonomy = cydex::corpus::Taxonomy::load(CYDEX_SOURCE_DIR "/corpus/taxonomy");
    if (!taxonomy) {
      std::cerr << taxonomy.error().message() << "\n";
      std::abort();
    }
    return cydex::ingest::Tagger(*taxonomy);
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<cydex::corpus::Page> pages;
  std::size_t start = 0;
  while (start <= input.size()) {
    const std::size_t end = std::min(input.find('\f', start), input.size());
    pages.push_back({.number = static_cast<int>(pages.size()) + 1, .text = input.substr(start, end - start)});
    start = end + 1;
  }
  (void)tagger().tag(pages);
  return 0;
}
