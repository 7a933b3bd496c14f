// The master's end of Locust's transport: a ZeroMQ ROUTER that binds and carries proto messages.
#pragma once

#include "cluster/endpoint_options.hpp"
#include "cluster/zmq_channel.hpp"
#include "core/error.hpp"
#include "proto/inbound.hpp"
#include "proto/message.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hornet::cluster {

/// Receives [identity, payload] from workers (Locust and Hornet alike), decoded once into the
/// worker message types, and sends [node_id, payload] to them. A frame that does not decode is
/// logged and dropped (and reported to on_bad_frame, so the master may answer `reconnect` as
/// Locust does); nothing a peer sends can throw or end the receive loop.
///
/// Handlers run on the executor given at construction. Not thread-safe (one thread/strand).
class router_endpoint
{
public:
    /// `identity` is the ZeroMQ identity of the sender; Locust replies to the message's
    /// node_id, which a well-behaved worker makes equal.
    using message_handler = std::function<void(const std::string& identity, proto::worker_message m)>;
    using bad_frame_handler = std::function<void(const std::string& identity, const core::failure& why)>;

    explicit router_endpoint(boost::asio::any_io_executor ex, endpoint_options options = {});
    ~router_endpoint();
    router_endpoint(const router_endpoint&) = delete;
    router_endpoint& operator=(const router_endpoint&) = delete;

    /// Binds tcp://host:port ("*" or "" = all interfaces, port 0 = ephemeral) and returns the
    /// port bound. EADDRINUSE when the port is taken (Locust exits 1 then).
    boost::system::result<std::uint16_t> bind(std::string_view host, std::uint16_t port);

    /// Starts delivering messages. Call after bind().
    void start(message_handler on_message, bad_frame_handler on_bad_frame = {});

    /// Sends `m` to the worker whose identity is m.node_id. A message for an unknown identity
    /// is dropped silently by ZeroMQ, as with Locust's ROUTER; an error is returned only when
    /// the socket is closed or libzmq refuses the send.
    boost::system::error_code send(const proto::message& m);
    /// Sends to an explicit identity (e.g. `reconnect` to a sender whose frame did not decode).
    boost::system::error_code send_to(std::string_view identity, const proto::message& m);

    std::uint16_t port() const noexcept { return port_; }
    void close() noexcept;

private:
    void on_frames(zmq_channel::frames& f);

    endpoint_options options_;
    zmq_channel channel_;
    std::uint16_t port_ = 0;
    message_handler on_message_;
    bad_frame_handler on_bad_frame_;
};

} // namespace hornet::cluster
