// Per-thread state shared by the sessions of one io_context: config, TLS context, DNS cache,
// timeout sweeper.
#pragma once

#include "http/buffer_pool.hpp"
#include "http/client_config.hpp"
#include "http/deadline_sweeper.hpp"
#include "http/dns_cache.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

namespace hornet::http {

/// One per thread (per io_context). Sessions keep a reference: destroy them first.
///
/// Timeouts are enforced by one periodic sweeper (every 100 ms while requests are in flight),
/// not a timer per request, so a timeout fires up to 100 ms late. The sweeper is enabled on
/// construction and only keeps io_context::run() busy while requests are in flight; stop()
/// disables it (shutdown), start() enables it again.
class thread_context {
public:
    thread_context(boost::asio::io_context& io, client_config config);
    thread_context(const thread_context&) = delete;
    thread_context& operator=(const thread_context&) = delete;

    boost::asio::io_context& io() noexcept { return io_; }
    boost::asio::io_context::executor_type executor() noexcept { return io_.get_executor(); }
    const client_config& config() const noexcept { return config_; }
    boost::asio::ssl::context& tls() noexcept { return tls_; }
    dns_cache& dns() noexcept { return dns_; }
    deadline_sweeper& sweeper() noexcept { return sweeper_; }
    buffer_pool& buffers() noexcept { return buffers_; }

    void start() { sweeper_.start(); }
    void stop() { sweeper_.stop(); }

private:
    boost::asio::io_context& io_;
    client_config config_;
    boost::asio::ssl::context tls_;
    dns_cache dns_;
    deadline_sweeper sweeper_;
    buffer_pool buffers_;
};

} // namespace hornet::http
