// What a user asks the HTTP client to send.
#pragma once

#include <string>
#include <vector>

namespace hornet::http {

/// One header line; names are matched case-insensitively.
struct header
{
    std::string name;
    std::string value;
};

/// An HTTP request. Reuse one object across sends to keep the hot path allocation-free.
struct request
{
    std::string method = "GET";
    /// "/path?q" relative to the session's base URL, or an absolute http(s):// URL.
    std::string target;
    /// Extra headers. Host, User-Agent, Accept and Cookie given here replace the defaults;
    /// Content-Length and Transfer-Encoding are ignored (the client frames the body itself).
    std::vector<header> headers;
    std::string body;
    /// Whether the response body is kept in response::body (up to client_config::max_body_size)
    /// or only counted as it streams past. Off for requests whose answer nobody reads.
    bool keep_body = true;
    /// Off: a 3xx is the answer, as requests' allow_redirects=False (a login that checks its 302).
    bool follow_redirects = true;
};

} // namespace hornet::http
