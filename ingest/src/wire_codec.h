// SPDX-License-Identifier: Apache-2.0
/// @brief The binary codec that carries extraction results from a worker process to its parent.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "cydex/corpus/result.h"
#include "cydex/ingest/extractor.h"

namespace cydex::ingest {

/// Why bytes could not be decoded: a truncated or garbled message. Never a
/// property of the document; it means the worker and parent disagree.
struct WireError {
  std::string detail{};  ///< One line: what was expected and at which byte.
};

using DecodeResult = corpus::Result<ExtractResult, WireError>;

/// Encodes a whole ExtractResult: the document (source, metadata, pages,
/// status, warnings, mentions) or the IngestError. Integers are LEB128
/// varints (signed ones zigzag-encoded), strings and lists are prefixed by
/// their length, so the encoding is compact and needs no alignment.
std::string encode_result(const ExtractResult& result);

/// Decodes what encode_result wrote. Every length is checked against the
/// bytes that remain, so truncated or garbled input fails with a WireError
/// instead of reading out of bounds or allocating without limit.
DecodeResult decode_result(std::string_view bytes);

/// Bytes of the frame header: the payload length, 8 bytes little-endian.
inline constexpr std::size_t kFrameHeaderBytes = 8;

/// Appends `payload` to `out` as one frame (header, then payload).
void append_frame(std::string& out, std::string_view payload);

/// The payload length announced by the frame header at the start of
/// `buffer`, or nothing while fewer than kFrameHeaderBytes have arrived.
std::optional<std::size_t> frame_payload_size(std::string_view buffer);

}  // namespace cydex::ingest
