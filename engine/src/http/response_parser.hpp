// Incremental HTTP/1.1 response parser that fills a response in place, without allocating
// once the response's strings have grown to size.
#pragma once

#include "http/response.hpp"

#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace hornet::http {

/// What to keep of one response, and how much of it to accept.
struct response_limits
{
    /// Largest header block accepted (status line and fields).
    std::uint32_t max_header = 1024 * 1024;
    /// Keep the body in response::body. Otherwise it is only counted (content_length) as it
    /// streams past, whatever its size: memory stays bounded by the read buffer.
    bool keep_body = true;
    /// Largest body kept; a longer one fails with beast::http::error::body_limit.
    std::uint64_t max_kept_body = 64 * 1024 * 1024;
};

/// Wraps Beast's basic_parser (the parser under beast::http::response_parser, fuzzed
/// upstream) with callbacks that write straight into a hornet response: no field container,
/// header strings reused across responses. Interim 1xx responses (100 Continue, 103 Early
/// Hints) are skipped. Reusable: start() begins a new message.
class response_parser
{
public:
    response_parser();
    ~response_parser();
    response_parser(const response_parser&) = delete;
    response_parser& operator=(const response_parser&) = delete;

    /// Begins a response written into `out` (status, headers, body, content_length; other
    /// fields untouched). `head_request`: the response has no body whatever its headers say.
    void start(response& out, bool head_request, const response_limits& limits);

    /// Parses up to `size` bytes and returns how many were consumed; the caller keeps the
    /// rest and offers it again with more data. `ec` is beast::http::error::need_more when
    /// more input is needed to progress, another error when the response is invalid (fatal).
    std::size_t put(const char* data, std::size_t size, boost::system::error_code& ec);

    /// Tells the parser the peer closed the connection: completes a read-to-EOF body,
    /// otherwise sets `ec` (partial_message).
    void put_eof(boost::system::error_code& ec);

    bool done() const noexcept;
    bool header_done() const noexcept;
    /// The connection can carry another request (valid once the header is done).
    bool keep_alive() const noexcept;
    /// Reason phrase of the final status line ("Not Found").
    std::string_view reason() const noexcept;
    /// Whether the final response had at least one Set-Cookie field.
    bool has_set_cookie() const noexcept;

private:
    class impl;
    struct holder;
    std::unique_ptr<holder> holder_;
};

} // namespace hornet::http
