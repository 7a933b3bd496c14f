// zmq_channel: ZMQ_FD readiness through Asio, non-blocking receive and send.
#include "cluster/zmq_channel.hpp"

#include "cluster/zmq_error.hpp"
#include "core/log.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <zmq.h>

#include <chrono>
#include <optional>

namespace hornet::cluster {

namespace net = boost::asio;

namespace {

// Messages handled per turn before yielding to other work on the executor.
constexpr int drain_budget = 256;
constexpr std::chrono::milliseconds safety_interval{100};

} // namespace

struct zmq_channel::impl
{
    explicit impl(net::any_io_executor e) : ex(e), safety(e) {}

    net::any_io_executor ex;
    std::shared_ptr<void> context;
    void* socket = nullptr;
    std::optional<net::posix::stream_descriptor> fd;
    net::steady_timer safety;
    frames_handler on_frames;
    bool started = false;
    bool waiting = false;
    bool drain_posted = false;

    void close() noexcept
    {
        if (!socket) return;
        boost::system::error_code ignored;
        safety.cancel();
        if (fd) {
            fd->cancel(ignored);
            fd->release(); // libzmq owns the descriptor: Asio must not close it
            fd.reset();
        }
        zmq_close(socket);
        socket = nullptr;
        on_frames = nullptr;
    }

    ~impl() { close(); }
};

zmq_channel::zmq_channel(net::any_io_executor ex) : impl_(std::make_shared<impl>(ex)) {}

zmq_channel::~zmq_channel()
{
    close();
}

std::shared_ptr<void> zmq_channel::make_context()
{
    void* ctx = zmq_ctx_new();
    if (!ctx) return {};
    // zmq_ctx_term waits for the sockets' linger, so the last messages still go out.
    return std::shared_ptr<void>(ctx, [](void* c) { zmq_ctx_term(c); });
}

boost::system::error_code zmq_channel::open(std::shared_ptr<void> context, int socket_type)
{
    close();
    auto fresh = std::make_shared<impl>(impl_->ex);
    impl_ = fresh;
    if (!context) return make_zmq_error(EINVAL);
    void* s = zmq_socket(context.get(), socket_type);
    if (!s) return last_zmq_error();
    int fd = -1;
    std::size_t len = sizeof fd;
    if (zmq_getsockopt(s, ZMQ_FD, &fd, &len) != 0) {
        auto ec = last_zmq_error();
        zmq_close(s);
        return ec;
    }
    boost::system::error_code ec;
    fresh->fd.emplace(fresh->ex);
    fresh->fd->assign(fd, ec);
    if (ec) {
        fresh->fd.reset();
        zmq_close(s);
        return ec;
    }
    fresh->context = std::move(context);
    fresh->socket = s;
    return {};
}

bool zmq_channel::is_open() const noexcept
{
    return impl_->socket != nullptr;
}

void* zmq_channel::handle() const noexcept
{
    return impl_->socket;
}

void zmq_channel::start(frames_handler on_frames)
{
    if (!impl_->socket) return;
    impl_->on_frames = std::move(on_frames);
    if (impl_->started) return;
    impl_->started = true;
    post_drain(impl_);
    arm_safety(impl_);
}

boost::system::error_code zmq_channel::send(std::span<const std::string_view> parts)
{
    if (!impl_->socket) return make_zmq_error(ENOTSOCK);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        int flags = ZMQ_DONTWAIT | (i + 1 < parts.size() ? ZMQ_SNDMORE : 0);
        if (zmq_send(impl_->socket, parts[i].data(), parts[i].size(), flags) < 0) {
            // libzmq sends multipart messages atomically: after the first part either all
            // parts are queued or, on failure of the first, none.
            auto ec = last_zmq_error();
            if (impl_->started) post_drain(impl_);
            return ec;
        }
    }
    // The send may have processed libzmq's command mailbox and with it the ZMQ_FD signal of a
    // message that arrived meanwhile.
    if (impl_->started) post_drain(impl_);
    return {};
}

void zmq_channel::close() noexcept
{
    impl_->close();
}

void zmq_channel::post_drain(const std::shared_ptr<impl>& self)
{
    if (self->drain_posted) return;
    self->drain_posted = true;
    net::post(self->ex, [self] {
        self->drain_posted = false;
        drain(self);
    });
}

void zmq_channel::arm_wait(const std::shared_ptr<impl>& self)
{
    if (self->waiting || !self->fd) return;
    self->waiting = true;
    self->fd->async_wait(net::posix::stream_descriptor::wait_read, [self](boost::system::error_code ec) {
        self->waiting = false;
        if (ec || !self->socket) return;
        drain(self);
    });
}

void zmq_channel::arm_safety(const std::shared_ptr<impl>& self)
{
    self->safety.expires_after(safety_interval);
    self->safety.async_wait([self](boost::system::error_code ec) {
        if (ec || !self->socket) return;
        drain(self);
        arm_safety(self);
    });
}

namespace {

// Reads one whole multipart message; false when none is waiting.
bool receive_one(void* socket, zmq_channel::frames& out, boost::system::error_code& ec)
{
    out.clear();
    zmq_msg_t part;
    zmq_msg_init(&part);
    bool more = true;
    while (more) {
        if (zmq_msg_recv(&part, socket, ZMQ_DONTWAIT) < 0) {
            int e = zmq_errno();
            zmq_msg_close(&part);
            if (e != EAGAIN) ec = make_zmq_error(e);
            return !out.empty(); // parts of one message arrive together, so only the first can fail
        }
        std::string_view bytes(static_cast<const char*>(zmq_msg_data(&part)), zmq_msg_size(&part));
        if (out.size() < 3)
            out.emplace_back(bytes);
        else
            out.back().assign(bytes);
        more = zmq_msg_more(&part) != 0;
    }
    zmq_msg_close(&part);
    return true;
}

} // namespace

void zmq_channel::drain(const std::shared_ptr<impl>& self)
{
    frames f;
    for (int budget = drain_budget; budget > 0; --budget) {
        if (!self->socket) return;
        int events = 0;
        std::size_t len = sizeof events;
        if (zmq_getsockopt(self->socket, ZMQ_EVENTS, &events, &len) != 0) {
            core::log::error("hornet.cluster", "ZeroMQ socket failed: " + last_zmq_error().message());
            return;
        }
        if (!(events & ZMQ_POLLIN)) {
            arm_wait(self);
            return;
        }
        boost::system::error_code ec;
        if (!receive_one(self->socket, f, ec)) {
            if (ec) core::log::warning("hornet.cluster", "ZeroMQ receive failed: " + ec.message());
            continue;
        }
        if (self->on_frames) {
            // Keep the handler alive even if it closes the channel (which resets on_frames).
            auto handler = self->on_frames;
            handler(f);
        }
    }
    post_drain(self); // more to read: let other work run first
}

} // namespace hornet::cluster
