// SPDX-License-Identifier: Apache-2.0
/// @brief The JSON forms of cydex's results (the contracts in the README).
#pragma once

#include <nlohmann/json.hpp>

#include "cydex/corpus/extracted_document.h"
#include "cydex/corpus/ingest_error.h"
#include "cydex/ingest/batch.h"
#include "cydex/search/search_types.h"

namespace cydex::cli {

nlohmann::json to_json(const search::SearchResult& result);
/// {"error": "one line", "query": str} and, for a malformed query,
/// "position" (byte offset or null), "token" (str or null), "suggestions": [str].
nlohmann::json to_json(const search::SearchError& error, const std::string& query);
nlohmann::json to_json(const ingest::BatchReport& report);
nlohmann::json to_json(const corpus::ExtractedDocument& document);
/// The extract contract for a file that failed.
nlohmann::json failed_extraction_json(const corpus::IngestError& error);

}  // namespace cydex::cli
