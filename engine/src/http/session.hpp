// One user's HTTP client: a keep-alive connection, cookies, redirects, timeouts.
#pragma once

#include "http/connection.hpp"
#include "http/cookie_jar.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/send_state.hpp"
#include "http/thread_context.hpp"
#include "http/url.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::http {

/// An HTTP/1.1 client for one simulated user, like a Locust HttpUser's `client`.
///
/// Keeps a keep-alive connection per origin (the first one inline, up to three more for
/// redirect targets and absolute URLs) and reconnects transparently; a request that fails before any response byte on a reused connection
/// (the server closed it while idle) is sent once more on a new one. Follows redirects
/// (301/302/303 become GET, 307/308 keep method and body), keeps cookies, decodes chunked
/// bodies, keeps a body only when the request asks (up to max_body_size; otherwise it is
/// counted and dropped as it arrives), and enforces the header limit and the timeouts of its
/// config (the thread_context's unless given one).
///
/// send() never throws for network or peer problems: they come back in response::failure
/// and response::error. One request at a time per session; the session, the request and
/// the thread_context must outlive the awaited send. Not thread-safe: use it on the
/// thread_context's io_context only.
class session
{
public:
    /// `base_url` is like Locust's host ("http://h:8000/api"); relative request targets are
    /// joined under its path. An invalid base URL makes every send fail (see base_error()).
    /// `config` (which must outlive the session) replaces the thread_context's timeouts,
    /// limits and TLS verification for this session: a user class's own settings.
    session(thread_context& ctx, std::string base_url, const client_config* config = nullptr);
    ~session();
    session(const session&) = delete;
    session& operator=(const session&) = delete;

    /// Sends `req` and returns the final response. `name_for_errors` (the stats name)
    /// replaces the URL in the HTTPError text, as Locust's name= does.
    boost::asio::awaitable<response> send(const request& req, std::string_view name_for_errors = {});

    /// Same, into a caller-owned response: reuse `out` (and `req`) across calls and the
    /// steady state allocates nothing (the same GET forever in quick mode).
    boost::asio::awaitable<void> send(const request& req, response& out, std::string_view name_for_errors = {});

    cookie_jar& cookies() noexcept { return cookies_; }
    /// Closes the connections; an in-flight send then fails with failure_kind::cancelled.
    void close() noexcept;

    /// Empty when the base URL is valid, else why not.
    std::string base_error() const;

private:
    boost::asio::awaitable<bool> exchange(const origin& to, bool head, bool keep_body, std::string_view body,
                                          response& out);
    connection& connection_for(const origin& to);
    /// Feeds buffered bytes to the parser; true once the response is complete.
    bool parse_buffered(boost::system::error_code& ec);
    bool make_room(boost::system::error_code& ec, std::uint32_t max_header);
    void give_back_buffer();
    void apply_cookies(const response& out, const origin& from, std::string_view target);
    static void fail(response& out, failure_kind kind, std::string text);

    thread_context& ctx_;
    const client_config* config_;
    thread_context::known_base* base_; // the thread's, shared by every user of the class
    cookie_jar cookies_;
    connection conn_;
    /// Connections to origins other than the primary one's, made on first use (most users have none).
    std::vector<std::unique_ptr<connection>> others_;
    static constexpr std::size_t max_other_connections = 3;
    std::unique_ptr<send_state> state_; // lent by the thread during a send
    std::unique_ptr<base_url> hop_;     // parsed absolute target or redirect location; rare, so not inline
    std::unique_ptr<char[]> read_buffer_;
    std::size_t read_capacity_ = 0;
    std::size_t read_begin_ = 0;
    std::size_t read_end_ = 0;
    bool grow_ = false;     // the last read filled the buffer: a bigger one saves syscalls
    bool leftover_ = false; // bytes after the response: the peer is out of step, drop the connection
    bool closed_ = false;   // close() during this send: it ends as cancelled, opens nothing new
};

} // namespace hornet::http
