// SPDX-License-Identifier: Apache-2.0
/// @brief Removing running headers, footers and page numbers from paginated text.
#pragma once

#include <vector>

#include "cydex/corpus/page.h"

namespace cydex::ingest {

/// Removes lines that repeat at the top or bottom of many pages (running
/// headers and footers; digits are ignored when comparing, so "Page 3" and
/// "Page 4" repeat) and bare page numbers ("7", "- 7 -", "Page 7 of 20") at
/// the top or bottom of a page; inside the page, a number standing alone
/// goes only when it is the page's number, or its printed number where the
/// printed numbering runs at a steady offset from the PDF's pages (a cover
/// and contents unnumbered). Page numbers themselves stay in Page::number.
/// Returns how many lines were removed.
int remove_running_furniture(std::vector<corpus::Page>& pages);

}  // namespace cydex::ingest
