// SPDX-License-Identifier: Apache-2.0
/// @brief The inside of index::UnpackedDocument, shared by its maker and the writer.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "cydex/index/prepared_document.h"

namespace cydex::index {

/// The words of `doc` that feed "did you mean" (its unprefixed terms of 3
/// to 40 bytes without digits), each with its wdf.
std::vector<std::pair<std::string, Xapian::termcount>> spelling_words(const Xapian::Document& doc);

struct UnpackedDocument::Impl {
  Xapian::Document doc;
  std::vector<std::pair<std::string, Xapian::termcount>> spelling;
  std::size_t bytes = 0;  ///< Approximate memory held.
};

}  // namespace cydex::index
