// One keep-alive TCP or TLS connection with its deadline: the transport under a session.
#pragma once

#include "http/client_config.hpp"
#include "http/deadline_sweeper.hpp"
#include "http/error_text.hpp"
#include "http/url.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

namespace hornet::http {

class thread_context;

/// A connection to one origin. The session drives it one exchange at a time; the
/// thread's sweeper closes it when an armed deadline passes (then timed_out() is true and
/// the pending operation completes with an error).
class connection final : public deadline_node
{
public:
    explicit connection(thread_context& ctx);
    ~connection();

    /// Closes any current connection, then resolves (thread DNS cache), connects and, for
    /// https, handshakes (SNI, verification per `config`: the session's, which may be a user
    /// class's own) within config.connect_timeout. Returns failure_kind::none on success.
    boost::asio::awaitable<failure_info> open(const origin& to, const client_config& config);

    bool connected_to(const origin& to) const noexcept { return open_ && origin_ == to; }
    bool is_open() const noexcept { return open_; }
    /// Completed exchanges on this connection; 0 means freshly opened.
    std::uint64_t exchanges() const noexcept { return exchanges_; }
    void count_exchange() noexcept { ++exchanges_; }

    /// Plain TCP only: writes what the socket takes now without blocking, and returns how
    /// many bytes went out (all of them for almost every request, so no coroutine and no
    /// trip through the reactor). Returns 0 for TLS.
    std::size_t try_write(std::string_view head, std::string_view body, boost::system::error_code& ec);
    /// Writes `head` then `body` completely, skipping the first `written` bytes.
    boost::asio::awaitable<boost::system::error_code> write(std::string_view head, std::string_view body,
                                                            std::size_t written = 0);
    /// The streams, for the session's read loop: it awaits Asio's deferred operations on
    /// them directly, which costs no coroutine frame (use_awaitable would allocate one per
    /// read, more than Asio's two-slot frame cache holds in steady state).
    boost::asio::ip::tcp::socket& socket() noexcept { return socket_; }
    /// nullptr for plain TCP.
    boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>* tls() noexcept { return tls_.get(); }

    /// Arms the deadline `now + timeout` for what follows (replacing an armed one); disarm()
    /// when done. `now` also marks the connection as used.
    void arm(std::chrono::steady_clock::time_point now, std::chrono::milliseconds timeout);
    std::chrono::steady_clock::time_point last_used() const noexcept { return last_used_; }

    /// For a connection idle for a while: true when the peer closed it or sent something
    /// unasked (a "408 Request Timeout" before closing): reusing it would fail or, worse,
    /// read that stray response as the answer. One non-blocking peek.
    bool dropped_while_idle() noexcept;
    void disarm() noexcept;
    bool timed_out() const noexcept { return timed_out_; }

    /// Closes the socket; pending operations complete with operation_aborted.
    void close() noexcept;

private:
    void on_deadline() noexcept override;
    void drop_tls() noexcept;

    thread_context& ctx_;
    boost::asio::ip::tcp::socket socket_;
    std::unique_ptr<boost::asio::ssl::stream<boost::asio::ip::tcp::socket&>> tls_;
    // Needed only while connecting: on the heap, so idle users carry two pointers, not ~170 bytes.
    std::unique_ptr<boost::asio::ip::tcp::resolver> resolver_;
    std::unique_ptr<boost::asio::steady_timer> waker_;
    origin origin_;
    bool open_ = false;
    bool timed_out_ = false;
    std::uint64_t exchanges_ = 0;
    std::chrono::steady_clock::time_point last_used_{};
    // The last TLS session, offered again on reconnect to the same origin (resumption).
    struct ssl_session_st* tls_session_ = nullptr;
    origin tls_session_origin_;
};

} // namespace hornet::http
