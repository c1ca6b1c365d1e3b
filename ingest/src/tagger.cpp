// SPDX-License-Identifier: Apache-2.0
// Placeholder until the matcher lands: tags nothing.
#include "cydex/ingest/tagger.h"

namespace cydex::ingest {

struct Tagger::Impl {};

Tagger::Tagger(const corpus::Taxonomy& /*taxonomy*/) : impl_(std::make_unique<Impl>()) {}
Tagger::~Tagger() = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

std::vector<corpus::Mention> Tagger::tag(const std::vector<corpus::Page>& /*pages*/) const { return {}; }

}  // namespace cydex::ingest
