// Where and how the demo target listens.
#pragma once

#include <cstdint>
#include <string>

namespace hornet::demo {

struct server_config
{
    /// Address (or name) to listen on.
    std::string host = "127.0.0.1";
    /// 0 picks a free port; server::port() tells which.
    std::uint16_t port = 0;
    /// Threads, each with its own io_context; accepted connections are dealt out round-robin.
    unsigned threads = 1;
};

} // namespace hornet::demo
