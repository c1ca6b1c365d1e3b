// SPDX-License-Identifier: Apache-2.0
/// @brief Writing small real indexes for search tests.
#pragma once

#include <gtest/gtest.h>

#include "cydex/index/writer.h"
#include "temp_dir.h"

namespace cydex::search::test {

struct DocSpec {
  std::string id{};
  std::string title{};
  std::string organisation{};
  std::optional<int> year{};
  std::vector<std::string> pages{};
  corpus::MediaType type = corpus::MediaType::Pdf;
  std::string language = "en";
  std::vector<corpus::Mention> mentions{};
  std::string date{};  ///< ISO date, or empty.
};

inline void write_index(const std::filesystem::path& dir, const std::vector<DocSpec>& specs) {
  auto writer = index::Writer::open(dir, index::WriterOptions{.batch_size = 1000});
  ASSERT_TRUE(writer.has_value()) << writer.error().detail;
  for (const DocSpec& spec : specs) {
    corpus::ExtractedDocument doc;
    doc.source.id = spec.id;
    doc.source.path = "/corpus/" + spec.id;
    doc.source.media_type = spec.type;
    doc.metadata.title = spec.title;
    doc.metadata.organisation = spec.organisation;
    doc.metadata.year = spec.year;
    doc.metadata.language = spec.language;
    doc.metadata.date = spec.date;
    int number = 1;
    for (const std::string& text : spec.pages) doc.pages.push_back(corpus::Page{number++, text});
    doc.mentions = spec.mentions;
    ASSERT_TRUE(writer->put(doc).has_value());
  }
  ASSERT_TRUE(writer->commit().has_value());
}

}  // namespace cydex::search::test
