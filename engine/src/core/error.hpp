// Hornet's expected failures: one error category (as Beast's http::error) and the result type
// that module boundaries return instead of throwing, bool + out-string or empty-string-on-success.
#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

namespace hornet::core {

/// What went wrong, coarsely: callers branch on the code, people read failure::detail.
enum class error {
    /// A peer's or a file's bytes do not decode (truncated msgpack, invalid UTF-8, bad JSON).
    malformed = 1,
    /// Decoded, but not the shape its type requires (a stats map without 'stats').
    invalid_shape,
    /// A bound for untrusted input was exceeded (nesting depth, sizes).
    limit_exceeded,
    /// A message that is valid on the wire but not meant for this side.
    unexpected,
    /// A URL that cannot be requested (no scheme or host, a scheme other than http/https).
    invalid_url,
    /// A template, check or extract that cannot produce its value for this request.
    evaluation_failed,
    /// A scenario (JSON file, plugin, data file) that cannot be loaded.
    invalid_scenario,
};

/// The category of core::error ("hornet"); its messages are the codes' generic texts.
const boost::system::error_category& error_category() noexcept;

boost::system::error_code make_error_code(error e) noexcept;

/// A failure with the words for a log line or a user: which input, where, and why
/// ("truncated input at offset 7"). `code` is for branching, `detail` for people.
struct failure
{
    boost::system::error_code code;
    std::string detail;

    failure() = default; // result<T>::error() of a value; never seen by callers that test first
    failure(error e, std::string why) : code(make_error_code(e)), detail(std::move(why)) {}
    failure(boost::system::error_code ec, std::string why) : code(ec), detail(std::move(why)) {}

    /// The same failure with `prefix` in front of the detail ("stats_total: " + detail).
    failure prefixed(std::string_view prefix) const;
};

/// The detail, for logs and test output.
std::ostream& operator<<(std::ostream& os, const failure& f);

/// T, or the failure that kept it from being made. Decoding outside input never throws: the
/// callers test the result. value() on a failure throws std::system_error-like
/// boost::system::system_error carrying the detail.
template <class T>
using result = boost::system::result<T, failure>;

/// Used by result<T>::value() on a failure (found by argument-dependent lookup).
[[noreturn]] void throw_exception_from_error(const failure& f, const boost::source_location& loc);

} // namespace hornet::core

template <>
struct boost::system::is_error_code_enum<hornet::core::error> : std::true_type
{};
