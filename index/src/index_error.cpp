// SPDX-License-Identifier: Apache-2.0
#include "cydex/index/index_error.h"

namespace cydex::index {

std::string_view to_string(IndexErrorKind kind) noexcept {
  switch (kind) {
    case IndexErrorKind::NotFound: return "not-found";
    case IndexErrorKind::Locked: return "locked";
    case IndexErrorKind::Corrupt: return "corrupt";
    case IndexErrorKind::Io: return "io";
    case IndexErrorKind::Internal: break;
  }
  return "internal";
}

}  // namespace cydex::index
