// SPDX-License-Identifier: Apache-2.0
/// @brief GoogleTest printers for corpus enums, so failures name the kind instead of a number.
#pragma once

#include <ostream>

#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/ingest_error.h"
#include "cydex/corpus/source_document.h"

namespace cydex::corpus {

inline void PrintTo(ErrorKind kind, std::ostream* out) { *out << to_string(kind); }
inline void PrintTo(ExtractionStatus status, std::ostream* out) { *out << to_string(status); }
inline void PrintTo(MediaType type, std::ostream* out) { *out << to_string(type); }

}  // namespace cydex::corpus
