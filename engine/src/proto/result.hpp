// A value or the reason it could not be produced: decoding outside input never throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hornet::proto {

/// Why a decode failed, in words meant for a log line ("truncated input at offset 7").
struct error
{
    std::string message;
};

/// T or an error (GCC 12 in C++20 has no std::expected).
template <class T>
class result
{
public:
    result(T v) : v_(std::in_place_index<0>, std::move(v)) {}
    result(error e) : v_(std::in_place_index<1>, std::move(e)) {}

    bool has_value() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    /// Precondition: has_value().
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    /// The failure text; empty when has_value().
    const std::string& error_message() const noexcept
    {
        static const std::string none;
        return has_value() ? none : std::get<1>(v_).message;
    }

private:
    std::variant<T, error> v_;
};

} // namespace hornet::proto
