// Settings shared by every session of a thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace hornet::http {

struct client_config {
    /// DNS resolution plus TCP connect plus TLS handshake.
    std::chrono::milliseconds connect_timeout{60000};
    /// From the first byte written to the last byte of the response, per redirect hop.
    std::chrono::milliseconds request_timeout{60000};
    /// Redirects followed per send; 0 returns the 3xx response itself.
    unsigned max_redirects = 5;
    std::size_t max_body_size = 64 * 1024 * 1024;
    /// Self-signed staging certificates are the norm in load tests; FastHttpUser is insecure too.
    bool verify_tls = false;
    std::string user_agent = "hornet/" HORNET_VERSION;
};

} // namespace hornet::http
