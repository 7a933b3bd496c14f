// Per-thread state shared by the sessions of one io_context: config, TLS contexts, DNS cache,
// timeout sweeper.
#pragma once

#include "core/object_pool.hpp"
#include "http/buffer_pool.hpp"
#include "http/client_config.hpp"
#include "http/deadline_sweeper.hpp"
#include "http/dns_cache.hpp"
#include "http/send_state.hpp"
#include "http/url.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace hornet::http {

/// One per thread (per io_context). Sessions keep a reference: destroy them first.
///
/// Timeouts are enforced by one periodic sweeper (every 100 ms while requests are in flight),
/// not a timer per request, so a timeout fires up to 100 ms late. The sweeper is enabled on
/// construction and only keeps io_context::run() busy while requests are in flight; stop()
/// disables it (shutdown), start() enables it again.
class thread_context
{
public:
    thread_context(boost::asio::io_context& io, client_config config);
    thread_context(const thread_context&) = delete;
    thread_context& operator=(const thread_context&) = delete;

    boost::asio::io_context& io() noexcept { return io_; }
    boost::asio::io_context::executor_type executor() noexcept { return io_.get_executor(); }
    const client_config& config() const noexcept { return config_; }
    /// The TLS client context for `config`'s verification settings (verify_tls, ca_file).
    boost::asio::ssl::context& tls(const client_config& config);
    dns_cache& dns() noexcept { return dns_; }
    deadline_sweeper& sweeper() noexcept { return sweeper_; }
    buffer_pool& buffers() noexcept { return buffers_; }
    core::object_pool<send_state>& send_states() noexcept { return send_states_; }
    /// What this thread knows of a base URL: its parse, shared by every user of the class, and
    /// how long its server has been seen to keep an idle connection open.
    struct known_base
    {
        std::string text;
        core::result<base_url> url;
        /// The longest idle time after which a connection to its origin was checked and found
        /// open. A server closes idle connections after a fixed keep-alive timeout, longer than
        /// this, so a connection idle for less needs no check (session::exchange).
        std::chrono::steady_clock::duration kept_idle{};
    };
    known_base& base(const std::string& text);
    /// Kept-alive connections checked for a close while idle (a receive each), for tests.
    std::uint64_t idle_checks() const noexcept { return idle_checks_; }
    void count_idle_check() noexcept { ++idle_checks_; }

    void start() { sweeper_.start(); }
    void stop() { sweeper_.stop(); }

private:
    // Why one TLS context per thread and per verification setting, not one per user class:
    // the CA store belongs to the context (OpenSSL's SSL_CTX), so a class with its own
    // tls_verify / ca_file needs a context of its own, while a context shared by every thread
    // would make each handshake take locks on the session cache other threads use. So each
    // thread keeps its context for the command line's settings (config_) and makes one more,
    // on the first handshake that needs it, for each other setting a class asks for: few (a
    // scenario has a handful of classes), found by a short scan once per connect, not per
    // request, and a class that keeps the command line's settings never adds one.
    struct tls_variant
    {
        bool verify;
        std::string ca_file;
        boost::asio::ssl::context context;
    };

    boost::asio::io_context& io_;
    client_config config_;
    boost::asio::ssl::context tls_;
    std::vector<std::unique_ptr<tls_variant>> other_tls_; ///< unique_ptr: connections hold references
    dns_cache dns_;
    deadline_sweeper sweeper_;
    buffer_pool buffers_;
    core::object_pool<send_state> send_states_;
    std::uint64_t idle_checks_ = 0;
    // A handful (one per class and host); unique_ptr: sessions point into them.
    std::vector<std::unique_ptr<known_base>> bases_;
};

} // namespace hornet::http
