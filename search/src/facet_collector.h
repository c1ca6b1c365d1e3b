// SPDX-License-Identifier: Apache-2.0
/// @brief Facet counts over every matching document, as Xapian match spies.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "cydex/search/search_types.h"
#include "tag_count_spy.h"

namespace cydex::search {

/// Counts the values of one slot over all documents the match considers;
/// a slot holding several values separated by '\n' (the tags slot) counts
/// each of them. Exact when the match is run with checkatleast >= the
/// document count.
///
/// Two ways of counting, with the same results (docs/SCALE.md):
/// - Streaming (default): TagCountMatchSpy, which reads a single database's
///   slot through one value stream and splits values as it goes. It is a
///   custom spy: a stock xapian-tcpsrv cannot run it.
/// - Portable: Xapian::ValueCountMatchSpy, built into Xapian and so known to
///   every server, counts each distinct value string; counts() then splits
///   each string at '\n' and adds its count to every part. Exact, because a
///   document's tags are distinct, so a document adds one to each of its
///   tags exactly once. Use it when a shard of the database is remote.
class FacetCollector {
 public:
  enum class Mode { Streaming, Portable };

  FacetCollector(std::string name, Xapian::valueno slot);
  /// Reads the slot as one value stream of `db`, the database the match runs
  /// on (faster when many documents match); `db` must outlive the match.
  FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db);
  /// As above in Streaming mode; Portable mode ignores `db`.
  FacetCollector(std::string name, Xapian::valueno slot, const Xapian::Database& db, Mode mode);

  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  /// Registers the spy; call before Enquire::get_mset. The Enquire must not
  /// outlive this collector.
  void attach(Xapian::Enquire& enquire);

  /// Each value (each part of a '\n'-separated value) -> number of matching
  /// documents that have it.
  [[nodiscard]] std::map<std::string, int> counts() const;
  /// Values by count descending, then value ascending.
  [[nodiscard]] std::vector<FacetValue> values() const;
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] Mode mode() const { return mode_; }

 private:
  std::string name_;
  Mode mode_ = Mode::Streaming;
  TagCountMatchSpy spy_;
  Xapian::ValueCountMatchSpy portable_;
};

/// `counts` as facet values: by count descending, then value ascending.
std::vector<FacetValue> facet_values(const std::map<std::string, int>& counts);

/// Year facet values grouped in ranges of `size` years aligned on multiples
/// of it ("2015-2019" for 5), counts summed (each document has one year, so
/// the sums stay exact); by count descending, then range. Values that are
/// not years are kept as they are.
std::vector<FacetValue> year_ranges(const std::vector<FacetValue>& years, int size);

}  // namespace cydex::search
