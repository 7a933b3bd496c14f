// The master role on Asio: socket and timers around master_core.
#include "cluster/master.hpp"

#include "core/log.hpp"
#include "runtime/headless_run.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace hornet::cluster {

namespace net = boost::asio;
using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

master::master(net::io_context& io, master_options options)
    : io_(io)
    , options_(std::move(options))
    , router_(io.get_executor(), options_.endpoint)
    , core_(options_.settings,
            [this](std::string_view id, const proto::message& m) {
                if (closed_) return;
                if (auto ec = router_.send_to(id, m))
                    core::log::debug("hornet.runners", "Could not send '" + m.type + "' to " + printable_id(id) + ": " +
                                                           ec.message());
            })
    , heartbeat_timer_(io)
    , advance_timer_(io)
    , wait_timer_(io)
{
}

master::~master()
{
    shutdown();
}

boost::system::result<std::uint16_t> master::listen()
{
    auto port = router_.bind(options_.bind_host, options_.bind_port);
    if (!port) return port;
    router_.start(
        [this](const std::string& identity, proto::message m) {
            core_.on_message(identity, m, clock::now());
            pump();
        },
        [this](const std::string& identity, const std::string& reason) { core_.on_bad_frame(identity, reason); });
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
    auto deadline = clock::now() + std::chrono::duration_cast<clock::duration>(
                                       std::chrono::duration<double>(std::max(0.0, stop_timeout))) +
                    options_.quit_grace;
    while (core_.active_worker_count() > 0 && !hurried_ && clock::now() < deadline) co_await sleep(20ms);
    if (core_.active_worker_count() > 0)
        core::log::warning("hornet.runners", std::to_string(core_.active_worker_count()) +
                                                 " worker(s) did not confirm the quit; their last statistics may be missing");
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

void master::reset_stats()
{
    core_.stats().reset();
}

master_options master_options_from(const cli::options& opts, const scenario::model& model)
{
    master_options m;
    m.bind_host = opts.master_bind_host;
    m.bind_port = opts.master_bind_port;
    m.expect_workers = opts.expect_workers;
    m.expect_workers_max_wait = static_cast<double>(opts.expect_workers_max_wait);
    for (const auto& c : model.users) m.settings.classes.push_back(&c);
    if (!opts.host.empty()) m.settings.host = opts.host;
    m.settings.stop_timeout = opts.stop_timeout;

    // Python workers copy tags, exclude_tags and expect_workers from here (plus custom options);
    // Hornet workers read the same keys.
    auto tag_list = [](const std::vector<std::string>& tags) {
        if (tags.empty()) return proto::value();
        proto::value::array_type a;
        for (const auto& t : tags) a.emplace_back(t);
        return proto::value(std::move(a));
    };
    proto::value::map_type po;
    po.emplace_back(proto::value("host"), opts.host.empty() ? proto::value() : proto::value(opts.host));
    po.emplace_back(proto::value("num_users"), opts.users ? proto::value(*opts.users) : proto::value());
    po.emplace_back(proto::value("spawn_rate"), opts.spawn_rate ? proto::value(*opts.spawn_rate) : proto::value());
    po.emplace_back(proto::value("headless"), proto::value(opts.headless));
    po.emplace_back(proto::value("tags"), tag_list(opts.tags));
    po.emplace_back(proto::value("exclude_tags"), tag_list(opts.exclude_tags));
    po.emplace_back(proto::value("expect_workers"), proto::value(opts.expect_workers));
    m.settings.parsed_options = proto::value(std::move(po));
    return m;
}

int run_master(const cli::options& opts, const scenario::model& model)
{
    net::io_context io{1};
    master m(io, master_options_from(opts, model));
    auto port = m.listen();
    if (!port) {
        core::log::error("hornet.main", "Could not bind the master socket to " + opts.master_bind_host + ":" +
                                            std::to_string(opts.master_bind_port) + ": " + port.error().message());
        return 1;
    }
    core::log::debug("hornet.main", "Master listening for workers on port " + std::to_string(*port));
    return runtime::run_headless(opts, io, m);
}

} // namespace hornet::cluster
