// Where and how the web server listens (--web-host, --web-port, --tls-cert/--tls-key) and the
// limits that keep one client from holding it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace hornet::web {

struct server_config
{
    std::string host;          ///< "" or "*": all interfaces (Locust's default)
    std::uint16_t port = 8089; ///< 0: any free port
    std::string tls_cert;      ///< PEM certificate chain; with tls_key, serve HTTPS
    std::string tls_key;       ///< PEM private key
    std::size_t header_limit = 16 * 1024;
    std::size_t body_limit = 1024 * 1024;
    /// A request must arrive whole within this once started; a kept-alive connection may idle
    /// this long between requests.
    std::chrono::seconds request_timeout{30};
    std::chrono::seconds idle_timeout{120};
    /// Connections beyond this are closed at once (each costs a descriptor and a buffer).
    std::size_t max_connections = 20000;
};

} // namespace hornet::web
