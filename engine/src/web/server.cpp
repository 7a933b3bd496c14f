// Listening and accepting.
#include "web/server.hpp"

#include "core/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>

namespace hornet::web {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

server::server(net::io_context& io, router& routes, server_config config)
    : io_(io), routes_(routes), config_(std::move(config)), acceptor_(io)
{}

server::~server()
{
    stop();
}

bool server::all_interfaces() const noexcept
{
    return config_.host.empty() || config_.host == "*";
}

std::string server::url() const
{
    std::string host = all_interfaces() ? "0.0.0.0" : config_.host;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return std::string(tls_ ? "https" : "http") + "://" + host + ":" + std::to_string(port_);
}

core::result<std::uint16_t> server::start()
{
    if (!config_.tls_cert.empty() || !config_.tls_key.empty()) {
        if (config_.tls_cert.empty() || config_.tls_key.empty())
            return core::failure(core::error::invalid_shape, "--tls-cert and --tls-key go together: give both");
        tls_ = std::make_unique<ssl::context>(ssl::context::tls_server);
        tls_->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                          ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
        error_code ec;
        tls_->use_certificate_chain_file(config_.tls_cert, ec);
        if (ec)
            return core::failure(ec, "cannot load the TLS certificate \"" + config_.tls_cert + "\": " + ec.message());
        tls_->use_private_key_file(config_.tls_key, ssl::context::pem, ec);
        if (ec) return core::failure(ec, "cannot load the TLS key \"" + config_.tls_key + "\": " + ec.message());
    }

    error_code ec;
    net::ip::address address;
    if (all_interfaces()) {
        address = net::ip::address_v6::any();
    } else {
        address = net::ip::make_address(config_.host, ec);
        if (ec) {
            // A name rather than an address: take its first address.
            tcp::resolver resolver(io_);
            auto results = resolver.resolve(config_.host, "", ec);
            if (ec || results.empty())
                return core::failure(ec, "cannot resolve --web-host \"" + config_.host + "\": " + ec.message());
            address = results.begin()->endpoint().address();
        }
    }
    tcp::endpoint endpoint(address, config_.port);
    const auto where = [&] {
        return (all_interfaces() ? std::string("*") : config_.host) + ":" + std::to_string(config_.port);
    };
    acceptor_.open(endpoint.protocol(), ec);
    if (ec && all_interfaces()) {
        // No IPv6 on this machine: all IPv4 interfaces then.
        endpoint = tcp::endpoint(net::ip::address_v4::any(), config_.port);
        acceptor_.open(endpoint.protocol(), ec);
    }
    if (ec) return core::failure(ec, "cannot open the web socket for " + where() + ": " + ec.message());
    if (endpoint.address().is_v6() && all_interfaces()) acceptor_.set_option(net::ip::v6_only(false), ec);
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    acceptor_.bind(endpoint, ec);
    if (ec) {
        acceptor_.close();
        return core::failure(ec, "cannot listen on " + where() + ": " + ec.message());
    }
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        acceptor_.close();
        return core::failure(ec, "cannot listen on " + where() + ": " + ec.message());
    }
    port_ = acceptor_.local_endpoint().port();
    net::co_spawn(io_, accept_loop(), [](std::exception_ptr e) {
        if (e) core::log::error("hornet.web", "the web server stopped accepting connections");
    });
    return port_;
}

net::awaitable<void> server::accept_loop()
{
    while (!stopped_) {
        auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
        if (stopped_ || ec == net::error::operation_aborted) co_return;
        if (ec) {
            // Out of descriptors, mostly: the listener stays and tries again shortly (at once
            // would spin), the client retries.
            core::log::debug("hornet.web", "accept failed: " + ec.message());
            net::steady_timer pause(io_, std::chrono::milliseconds(100));
            co_await pause.async_wait(net::as_tuple(net::use_awaitable));
            continue;
        }
        if (open_.size() >= config_.max_connections) {
            error_code ignored;
            socket.close(ignored);
            continue;
        }
        net::co_spawn(io_, run_session(std::move(socket), tls_.get(), routes_, config_, open_),
                      [](std::exception_ptr e) {
                          if (e) core::log::debug("hornet.web", "a web connection ended on an exception");
                      });
    }
}

void server::stop()
{
    if (stopped_) return;
    stopped_ = true;
    error_code ignored;
    acceptor_.close(ignored);
    // Copy: closing makes the sessions end and leave the set, though only later, on their turn.
    for (auto* s : open_sockets(open_)) s->close(ignored);
}

} // namespace hornet::web
