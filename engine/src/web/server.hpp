// The web server: listens on --web-host:--web-port (plain or TLS) and serves each connection
// with the router, on the control io_context (never on engine threads).
#pragma once

#include "core/error.hpp"
#include "web/router.hpp"
#include "web/server_config.hpp"
#include "web/session.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace hornet::web {

/// Not thread-safe: every member is for the io_context's thread.
class server
{
public:
    server(boost::asio::io_context& io, router& routes, server_config config);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// Loads the TLS files, binds, listens and starts accepting. Returns the bound port, or
    /// why not (port taken, bad certificate) naming the address or file.
    core::result<std::uint16_t> start();

    /// Closes the listener and every connection; run() of the io_context can then return.
    void stop();

    std::uint16_t port() const noexcept { return port_; }
    /// "http://HOST:PORT" (https with TLS), as the log line shows it.
    std::string url() const;
    bool all_interfaces() const noexcept;
    std::size_t connections() const noexcept { return open_.size(); }

private:
    boost::asio::awaitable<void> accept_loop();

    boost::asio::io_context& io_;
    router& routes_;
    server_config config_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::unique_ptr<boost::asio::ssl::context> tls_;
    open_sockets open_;
    std::uint16_t port_ = 0;
    bool stopped_ = false;
};

} // namespace hornet::web
