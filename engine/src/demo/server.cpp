// The demo target's listener and threads.
#include "demo/server.hpp"

#include "core/log.hpp"
#include "demo/router.hpp"
#include "demo/session.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace hornet::demo {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);

[[noreturn]] void fail(const error_code& ec, const server_config& config)
{
    throw std::system_error(std::error_code(ec), "cannot listen on " + config.host + ":" + std::to_string(config.port));
}

void log_exception(std::exception_ptr e, const char* what)
{
    if (!e) {
        return;
    }
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        core::log::error("hornet.demo", std::string(what) + ": " + ex.what());
    } catch (...) {
        core::log::error("hornet.demo", std::string(what) + ": unknown exception");
    }
}

tcp::endpoint resolve(net::io_context& ctx, const server_config& config)
{
    error_code ec;
    const auto address = net::ip::make_address(config.host, ec);
    if (!ec) {
        return {address, config.port};
    }
    tcp::resolver resolver(ctx);
    const auto results = resolver.resolve(config.host, std::to_string(config.port), tcp::resolver::passive, ec);
    if (ec) {
        fail(ec, config);
    }
    if (results.empty()) {
        fail(net::error::host_not_found, config);
    }
    return results.begin()->endpoint();
}

} // namespace

struct server::impl
{
    using work_guard = net::executor_work_guard<net::io_context::executor_type>;

    router routes;
    std::vector<std::unique_ptr<net::io_context>> contexts;
    std::vector<work_guard> guards;
    std::optional<tcp::acceptor> acceptor;
    tcp::endpoint local;

    explicit impl(const server_config& config)
    {
        const auto threads = std::max(config.threads, 1u);
        for (unsigned i = 0; i < threads; ++i) {
            // Hint 1: each context is run by exactly one thread, which lets Asio skip some locking.
            contexts.push_back(std::make_unique<net::io_context>(1));
            guards.push_back(net::make_work_guard(*contexts.back()));
        }
        const auto endpoint = resolve(*contexts.front(), config);
        acceptor.emplace(*contexts.front());
        error_code ec;
        acceptor->open(endpoint.protocol(), ec);
        if (!ec) {
            acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
        }
        if (!ec) {
            acceptor->bind(endpoint, ec);
        }
        if (!ec) {
            acceptor->listen(net::socket_base::max_listen_connections, ec);
        }
        if (!ec) {
            local = acceptor->local_endpoint(ec);
        }
        if (ec) {
            fail(ec, config);
        }
        net::co_spawn(*contexts.front(), accept_loop(), [](std::exception_ptr e) { log_exception(e, "accept loop"); });
    }

    ~impl()
    {
        // A pending accept holds a socket of the context it deals to; destroy the acceptor and
        // its own context before the contexts whose services those sockets use.
        acceptor.reset();
        guards.clear();
        contexts.front().reset();
        contexts.clear();
    }

    net::awaitable<void> accept_loop()
    {
        std::size_t next = 0;
        for (;;) {
            auto& target = *contexts[next++ % contexts.size()];
            auto [ec, socket] = co_await acceptor->async_accept(target.get_executor(), use_tuple);
            if (ec == net::error::operation_aborted || !acceptor->is_open()) {
                co_return;
            }
            if (ec) {
                // Out of descriptors, usually: back off rather than spin, and keep listening.
                net::steady_timer pause(acceptor->get_executor(), std::chrono::milliseconds(50));
                co_await pause.async_wait(use_tuple);
                continue;
            }
            error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            net::co_spawn(target, run_session(std::move(socket), routes),
                          [](std::exception_ptr e) { log_exception(e, "connection"); });
        }
    }
};

server::server(server_config config) : impl_(std::make_unique<impl>(config)) {}

server::~server() = default;

std::uint16_t server::port() const
{
    return impl_->local.port();
}

std::string server::url() const
{
    const auto address = impl_->local.address();
    const auto host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return "http://" + host + ":" + std::to_string(port());
}

void server::run()
{
    const auto run_one = [](net::io_context& ctx) {
        // An exception escaping a handler must not end the thread while the server is meant to serve.
        for (;;) {
            try {
                ctx.run();
                return;
            } catch (const std::exception& e) {
                core::log::error("hornet.demo", std::string("io thread: ") + e.what());
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
        threads.emplace_back([&run_one, ctx = impl_->contexts[i].get()] { run_one(*ctx); });
    }
    run_one(*impl_->contexts.front());
    for (auto& t : threads) {
        t.join();
    }
}

void server::stop()
{
    for (auto& ctx : impl_->contexts) {
        ctx->stop();
    }
}

} // namespace hornet::demo
