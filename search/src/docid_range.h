// SPDX-License-Identifier: Apache-2.0
/// @brief A filter matching every docid in a range, to split one match across threads.
#pragma once

#include <string>

#include <xapian.h>

namespace cydex::search {

/// Posts every docid from `first` to `last` (inclusive) with no weight.
/// ANDed with a query as a filter (Xapian::Query::OP_FILTER), it restricts
/// the match to that slice of the database without changing any weight, so
/// several slices searched in parallel, each on its own Xapian::Database
/// handle, give together exactly the matches, weights and counts of one
/// search of the whole. Docids in the range that no document has are posted
/// too; the AND drops them, as the other side never matches them.
///
/// For a single database only: the docids of a database made of several
/// shards interleave, and a clone made for a shard would see local docids.
class DocidRangeSource final : public Xapian::PostingSource {
 public:
  DocidRangeSource(Xapian::docid first, Xapian::docid last);

  void init(const Xapian::Database& db) override;
  [[nodiscard]] Xapian::doccount get_termfreq_min() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_est() const override;
  [[nodiscard]] Xapian::doccount get_termfreq_max() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  [[nodiscard]] bool at_end() const override;
  [[nodiscard]] Xapian::docid get_docid() const override;
  [[nodiscard]] double get_weight() const override;
  [[nodiscard]] DocidRangeSource* clone() const override;
  [[nodiscard]] std::string get_description() const override;

 private:
  Xapian::docid first_;
  Xapian::docid last_;
  Xapian::docid current_ = 0;  ///< 0 before the first next() or skip_to().
  Xapian::doccount termfreq_est_ = 0;
  Xapian::doccount termfreq_max_ = 0;
};

}  // namespace cydex::search
