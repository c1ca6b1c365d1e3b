// SPDX-License-Identifier: Apache-2.0
#include "docid_range.h"

#include <algorithm>

namespace cydex::search {

DocidRangeSource::DocidRangeSource(Xapian::docid first, Xapian::docid last)
    : first_(std::max<Xapian::docid>(first, 1)), last_(last) {}

void DocidRangeSource::init(const Xapian::Database& db) {
  current_ = 0;
  const Xapian::docid last = std::min(last_, db.get_lastdocid());
  const Xapian::doccount span = last >= first_ ? last - first_ + 1 : 0;
  // At most `span` documents exist in the range; how many is unknown
  // without reading, so the estimate assumes the range is as full as the
  // database.
  const Xapian::doccount total = db.get_doccount();
  const Xapian::docid lastdocid = std::max<Xapian::docid>(db.get_lastdocid(), 1);
  set_maxweight(0.0);
  termfreq_max_ = std::min(span, total);
  termfreq_est_ = std::min<Xapian::doccount>(
      termfreq_max_, static_cast<Xapian::doccount>(static_cast<double>(span) * total / lastdocid));
}

void DocidRangeSource::next(double /*min_wt*/) { current_ = current_ == 0 ? first_ : current_ + 1; }

void DocidRangeSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  current_ = std::max({current_, did, first_});
}

bool DocidRangeSource::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);
  return true;
}

Xapian::doccount DocidRangeSource::get_termfreq_min() const { return 0; }

Xapian::doccount DocidRangeSource::get_termfreq_est() const { return termfreq_est_; }

Xapian::doccount DocidRangeSource::get_termfreq_max() const { return termfreq_max_; }

bool DocidRangeSource::at_end() const { return current_ > last_; }

Xapian::docid DocidRangeSource::get_docid() const { return current_; }

double DocidRangeSource::get_weight() const { return 0.0; }

DocidRangeSource* DocidRangeSource::clone() const { return new DocidRangeSource(first_, last_); }

std::string DocidRangeSource::get_description() const {
  return "DocidRangeSource(" + std::to_string(first_) + ".." + std::to_string(last_) + ")";
}

}  // namespace cydex::search
