// Socket options and endpoint strings.
#include "cluster/socket_options.hpp"

#include "cluster/zmq_error.hpp"

#include <zmq.h>

#include <charconv>
#include <cstring>

namespace hornet::cluster {

namespace {

template <class T>
bool set(void* s, int option, T v)
{
    return zmq_setsockopt(s, option, &v, sizeof v) == 0;
}

} // namespace

boost::system::error_code apply_socket_options(void* s, const endpoint_options& o)
{
    const int heartbeat_ivl = static_cast<int>(o.zmtp_heartbeat_interval.count());
    const int heartbeat_timeout = static_cast<int>(o.zmtp_heartbeat_timeout.count());
    bool ok = set<std::int64_t>(s, ZMQ_MAXMSGSIZE, o.max_message_bytes) && set<int>(s, ZMQ_SNDHWM, o.high_water_mark) &&
              set<int>(s, ZMQ_RCVHWM, o.high_water_mark) &&
              set<int>(s, ZMQ_LINGER, static_cast<int>(o.linger.count())) && set<int>(s, ZMQ_TCP_KEEPALIVE, 1) &&
              set<int>(s, ZMQ_TCP_KEEPALIVE_IDLE, o.tcp_keepalive_idle_s);
    if (ok && heartbeat_ivl > 0)
        ok = set<int>(s, ZMQ_HEARTBEAT_IVL, heartbeat_ivl) && set<int>(s, ZMQ_HEARTBEAT_TIMEOUT, heartbeat_timeout);
    return ok ? boost::system::error_code{} : last_zmq_error();
}

bool is_ipv6_literal(std::string_view host) noexcept
{
    return host.find(':') != std::string_view::npos;
}

std::string tcp_endpoint(std::string_view host, std::uint16_t port)
{
    std::string out = "tcp://";
    if (host.empty() || host == "*")
        out += '*';
    else if (is_ipv6_literal(host) && host.front() != '[')
        out.append("[").append(host).append("]");
    else
        out += host;
    out += ':';
    out += port == 0 ? std::string("*") : std::to_string(port);
    return out;
}

std::uint16_t bound_port(void* s) noexcept
{
    char buf[256] = {};
    std::size_t len = sizeof buf;
    if (zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, buf, &len) != 0) return 0;
    std::string_view text(buf, ::strnlen(buf, sizeof buf));
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return 0;
    unsigned port = 0;
    auto [p, ec] = std::from_chars(text.data() + colon + 1, text.data() + text.size(), port);
    if (ec != std::errc{} || port > 65535) return 0;
    return static_cast<std::uint16_t>(port);
}

} // namespace hornet::cluster
