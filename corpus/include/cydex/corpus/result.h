// SPDX-License-Identifier: Apache-2.0
/// @brief Result<T, E>: a value or an error, shaped like std::expected (C++23).
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace cydex::corpus {

/// Wraps an error so that constructing a Result from it is explicit.
template <typename E>
struct Unexpected {
  // A constructor rather than aggregate initialisation, so that
  // `Unexpected(error)` also compiles with clang before 16 (the fuzz build).
  explicit Unexpected(E e) : error(std::move(e)) {}
  E error;
};

template <typename E>
Unexpected(E) -> Unexpected<E>;

/// Holds either a T (success) or an E (failure). Accessing the wrong
/// alternative is a caller bug and asserts.
template <typename T, typename E>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Unexpected<E> error) : data_(std::in_place_index<1>, std::move(error.error)) {}  // NOLINT

  [[nodiscard]] bool has_value() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(data_));
  }
  const E& error() const& {
    assert(!has_value());
    return std::get<1>(data_);
  }
  E&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(data_));
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, E> data_;
};

}  // namespace cydex::corpus
