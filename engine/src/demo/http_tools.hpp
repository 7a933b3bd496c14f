// httpbin-style endpoints of the demo target, for testing an HTTP client: delays, status codes,
// sized and chunked bodies, redirects, cookies, echo.
#pragma once

#include "demo/reply.hpp"

#include <cstddef>
#include <string_view>

namespace hornet::demo {

/// Largest body /bytes/{n} and /chunked/{n} produce; larger n are clamped to it.
inline constexpr std::size_t max_generated_bytes = 64 * 1024 * 1024;
/// Longest /slow?ms= delay; longer ones are clamped to it.
inline constexpr std::uint64_t max_slow_ms = 60'000;

/// /slow?ms=N (default 1000): {"slept_ms": N}, sent after N ms; 400 if N is not a number.
reply slow_reply(std::string_view query);

/// /stall?at=N&ms=M (defaults 1 and 1000): {"seen": K, "slept_ms": 0 or M} — only the request
/// that is the N-th to /stall (`seen` == N) waits M ms: one hiccup of the service, at a known
/// moment, for coordinated-omission tests. 400 if N or M is not a number.
reply stall_reply(std::string_view query, std::uint64_t seen);
/// /status/{code}: that status (200-599), a JSON body except for 204 and 304; 400 otherwise.
response status_reply(std::string_view code);
/// /bytes/{n} and /chunked/{n}: n bytes of a repeating a-z pattern (the chunked one in chunks).
reply bytes_reply(std::string_view n, bool chunked);
/// /redirect/{n}: 302 to /redirect/{n-1}; /redirect/0 is 200.
response redirect_reply(std::string_view n);
/// /set-cookie?name=value&...: sets each cookie (Path=/) and lists them; 400 on a name or value
/// a cookie may not carry.
response set_cookie_reply(std::string_view query);
/// /cookies: {"cookies": {name: value}} of the Cookie headers received.
response cookies_reply(const request& req);
/// /echo: {"method", "target", "version", "headers": {name: value}, "body", "json"} of the request;
/// "json" is the body parsed as JSON (null when it is not JSON), so a test can check the types sent.
response echo_reply(const request& req);

} // namespace hornet::demo
