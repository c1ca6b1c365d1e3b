// SPDX-License-Identifier: Apache-2.0
/// @brief Recognising a file's format from its first bytes.
#pragma once

#include <string_view>

#include "cydex/corpus/source_document.h"

namespace cydex::ingest {

/// The format of a file judged by its content: "%PDF-" is PDF, markup that
/// opens with a doctype or an html/head/body tag is HTML, text that decodes
/// as UTF-8, UTF-16 (with or without a byte-order mark) or a single-byte
/// charset with few control bytes is plain text, anything else Unknown.
/// `head` is the file's first bytes (4 KiB is plenty).
corpus::MediaType sniff_media_type(std::string_view head) noexcept;

}  // namespace cydex::ingest
