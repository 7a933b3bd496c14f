// Settings shared by every session of a thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace hornet::http {

struct client_config
{
    /// DNS resolution plus TCP connect plus TLS handshake.
    std::chrono::milliseconds connect_timeout{60000};
    /// From the first byte written to the last byte of the response, per redirect hop.
    std::chrono::milliseconds request_timeout{60000};
    /// Redirects followed per send; 0 returns the 3xx response itself.
    unsigned max_redirects = 5;
    /// Largest response body kept for something that reads it (a check, an extract, C++ code);
    /// bodies nobody reads are counted and dropped as they arrive, whatever their size.
    std::uint64_t max_body_size = 64 * 1024 * 1024;
    /// Largest response header block (status line and fields).
    std::uint32_t max_header_size = 1024 * 1024;
    /// Self-signed staging certificates are the norm in load tests; FastHttpUser is insecure too.
    bool verify_tls = false;
    /// PEM file of the CAs that verify_tls trusts; empty: the system's store.
    std::string ca_file;
    std::string user_agent = "hornet/" HORNET_VERSION;
};

} // namespace hornet::http
