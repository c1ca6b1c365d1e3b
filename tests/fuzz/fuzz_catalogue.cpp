// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: any bytes as a catalogue.tsv and as a domains.tsv.
// Catalogue reads files, so each input is written to a file first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "cydex/corpus/catalogue.h"

namespace {

const std::filesystem::path& input_file() {
  static const std::filesystem::path path = [] {
    auto dir = std::filesystem::temp_directory_path() / ("cydex-fuzz-catalogue-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir / cydex::corpus::kCatalogueFileName;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(input_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  cydex::corpus::Catalogue catalogue;
  (void)catalogue.load(input_file());
  (void)catalogue.load_domains(input_file());
  (void)catalogue.organisation_for_url(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
