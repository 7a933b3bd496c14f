// dealer_endpoint: connect with an identity, one frame per message, connection events from a
// ZeroMQ socket monitor.
#include "cluster/dealer_endpoint.hpp"

#include "cluster/socket_options.hpp"
#include "cluster/zmq_error.hpp"
#include "core/log.hpp"

#include <zmq.h>

#include <array>
#include <atomic>
#include <cstring>

namespace hornet::cluster {

namespace {

std::string next_monitor_address()
{
    static std::atomic<unsigned> counter{0};
    return "inproc://hornet-dealer-monitor-" + std::to_string(counter.fetch_add(1));
}

} // namespace

dealer_endpoint::dealer_endpoint(boost::asio::any_io_executor ex, std::string identity, endpoint_options options)
    : options_(options), identity_(std::move(identity)), channel_(ex), monitor_(ex)
{}

dealer_endpoint::~dealer_endpoint()
{
    close();
}

boost::system::error_code dealer_endpoint::connect(std::string_view host, std::uint16_t port)
{
    host_ = std::string(host);
    port_ = port;
    return open();
}

boost::system::error_code dealer_endpoint::open()
{
    close();
    // One context for the endpoint's life: a new one per reconnect would make the old one's
    // termination wait for its linger on this thread.
    if (!context_) context_ = zmq_channel::make_context();
    const auto& context = context_;
    if (auto ec = channel_.open(context, ZMQ_DEALER)) return ec;
    void* s = channel_.handle();
    auto ec = apply_socket_options(s, options_);
    int one = 1;
    if (!ec && zmq_setsockopt(s, ZMQ_ROUTING_ID, identity_.data(), identity_.size()) != 0) ec = last_zmq_error();
    if (!ec && is_ipv6_literal(host_) && zmq_setsockopt(s, ZMQ_IPV6, &one, sizeof one) != 0) ec = last_zmq_error();
    // The monitor must exist before connect() or the first handshake could go unreported.
    const std::string monitor_address = next_monitor_address();
    if (!ec &&
        zmq_socket_monitor(s, monitor_address.c_str(), ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED) != 0)
        ec = last_zmq_error();
    if (!ec) ec = monitor_.open(context, ZMQ_PAIR);
    if (!ec && zmq_connect(monitor_.handle(), monitor_address.c_str()) != 0) ec = last_zmq_error();
    if (!ec && zmq_connect(s, tcp_endpoint(host_, port_).c_str()) != 0) ec = last_zmq_error();
    if (ec) {
        close();
        return ec;
    }
    if (started_) {
        channel_.start([this](zmq_channel::frames& f) { on_frames(f); });
        monitor_.start([this](zmq_channel::frames& f) { on_monitor(f); });
    }
    return {};
}

void dealer_endpoint::start(message_handler on_message, connection_handler on_connection)
{
    on_message_ = std::move(on_message);
    on_connection_ = std::move(on_connection);
    started_ = true;
    channel_.start([this](zmq_channel::frames& f) { on_frames(f); });
    monitor_.start([this](zmq_channel::frames& f) { on_monitor(f); });
}

void dealer_endpoint::on_frames(zmq_channel::frames& f)
{
    if (f.empty()) return;
    auto m = proto::decode_master_message(f.back(), options_.decode_limits);
    if (!m) {
        core::log::warning("hornet.cluster", "dropped a malformed message from the master: " + m.error().detail);
        return;
    }
    if (on_message_) on_message_(std::move(*m));
}

void dealer_endpoint::on_monitor(zmq_channel::frames& f)
{
    // Frame 1: 16-bit event and 32-bit value in host order; frame 2: the endpoint.
    if (f.empty() || f.front().size() < 2) return;
    std::uint16_t event = 0;
    std::memcpy(&event, f.front().data(), sizeof event);
    if (event == ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
        set_connected(true);
    else if (event == ZMQ_EVENT_DISCONNECTED)
        set_connected(false);
}

void dealer_endpoint::set_connected(bool c)
{
    if (c == connected_) return;
    connected_ = c;
    if (on_connection_) on_connection_(c);
}

boost::system::error_code dealer_endpoint::send(const proto::message& m)
{
    std::string payload = proto::encode_message(m);
    std::array<std::string_view, 1> parts{payload};
    return channel_.send(parts);
}

boost::system::error_code dealer_endpoint::reconnect()
{
    auto ec = open();
    // The new socket starts disconnected; its handshake will report `true` again.
    set_connected(false);
    return ec;
}

void dealer_endpoint::close() noexcept
{
    channel_.close();
    monitor_.close();
}

} // namespace hornet::cluster
