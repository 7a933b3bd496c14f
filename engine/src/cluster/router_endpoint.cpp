// router_endpoint: bind, receive [identity, payload], send [node_id, payload].
#include "cluster/router_endpoint.hpp"

#include "cluster/socket_options.hpp"
#include "cluster/zmq_error.hpp"
#include "core/log.hpp"

#include <zmq.h>

#include <array>

namespace hornet::cluster {

router_endpoint::router_endpoint(boost::asio::any_io_executor ex, endpoint_options options)
    : options_(options), channel_(ex)
{}

router_endpoint::~router_endpoint()
{
    close();
}

boost::system::result<std::uint16_t> router_endpoint::bind(std::string_view host, std::uint16_t port)
{
    if (auto ec = channel_.open(zmq_channel::make_context(), ZMQ_ROUTER)) return ec;
    void* s = channel_.handle();
    auto ec = apply_socket_options(s, options_);
    // A worker that reconnects with the same identity (Locust's `reconnect`, a restarted Hornet
    // worker) takes over its old route instead of being refused.
    int one = 1;
    if (!ec && zmq_setsockopt(s, ZMQ_ROUTER_HANDOVER, &one, sizeof one) != 0) ec = last_zmq_error();
    if (!ec && (host.empty() || host == "*" || is_ipv6_literal(host)) &&
        zmq_setsockopt(s, ZMQ_IPV6, &one, sizeof one) != 0)
        ec = last_zmq_error();
    if (!ec && zmq_bind(s, tcp_endpoint(host, port).c_str()) != 0) ec = last_zmq_error();
    if (ec) {
        channel_.close();
        return ec;
    }
    port_ = bound_port(s);
    return port_;
}

void router_endpoint::start(message_handler on_message, bad_frame_handler on_bad_frame)
{
    on_message_ = std::move(on_message);
    on_bad_frame_ = std::move(on_bad_frame);
    channel_.start([this](zmq_channel::frames& f) { on_frames(f); });
}

void router_endpoint::on_frames(zmq_channel::frames& f)
{
    // ROUTER always prepends the identity, so a message has at least 2 frames.
    if (f.size() < 2) return;
    const std::string& identity = f.front();
    auto m = proto::decode_worker_message(f.back(), options_.decode_limits);
    if (!m) {
        core::log::warning("hornet.cluster",
                           "dropped a malformed message from " + core::py_repr(identity) + ": " + m.error().detail);
        if (on_bad_frame_) on_bad_frame_(identity, m.error());
        return;
    }
    if (on_message_) on_message_(identity, std::move(*m));
}

boost::system::error_code router_endpoint::send(const proto::message& m)
{
    return send_to(m.node_id, m);
}

boost::system::error_code router_endpoint::send_to(std::string_view identity, const proto::message& m)
{
    std::string payload = proto::encode_message(m);
    std::array<std::string_view, 2> parts{identity, payload};
    return channel_.send(parts);
}

void router_endpoint::close() noexcept
{
    channel_.close();
}

} // namespace hornet::cluster
