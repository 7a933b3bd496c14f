// One ZeroMQ socket driven by an Asio executor: libzmq's ZMQ_FD is watched with a
// posix::stream_descriptor, so frames arrive on the caller's io_context with no extra thread.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::cluster {

/// Why ZMQ_FD and not a poll thread: the control loops (master, worker) are single-threaded
/// Asio code; reading the socket on the same thread needs no locks or queues, and handlers run
/// exactly where the rest of the role runs. ZMQ_FD is edge-style (it says "look at ZMQ_EVENTS
/// now"), so the channel drains until ZMQ_EVENTS has no POLLIN before waiting again, re-checks
/// after every send (a send can consume the signal), and re-checks every 100 ms as a safety net
/// against a missed edge.
///
/// Not thread-safe: use it from the thread(s) of its executor as one would a socket (a
/// single-threaded io_context or a strand).
class zmq_channel
{
public:
    /// Frames of one message. At most 3 are kept: a message with more keeps its first two
    /// and its last (Locust reads only the first, identity, and the last, payload).
    using frames = std::vector<std::string>;
    using frames_handler = std::function<void(frames&)>;

    explicit zmq_channel(boost::asio::any_io_executor ex);
    ~zmq_channel();
    zmq_channel(const zmq_channel&) = delete;
    zmq_channel& operator=(const zmq_channel&) = delete;

    /// Creates a socket of `socket_type` (ZMQ_ROUTER, ...) in `context`, which must outlive
    /// nothing: the channel shares its ownership.
    boost::system::error_code open(std::shared_ptr<void> context, int socket_type);
    bool is_open() const noexcept;

    /// The libzmq socket, for options, bind and connect; nullptr when closed.
    void* handle() const noexcept;

    /// Starts delivering messages to `on_frames` (called on the executor, never from inside
    /// send()). The handler may call send() and close().
    void start(frames_handler on_frames);

    /// Sends one multipart message without blocking: EAGAIN when the peer's queue is full
    /// (or a DEALER has no peer yet and its queue is full).
    boost::system::error_code send(std::span<const std::string_view> parts);

    /// Closes the socket (queued messages get the linger time). Idempotent; pending handlers
    /// are not called any more.
    void close() noexcept;

    /// A new shared libzmq context (one I/O thread).
    static std::shared_ptr<void> make_context();

private:
    struct impl;
    static void drain(const std::shared_ptr<impl>& self);
    static void arm_wait(const std::shared_ptr<impl>& self);
    static void arm_safety(const std::shared_ptr<impl>& self);
    static void post_drain(const std::shared_ptr<impl>& self);

    std::shared_ptr<impl> impl_;
};

} // namespace hornet::cluster
