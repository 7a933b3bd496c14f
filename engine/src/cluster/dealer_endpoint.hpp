// The worker's end of Locust's transport: a ZeroMQ DEALER that connects with the node id as
// its identity and carries proto messages.
#pragma once

#include "cluster/endpoint_options.hpp"
#include "cluster/zmq_channel.hpp"
#include "proto/inbound.hpp"
#include "proto/message.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/system/error_code.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hornet::cluster {

/// Sends one frame per message and receives the master's messages. A frame that does not
/// decode is logged and dropped. ZeroMQ reconnects by itself after a lost connection; the
/// connection handler reports the changes (handshake done = true, disconnected = false), which
/// is how a worker notices a dead master that never sent heartbeats (Locust 2.12).
///
/// Handlers run on the executor given at construction. Not thread-safe (one thread/strand).
class dealer_endpoint
{
public:
    using message_handler = std::function<void(proto::master_message m)>;
    using connection_handler = std::function<void(bool connected)>;

    /// `identity` is the node id ("host_<32 hex>", see make_node_id()).
    dealer_endpoint(boost::asio::any_io_executor ex, std::string identity, endpoint_options options = {});
    ~dealer_endpoint();
    dealer_endpoint(const dealer_endpoint&) = delete;
    dealer_endpoint& operator=(const dealer_endpoint&) = delete;

    /// Connects to tcp://host:port. Succeeds before the master is reachable (ZeroMQ connects
    /// in the background and queues messages meanwhile); fails for a malformed address.
    boost::system::error_code connect(std::string_view host, std::uint16_t port);

    /// Starts delivering messages and connection changes. Call after connect().
    void start(message_handler on_message, connection_handler on_connection = {});

    /// Sends `m` (one frame) without blocking; EAGAIN when the queue is full.
    boost::system::error_code send(const proto::message& m);

    /// Closes the socket and connects a new one with the same identity and handlers: Locust's
    /// answer to the master's `reconnect`. Safe to call from inside the message handler.
    boost::system::error_code reconnect();

    const std::string& identity() const noexcept { return identity_; }
    /// Whether a ZMTP handshake with the master succeeded and no disconnect followed.
    bool connected() const noexcept { return connected_; }
    void close() noexcept;

private:
    boost::system::error_code open();
    void on_frames(zmq_channel::frames& f);
    void on_monitor(zmq_channel::frames& f);
    void set_connected(bool c);

    endpoint_options options_;
    std::string identity_;
    std::string host_;
    std::uint16_t port_ = 0;
    std::shared_ptr<void> context_;
    zmq_channel channel_;
    zmq_channel monitor_;
    message_handler on_message_;
    connection_handler on_connection_;
    bool connected_ = false;
    bool started_ = false;
};

} // namespace hornet::cluster
