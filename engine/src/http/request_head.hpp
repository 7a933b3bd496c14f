// Serializes a request line and header block into a reused buffer.
#pragma once

#include "http/cookie_jar.hpp"
#include "http/request.hpp"
#include "http/url.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::http {

/// Everything that decides the bytes of one request head.
struct request_head
{
    std::string_view method;
    /// Origin, Host header, path prefix and URL credentials of the target.
    const base_url* base = nullptr;
    /// A relative target joined under base->path, or (full_target) a complete "/path?q".
    std::string_view target;
    bool full_target = false;
    const std::vector<header>* headers = nullptr;
    std::string_view user_agent;
    std::size_t body_size = 0;
    /// After a 301/302/303 turned the request into a GET: no Content-Type.
    bool drop_body_headers = false;
    /// After a redirect to another host: no Authorization (requests does the same).
    bool drop_authorization = false;
};

/// Where the request-target landed inside the serialized head.
struct head_layout
{
    std::size_t target_begin = 0;
    std::size_t target_end = 0;
};

/// Replaces `out` with "METHOD target HTTP/1.1", Host, User-Agent, Accept, Authorization
/// (from the URL), the user's headers, Cookie (from `jar`, unless the user gave one) and
/// Content-Length (when there is a body, or the method is not GET/HEAD, as requests does),
/// then the blank line. Reuses `out`'s capacity: no allocation once it has grown.
head_layout write_request_head(std::string& out, const request_head& head, const cookie_jar& jar);

} // namespace hornet::http
