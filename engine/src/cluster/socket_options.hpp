// Options every cluster socket gets, and ZeroMQ endpoint strings from Locust's host/port options.
#pragma once

#include "cluster/endpoint_options.hpp"

#include <boost/system/error_code.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace hornet::cluster {

/// Frame size cap, queue caps, linger, TCP keepalive (as Locust sets it) and ZMTP heartbeats.
boost::system::error_code apply_socket_options(void* socket, const endpoint_options& options);

/// "tcp://host:port": "*" or "" means every interface, an IPv6 literal gets brackets, port 0
/// becomes "*" (an ephemeral port, read back with bound_port()).
std::string tcp_endpoint(std::string_view host, std::uint16_t port);

/// Whether `host` is an IPv6 literal (the socket then needs ZMQ_IPV6).
bool is_ipv6_literal(std::string_view host) noexcept;

/// The port of ZMQ_LAST_ENDPOINT ("tcp://127.0.0.1:41235"), 0 if there is none.
std::uint16_t bound_port(void* socket) noexcept;

} // namespace hornet::cluster
