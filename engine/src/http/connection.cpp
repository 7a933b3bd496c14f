// Connect, TLS handshake, and the raw read/write calls of a session.
#include "http/connection.hpp"

#include "http/thread_context.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>

namespace hornet::http {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);

bool is_ip_literal(const std::string& host)
{
    error_code ec;
    net::ip::make_address(host, ec);
    return !ec;
}

} // namespace

connection::connection(thread_context& ctx) : ctx_(ctx), socket_(ctx.executor()) {}

connection::~connection()
{
    disarm();
    close();
    drop_tls();
    if (tls_session_ != nullptr) SSL_SESSION_free(tls_session_);
}

void connection::arm(std::chrono::steady_clock::time_point now, std::chrono::milliseconds timeout)
{
    timed_out_ = false;
    last_used_ = now;
    ctx_.sweeper().watch(*this, now + timeout);
}

bool connection::dropped_while_idle() noexcept
{
    char byte;
    error_code ec;
    socket_.receive(net::buffer(&byte, 1), tcp::socket::message_peek, ec);
    return !(ec == net::error::would_block || ec == net::error::try_again);
}

void connection::disarm() noexcept
{
    ctx_.sweeper().unwatch(*this);
}

void connection::on_deadline() noexcept
{
    timed_out_ = true;
    close();
}

void connection::close() noexcept
{
    // A connect in progress may be waiting on the DNS cache.
    if (resolver_) resolver_->cancel();
    if (waker_) waker_->cancel();
    // Only the socket: the TLS stream may still have an operation in flight (a timeout or
    // session::close() during a request) and must outlive it; drop_tls() frees it later.
    error_code ignored; // closing an already closed socket is not an error worth reporting
    socket_.close(ignored);
    open_ = false;
}

void connection::drop_tls() noexcept
{
    if (!tls_) return;
    // Keep the session of a completed handshake for resumption on the next connect.
    SSL* ssl = tls_->native_handle();
    if (SSL_is_init_finished(ssl)) {
        // We never send close_notify (nobody waits for it in a load test); without these
        // flags SSL_free would treat the session as broken and make it non-resumable.
        SSL_set_shutdown(ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
        if (SSL_SESSION* s = SSL_get1_session(ssl)) {
            if (tls_session_ != nullptr) SSL_SESSION_free(tls_session_);
            tls_session_ = s;
            tls_session_origin_ = origin_;
        }
    }
    tls_.reset();
}

net::awaitable<failure_info> connection::open(const origin& to, const client_config& config)
{
    close();
    drop_tls();
    origin_ = to;
    exchanges_ = 0;
    const auto connect_timeout = config.connect_timeout;
    arm(std::chrono::steady_clock::now(), connect_timeout);
    // Whatever way this ends without a connection (an error, or the caller's cancellation
    // throwing out of a co_await), leave nothing armed and nothing half open.
    struct unwind_guard
    {
        connection& self;
        bool done = false;
        ~unwind_guard()
        {
            if (!done) {
                self.disarm();
                self.close();
            }
        }
    } guard{*this};
    const auto timeout = [&] {
        return failure_info{failure_kind::timeout, connect_timeout_text(to.host, to.port, connect_timeout)};
    };

    if (!resolver_) resolver_ = std::make_unique<boost::asio::ip::tcp::resolver>(ctx_.executor());
    if (!waker_) waker_ = std::make_unique<boost::asio::steady_timer>(ctx_.executor());
    auto [rec, addresses] = co_await ctx_.dns().resolve(to.host, to.port, *resolver_, *waker_);
    // Only a (re)connect needs them again: an idle user keeps neither.
    resolver_.reset();
    waker_.reset();
    if (timed_out_) co_return timeout();
    if (rec) co_return connect_failure(rec, to.host, to.port, false);

    error_code last;
    bool connected = false;
    for (const auto& endpoint : addresses) {
        error_code ec;
        socket_.close(ec);
        socket_.open(endpoint.protocol(), ec);
        if (ec) {
            last = ec;
            continue;
        }
        auto [cec] = co_await socket_.async_connect(endpoint, use_tuple);
        if (timed_out_) co_return timeout();
        if (!cec) {
            connected = true;
            break;
        }
        if (cec == net::error::operation_aborted) // session::close(): no next address
            co_return connect_failure(cec, to.host, to.port, false);
        last = cec;
    }
    if (!connected) {
        ctx_.dns().forget(to.host, to.port); // the address may have moved: resolve again next time
        co_return connect_failure(last, to.host, to.port, false);
    }
    error_code ignored; // both options are optimisations; the connection works without them
    socket_.set_option(tcp::no_delay(true), ignored);
    socket_.non_blocking(true, ignored);

    if (to.tls) {
        tls_ = std::make_unique<ssl::stream<tcp::socket&>>(socket_, ctx_.tls(config));
        SSL* ssl = tls_->native_handle();
        if (!is_ip_literal(to.host)) SSL_set_tlsext_host_name(ssl, to.host.c_str());
        if (config.verify_tls) tls_->set_verify_callback(ssl::host_name_verification(to.host));
        if (tls_session_ != nullptr && tls_session_origin_ == to) SSL_set_session(ssl, tls_session_);
        auto [hec] = co_await tls_->async_handshake(ssl::stream_base::client, use_tuple);
        if (timed_out_) co_return timeout();
        if (hec) co_return connect_failure(hec, to.host, to.port, true);
    }
    guard.done = true;
    disarm();
    open_ = true;
    co_return failure_info{};
}

std::size_t connection::try_write(std::string_view head, std::string_view body, error_code& ec)
{
    ec = {};
    if (tls_) return 0;
    const std::array<net::const_buffer, 2> buffers{net::buffer(head), net::buffer(body)};
    const std::size_t n = socket_.write_some(buffers, ec);
    if (ec && (ec == net::error::would_block || ec == net::error::try_again)) ec = {};
    return n;
}

net::awaitable<error_code> connection::write(std::string_view head, std::string_view body, std::size_t written)
{
    std::array<net::const_buffer, 2> buffers{net::buffer(head), net::buffer(body)};
    std::size_t skip = written;
    for (auto& b : buffers) {
        const std::size_t d = std::min(skip, b.size());
        b += d;
        skip -= d;
    }
    auto [ec, n] = tls_ ? co_await net::async_write(*tls_, buffers, use_tuple)
                        : co_await net::async_write(socket_, buffers, use_tuple);
    co_return ec;
}

} // namespace hornet::http
