// The demo target: a fast in-memory HTTP/1.1 server that examples, integration tests and benchmarks run against.
#pragma once

#include "demo/server_config.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace hornet::demo {

/// Listens from construction on; serves from run() until stop().
///
/// Thread safety: stop() may be called from any thread (or a signal handler's thread) at any
/// time, also before run(); the other members are for the owning thread.
class server
{
public:
    /// Binds and listens now. Throws std::system_error, naming host and port, if it can't.
    explicit server(server_config config);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// The port listened on (the chosen one when the config said 0).
    std::uint16_t port() const;

    /// "http://127.0.0.1:43123": the bound address, IPv6 in brackets.
    std::string url() const;

    /// Serves on config.threads threads (this one included); returns once stop() was called.
    void run();

    /// Makes run() return soon; connections in flight are dropped.
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace hornet::demo
