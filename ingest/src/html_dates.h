// SPDX-License-Identifier: Apache-2.0
/// @brief Finding a publication date written out in a page's text, in English, German, French or Spanish.
#pragma once

#include <string>
#include <string_view>

namespace cydex::ingest::html {

/// The document's date in `text` as ISO "YYYY-MM-DD", or empty: the first
/// date labelled as the document's ("Published:", "Datum:", "Publié le",
/// "Fecha:", "Decided:"), else the first date. Reads "12 October 2023",
/// "October 12, 2023", "12. Oktober 2023", "1er octobre 2023", "12 de
/// octubre de 2023", "2023-10-12", "12.10.2023" and abbreviated months
/// ("12 Oct. 2023"); years 1900-2099 only.
std::string first_date_in_text(std::string_view text);

/// The date part ("YYYY", "YYYY-MM" or "YYYY-MM-DD") of an ISO timestamp or
/// of a date written out as above; empty when there is none.
std::string normalise_date(std::string_view value);

}  // namespace cydex::ingest::html
