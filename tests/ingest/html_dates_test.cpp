// SPDX-License-Identifier: Apache-2.0
#include "html_dates.h"

#include <gtest/gtest.h>

#include <string>

namespace cydex::ingest::html {
namespace {

struct DateCase {
  const char* text;
  const char* expected;  ///< ISO date, or "" for none.
};

TEST(HtmlDates, ReadsDatesWrittenInFourLanguages) {
  const DateCase cases[] = {
      // English, day first.
      {"Brussels, 12 October 2023 - The Council adopted", "2023-10-12"},
      // English, month first with a comma.
      {"Posted October 12, 2023 by the press office", "2023-10-12"},
      // Abbreviated month with a full stop.
      {"Updated 3 Sept. 2021", "2021-09-03"},
      // German, with the ordinal full stop.
      {"Berlin, 12. Oktober 2023. Die Bundesregierung", "2023-10-12"},
      // German umlaut month.
      {"am 1. März 2022 beschlossen", "2022-03-01"},
      // French, with the ordinal "1er".
      {"Paris, le 1er octobre 2023", "2023-10-01"},
      // French accented month, capitalised.
      {"Publié le 5 Décembre 2020", "2020-12-05"},
      // Spanish, with "de" twice.
      {"Madrid, 12 de octubre de 2023.", "2023-10-12"},
      // ISO in running text.
      {"Last reviewed 2024-02-29.", "2024-02-29"},
      // Numeric with full stops, day first.
      {"Decided: 21.03.2024", "2024-03-21"},
      // A labelled date wins over an earlier event date.
      {"The attack of 31 July 2021 was reported. Decided: 21.03.2024", "2024-03-21"},
      // No year: not a date.
      {"on 12 October the ministers met", ""},
      // A number and a month word that are not a date.
      {"In 2023 there were 12 incidents in May.", ""},
      // Out of the plausible range.
      {"12 October 1492", ""},
  };
  for (const DateCase& c : cases) EXPECT_EQ(first_date_in_text(c.text), c.expected) << c.text;
}

TEST(HtmlDates, NormalisesTimestampsAndWrittenDates) {
  const DateCase cases[] = {
      // A full ISO timestamp keeps its date.
      {"2023-10-12T08:00:00+02:00", "2023-10-12"},
      // A year and month.
      {"2021-05", "2021-05"},
      // A year alone.
      {"2019", "2019"},
      // A date written out.
      {"12 October 2023", "2023-10-12"},
      // Rubbish.
      {"soon", ""},
  };
  for (const DateCase& c : cases) EXPECT_EQ(normalise_date(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace cydex::ingest::html
