// What came back from one send: status, headers, body, or a classified failure.
#pragma once

#include "http/failure_kind.hpp"
#include "http/request.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::http {

/// The final response of a send (after redirects). On a network failure `status` is 0;
/// on an HTTP status failure (>= 400) status, headers and body are filled as usual.
struct response
{
    unsigned status = 0;
    // Qualified: the member function header() below would change the meaning of plain `header`.
    std::vector<http::header> headers;
    std::string body;
    /// Bytes of (decoded) body received: Locust's response_length.
    std::uint64_t content_length = 0;
    failure_kind failure = failure_kind::none;
    /// Locust-style error text, e.g. "HTTPError('404 Client Error: Not Found for url: /x')";
    /// empty on success.
    std::string error;
    /// The final URL, after redirects.
    std::string url;

    /// First header with this name (case-insensitive), if any.
    std::optional<std::string_view> header(std::string_view name) const noexcept;
    bool ok() const noexcept { return failure == failure_kind::none; }
};

/// ASCII case-insensitive equality, for header names.
bool iequals(std::string_view a, std::string_view b) noexcept;

} // namespace hornet::http
