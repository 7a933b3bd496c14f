// The master role on Asio: socket and timers around master_core.
#include "cluster/master.hpp"

#include "core/log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace hornet::cluster {

namespace net = boost::asio;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

master::master(net::io_context& io, master_options options)
    : options_(std::move(options)), router_(io.get_executor(), options_.endpoint),
      core_(options_.settings,
            [this](std::string_view id, const proto::message& m) {
                if (closed_) return;
                if (auto ec = router_.send_to(id, m))
                    core::log::debug("hornet.runners",
                                     "Could not send '" + m.type + "' to " + printable_id(id) + ": " + ec.message());
            }),
      heartbeat_timer_(io), advance_timer_(io), wait_timer_(io)
{}

master::~master()
{
    shutdown();
}

boost::system::result<std::uint16_t> master::listen()
{
    auto port = router_.bind(options_.bind_host, options_.bind_port);
    if (!port) return port;
    router_.start(
        [this](const std::string& identity, proto::worker_message m) {
            core_.on_message(identity, std::move(m), clock::now());
            pump();
        },
        [this](const std::string& identity, const core::failure& why) { core_.on_bad_frame(identity, why); });
    arm_heartbeat();
    return port;
}

void master::arm_heartbeat()
{
    heartbeat_timer_.expires_after(options_.heartbeat_interval);
    heartbeat_timer_.async_wait([this](boost::system::error_code ec) {
        if (ec || closed_) return;
        core_.on_heartbeat_tick(clock::now());
        pump();
        arm_heartbeat();
    });
}

void master::pump()
{
    if (closed_) return;
    if (awaiting_quit_ && core_.active_worker_count() == 0) wait_timer_.cancel(); // stop() is done
    auto next = core_.advance(clock::now());
    if (!next) {
        if (scheduled_) advance_timer_.cancel();
        scheduled_.reset();
        return;
    }
    if (scheduled_ == next) return;
    scheduled_ = next;
    advance_timer_.expires_at(*next);
    advance_timer_.async_wait([this](boost::system::error_code ec) {
        if (ec || closed_) return;
        scheduled_.reset();
        pump();
    });
}

net::awaitable<void> master::sleep(clock::duration d)
{
    wait_timer_.expires_after(d);
    co_await wait_timer_.async_wait(net::as_tuple(net::use_awaitable));
}

net::awaitable<bool> master::prepare()
{
    // Locust's headless master: wait until --expect-workers are ready, logging once a second.
    auto started = clock::now();
    while (static_cast<std::int64_t>(core_.ready_worker_count()) < options_.expect_workers) {
        if (interrupted_) co_return false;
        if (options_.expect_workers_max_wait > 0 &&
            clock::now() - started > std::chrono::duration<double>(options_.expect_workers_max_wait)) {
            core::log::error("hornet.main", "Gave up waiting for workers to connect");
            core_.quit();
            co_return false;
        }
        core::log::info("root", "Waiting for workers to be ready, " + std::to_string(core_.ready_worker_count()) +
                                    " of " + std::to_string(options_.expect_workers) + " connected");
        co_await sleep(1s);
    }
    // A Hornet worker sends its first heartbeat right after the handshake; bounded all the same.
    for (auto until = clock::now() + 5s; options_.open_model && !core_.workers_identified() && clock::now() < until;)
        co_await sleep(100ms);
    co_return !interrupted_;
}

void master::interrupt()
{
    interrupted_ = true;
    wait_timer_.cancel();
}

void master::hurry()
{
    hurried_ = true;
    wait_timer_.cancel();
}

void master::start(std::int64_t user_count, double spawn_rate)
{
    core_.start(user_count, spawn_rate, clock::now());
    pump();
}

net::awaitable<void> master::stop(double stop_timeout)
{
    // The end of a headless run: Locust sends `quit` (not `stop`); each worker stops its users,
    // sends its last stats and `quit`. Wait for all of them, bounded.
    core_.quit();
    pump();
    auto deadline =
        clock::now() +
        std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(std::max(0.0, stop_timeout))) +
        options_.quit_grace;
    awaiting_quit_ = true;
    while (core_.active_worker_count() > 0 && !hurried_ && clock::now() < deadline) {
        wait_timer_.expires_at(deadline);
        co_await wait_timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
    awaiting_quit_ = false;
    if (core_.active_worker_count() > 0)
        core::log::warning("hornet.runners",
                           std::to_string(core_.active_worker_count()) +
                               " worker(s) did not confirm the quit; their last statistics may be missing");
}

net::awaitable<void> master::end_test(double stop_timeout)
{
    // Locust's master stop(): `stop` to every worker, then wait (bounded) until they report no
    // users; each comes back with client_ready and is ready for the next test.
    core_.stop();
    pump();
    auto deadline =
        clock::now() +
        std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(std::max(0.0, stop_timeout))) +
        options_.quit_grace;
    while (core_.user_count() > 0 && !hurried_ && !closed_ && clock::now() < deadline) co_await sleep(200ms);
}

void master::shutdown()
{
    if (closed_) return;
    closed_ = true;
    heartbeat_timer_.cancel();
    advance_timer_.cancel();
    wait_timer_.cancel();
    router_.close();
}

net::awaitable<std::int64_t> master::collect(clock::time_point)
{
    // Nothing to wait for: the reports are in as they arrived, each with its worker's users.
    core_.flush_stats();
    co_return core_.stats_user_count();
}

void master::reset_stats()
{
    core_.stats().reset();
}

void master::start_rate(const runtime::open_model& model)
{
    refused_ = !core_.start_rate(model, clock::now());
    pump();
}

} // namespace hornet::cluster
