// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes through the PDF extractor (poppler-cpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cydex/ingest/pdf_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cydex::ingest::PdfExtractor extractor;
  cydex::corpus::SourceDocument source;
  source.path = "/fuzz/input.pdf";
  source.media_type = cydex::corpus::MediaType::Pdf;
  source.size = size;
  (void)extractor.extract(source, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
