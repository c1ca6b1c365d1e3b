// SPDX-License-Identifier: Apache-2.0
#include "facet_counting.h"

#include <algorithm>
#include <string_view>

#include "cydex/index/facet_codes.h"
#include "cydex/index/schema.h"

namespace cydex::search {
namespace schema = index::schema;

void FacetCodeNames::load(const Xapian::Database& db) {
  const std::string prefix(schema::kFacetNamePrefix);
  for (Xapian::TermIterator it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string key = *it;
    const std::string_view hex = std::string_view(key).substr(prefix.size());
    if (hex.size() != 8) continue;
    std::uint32_t code = 0;
    bool valid = true;
    for (const char digit : hex) {
      const bool decimal = digit >= '0' && digit <= '9';
      valid = valid && (decimal || (digit >= 'a' && digit <= 'f'));
      code = code << 4 | static_cast<std::uint32_t>(decimal ? digit - '0' : digit - 'a' + 10);
    }
    if (!valid) continue;
    if (auto record = index::parse_facet_name_record(db.get_metadata(key))) names_.emplace(code, std::move(*record));
  }
}

const std::pair<std::string, std::string>* FacetCodeNames::find(std::uint32_t code) const {
  const auto found = names_.find(code);
  return found == names_.end() ? nullptr : &found->second;
}

MatchFacets::MatchFacets(const FacetPlan& plan, const Xapian::Database& handle)
    : plan_(&plan), codes_(handle), tags_("tags", schema::kTagsSlot, handle, plan.mode) {
  if (plan.source != FacetPlan::Source::Slots) return;
  for (const std::string& name : plan.value_facets) {
    if (name == "organisation") facets_.emplace_back(name, schema::kOrganisationSlot, handle, plan.mode);
    if (name == "year") facets_.emplace_back(name, schema::kYearSlot, handle, plan.mode);
    if (name == "language") facets_.emplace_back(name, schema::kLanguageSlot, handle, plan.mode);
    if (name == "format") facets_.emplace_back(name, schema::kFormatSlot, handle, plan.mode);
  }
}

void MatchFacets::attach(Xapian::Enquire& enquire) {
  if (!plan_->any()) return;
  if (plan_->source == FacetPlan::Source::Codes) {
    enquire.add_matchspy(&codes_);
    return;
  }
  for (FacetCollector& facet : facets_) facet.attach(enquire);
  if (plan_->tags) tags_.attach(enquire);
}

void MatchFacets::add_to(FacetTally& tally, const FacetCodeNames& names) const {
  if (plan_->source == FacetPlan::Source::Slots) {
    for (const FacetCollector& facet : facets_) {
      std::map<std::string, int>& into = tally.values[facet.name()];
      for (const auto& [value, count] : facet.counts()) into[value] += count;
    }
    if (plan_->tags) {
      for (const auto& [tag, count] : tags_.counts()) tally.tags[tag] += count;
    }
    return;
  }
  const auto wanted = [&](const std::string& field) {
    return std::find(plan_->value_facets.begin(), plan_->value_facets.end(), field) != plan_->value_facets.end();
  };
  for (const std::string& field : plan_->value_facets) tally.values[field];
  for (const auto& [code, count] : codes_.counts().entries()) {
    const std::pair<std::string, std::string>* name = names.find(code);
    if (name == nullptr) continue;
    const int documents = static_cast<int>(count);
    if (name->first == index::kTagField) {
      if (plan_->tags) tally.tags[name->second] += documents;
    } else if (wanted(name->first)) {
      tally.values[name->first][name->second] += documents;
    }
  }
}

}  // namespace cydex::search
