// Base URLs and request targets: parse -H, join it with relative targets, resolve redirects.
#pragma once

#include "core/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace hornet::http {

/// Where a connection goes: a session keeps its connection while the origin stays the same.
struct origin
{
    bool tls = false;
    std::string host; ///< lower case; IPv6 without brackets
    std::uint16_t port = 0;

    bool operator==(const origin&) const = default;
};

/// A parsed absolute http(s) URL, split the way the client needs it.
struct base_url
{
    http::origin origin;
    /// Path of the URL without a trailing slash ("" or "/api"); for parse_url: path and query.
    std::string path;
    /// "http://host:port" with the port only when it is not the scheme's default.
    std::string origin_text;
    /// Value of the Host header: "host", "host:8080", "[::1]:8080".
    std::string host_header;
    /// "Basic ..." from user:password@ in the URL, else empty.
    std::string authorization;
};

/// Parses a base URL such as `http://host:8000/api` (the -H option). Query and fragment
/// are rejected; a trailing slash on the path is dropped so "/api/" + "/users" = "/api/users".
/// A failure is core::error::invalid_url with a sentence a user understands.
core::result<base_url> parse_base_url(std::string_view text);

/// Parses an absolute http(s) URL; `path` is the request target ("/p?q", "/" when empty).
core::result<base_url> parse_url(std::string_view text);

/// True when a request target is an absolute http:// or https:// URL (case-insensitive).
bool is_absolute_url(std::string_view target) noexcept;

/// An absolute URL cut before its path: {"http://h:1", "/a?b"}; the path is "/" when there is
/// none. A target that is not an absolute URL is all path: {"", target}.
std::pair<std::string_view, std::string_view> split_origin(std::string_view url) noexcept;

/// The URL without scheme and host, as Locust names requests: "/a?b" (a relative target as it is).
inline std::string_view path_of(std::string_view url) noexcept
{
    return split_origin(url).second;
}

/// Appends the request-target for a relative `target` under `prefix` to `out`:
/// a slash is inserted or collapsed at the join, a fragment is dropped, and bytes that
/// cannot appear in a request-target (space, controls, non-ASCII, "<>{}|\^`) are
/// percent-encoded. Never allocates beyond growing `out`.
void append_target(std::string& out, std::string_view prefix, std::string_view target);

/// Resolves a Location header against the absolute URL of the request that got it (RFC 3986
/// reference resolution). Returns an empty string when the result is not an http(s) URL.
std::string resolve_location(std::string_view current_url, std::string_view location);

} // namespace hornet::http
