// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes through the HTML extractor, whose first step
// is charset detection and decoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cydex/ingest/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cydex::ingest::HtmlExtractor extractor;
  cydex::corpus::SourceDocument source;
  source.path = "/fuzz/input.html";
  source.media_type = cydex::corpus::MediaType::Html;
  source.size = size;
  (void)extractor.extract(source, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
