// The worker role: handshake, message loop, heartbeats, stats reports, master-loss detection.
#include "cluster/worker.hpp"
#include "cluster/rate_share.hpp"

#include "cluster/node_id.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "proto/stats_codec.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <utility>

namespace hornet::cluster {

namespace net = boost::asio;
using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr const char* logger = "hornet.worker";
// Each `exception` message counts once on the master; a storm is capped per report.
constexpr std::uint64_t max_exception_messages = 100;

net::awaitable<void> sleep_for(clock_type::duration d)
{
    net::steady_timer t(co_await net::this_coro::executor, d);
    co_await t.async_wait(net::as_tuple(net::use_awaitable));
}

clock_type::duration seconds(double s)
{
    return std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(std::max(0.0, s)));
}

std::string seconds_text(std::chrono::milliseconds d)
{
    return core::seconds_text(std::chrono::duration<double>(d).count());
}

void log_exception(std::exception_ptr e, const char* what)
{
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        core::log::error(logger, std::string(what) + ": " + ex.what());
    }
}

} // namespace

worker::worker(net::io_context& io, const scenario::model& model, worker_settings settings)
    : io_(io), model_(model), settings_(std::move(settings)),
      dealer_(io.get_executor(), settings_.node_id.empty() ? make_node_id() : settings_.node_id, settings_.endpoint),
      wake_(io), heartbeat_timer_(io), stats_timer_(io)
{}

worker::~worker()
{
    close();
}

void worker::close() noexcept
{
    finished_ = true;
    wake_.cancel();
    heartbeat_timer_.cancel();
    stats_timer_.cancel();
    dealer_.close();
}

void worker::request_quit()
{
    if (quit_requested_) {
        if (runner_) runner_->hurry();
        return;
    }
    quit_requested_ = true;
    push(quit_requested{}, true);
}

void worker::push(event e, bool urgent)
{
    if (urgent)
        inbox_.push_front(std::move(e));
    else
        inbox_.push_back(std::move(e));
    wake_.cancel();
}

net::awaitable<void> worker::wait_inbox(clock_type::time_point deadline)
{
    if (!inbox_.empty() || finished_) co_return;
    wake_.expires_at(deadline);
    co_await wake_.async_wait(net::as_tuple(net::use_awaitable));
}

void worker::on_message(proto::master_message m)
{
    std::visit(
        [&](auto& body) {
            using T = std::decay_t<decltype(body)>;
            // Answers the loop does not need to see: they must not wait behind a long stop.
            if constexpr (std::is_same_v<T, proto::ack>) {
                if (!acked_)
                    core::log::info(logger, "Connected to the master" +
                                                (body.index ? " (worker index " + std::to_string(*body.index) + ")"
                                                            : std::string()));
                acked_ = true;
                master_takes_logs_ = body.hornet_version.has_value();
                wake_.cancel();
            } else if constexpr (std::is_same_v<T, proto::heartbeat_reply>) {
                last_master_heartbeat_ = clock_type::now(); // masters >= 2.19 and Hornet answer every heartbeat
            } else if constexpr (std::is_same_v<T, proto::malformed>) {
                core::log::error(logger, "Ignored a malformed " + body.type + " message: " + body.why.detail);
            } else if constexpr (std::is_same_v<T, proto::unhandled>) {
                if (body.known)
                    push(notice{std::move(body.type)}, false);
                else
                    core::log::warning(logger, "Unknown message type received: " + body.type);
            } else {
                push(std::move(body), false); // the commands: spawn, stop, quit, reconnect
            }
        },
        m.body);
}

void worker::on_connection(bool connected)
{
    if (connected) {
        if (disconnected_since_) core::log::info(logger, "Connection to the master is back");
        disconnected_since_.reset();
        return;
    }
    if (!disconnected_since_) {
        disconnected_since_ = clock_type::now();
        if (acked_)
            core::log::warning(logger, "Lost the connection to the master; giving up if it is not back within " +
                                           seconds_text(settings_.master_timeout) + " seconds");
    }
}

bool worker::send(const proto::message& m)
{
    auto ec = dealer_.send(m);
    if (!ec) {
        send_failing_ = false;
        return true;
    }
    if (!send_failing_)
        core::log::error(logger, "Temporary connection lost to master server: " + ec.message() + ", will retry later.");
    send_failing_ = true;
    return false;
}

net::awaitable<int> worker::run()
{
    if (auto ec = dealer_.connect(settings_.master_host, settings_.master_port)) {
        core::log::error(logger, "Failed to connect to the master at " + settings_.master_host + ":" +
                                     std::to_string(settings_.master_port) + ": " + ec.message());
        co_return worker_never_acked;
    }
    dealer_.start([this](proto::master_message m) { on_message(std::move(m)); }, [this](bool c) { on_connection(c); });
    core::log::info(logger, std::string("Starting Hornet ") + HORNET_VERSION + " as worker " + node_id() +
                                ", master at " + settings_.master_host + ":" + std::to_string(settings_.master_port));

    if (!co_await handshake()) {
        if (quit_requested_) co_return worker_done;
        core::log::error(logger, "Failed to connect to the Locust master: no answer after " +
                                     std::to_string(settings_.connect_retries) + " attempts");
        co_return worker_never_acked;
    }

    auto ex = co_await net::this_coro::executor;
    net::co_spawn(ex, heartbeat_loop(), [](std::exception_ptr e) { log_exception(e, "heartbeat loop failed"); });
    net::co_spawn(ex, stats_loop(), [](std::exception_ptr e) { log_exception(e, "stats loop failed"); });

    for (;;) {
        while (inbox_.empty()) co_await wait_inbox(clock_type::now() + 1h);
        event e = std::move(inbox_.front());
        inbox_.pop_front();
        if (auto code = co_await handle(std::move(e))) {
            finished_ = true;
            heartbeat_timer_.cancel();
            stats_timer_.cancel();
            if (runner_) runner_->shutdown();
            co_return *code;
        }
    }
}

net::awaitable<bool> worker::handshake()
{
    // Locust's worker: client_ready, wait CONNECT_TIMEOUT for the ack, retry.
    // -1 for the version: every master (2.12, newest, Hornet) accepts it without a version
    // warning; a Hornet master tells Hornet workers by the hornet_version of their heartbeats.
    for (int attempt = 0; attempt < settings_.connect_retries && !acked_ && !quit_requested_; ++attempt) {
        send(proto::make_message(proto::client_ready{"", true}, node_id()));
        auto deadline = clock_type::now() + settings_.connect_timeout;
        while (!acked_ && !quit_requested_ && clock_type::now() < deadline) {
            wake_.expires_at(deadline);
            co_await wake_.async_wait(net::as_tuple(net::use_awaitable));
        }
    }
    co_return acked_ && !quit_requested_;
}

net::awaitable<void> worker::heartbeat_loop()
{
    while (!finished_) {
        check_master();
        send_heartbeat();
        send_logs();
        heartbeat_timer_.expires_after(settings_.heartbeat_interval);
        co_await heartbeat_timer_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

void worker::send_heartbeat()
{
    static constexpr const char* names[] = {"ready", "spawning", "running"};
    proto::heartbeat hb{names[static_cast<int>(state_)], usage_.cpu_percent(), process_usage::rss_bytes(),
                        HORNET_VERSION};
    if (!send(proto::make_message(hb, node_id())) && dealer_.connected()) {
        // Locust resets its socket when a heartbeat cannot be sent.
        core::log::info(logger, "Reset connection to master");
        dealer_.reconnect();
    }
}

void worker::send_logs()
{
    // Every 10 s when there is something new, as Locust's workers do.
    constexpr auto interval = std::chrono::seconds(10);
    const auto now = clock_type::now();
    if (!master_takes_logs_ || (next_logs_ && now < *next_logs_)) return;
    next_logs_ = now + interval;
    proto::worker_logs m{node_id(), core::log::lines_after(logs_sent_)};
    if (!m.logs.empty()) send(proto::make_message(m, node_id()));
}

void worker::check_master()
{
    if (lost_reported_) return;
    auto now = clock_type::now();
    std::string why;
    if (last_master_heartbeat_ && now - *last_master_heartbeat_ > settings_.master_timeout)
        why = "Didn't get heartbeat from master in over " + seconds_text(settings_.master_timeout) + "s";
    else if (disconnected_since_ && now - *disconnected_since_ > settings_.master_timeout)
        why = "No connection to the master for over " + seconds_text(settings_.master_timeout) + "s";
    if (why.empty()) return;
    lost_reported_ = true;
    core::log::error(logger, why + ": stopping the users and exiting");
    push(master_lost{}, true);
}

net::awaitable<void> worker::stats_loop()
{
    while (!finished_) {
        stats_timer_.expires_after(settings_.stats_interval);
        co_await stats_timer_.async_wait(net::as_tuple(net::use_awaitable));
        if (finished_) break;
        co_await send_stats();
    }
}

net::awaitable<std::optional<int>> worker::handle(event e)
{
    // The alternatives' handlers suspend, so this is an if-chain over the variant, not a visit.
    if (auto* job = std::get_if<proto::spawn>(&e)) {
        co_await on_spawn(*job);
    } else if (std::holds_alternative<proto::stop>(e)) {
        co_await on_stop();
    } else if (std::holds_alternative<proto::quit>(e) || std::holds_alternative<quit_requested>(e)) {
        core::log::info(logger, std::holds_alternative<proto::quit>(e)
                                    ? "Got quit message from master, shutting down..."
                                    : "Shutting down...");
        co_await stop_users(stop_timeout_);
        co_await send_stats(); // the last samples
        send(proto::make_message(proto::quit{}, node_id()));
        co_return worker_done;
    } else if (std::holds_alternative<master_lost>(e)) {
        co_await stop_users(0);
        co_return worker_master_lost;
    } else if (std::holds_alternative<proto::reconnect>(e)) {
        core::log::warning(logger, "Received reconnect message from master. Resetting RPC connection.");
        if (auto ec = dealer_.reconnect()) core::log::error(logger, "Reconnect failed: " + ec.message());
    } else if (auto* n = std::get_if<notice>(&e)) {
        core::log::debug(logger, "Ignored " + n->type + " message from master");
    }
    co_return std::nullopt;
}

net::awaitable<void> worker::on_spawn(const proto::spawn& job)
{
    send(proto::make_message(proto::spawning{}, node_id()));
    if (job.timestamp <= last_spawn_timestamp_) {
        core::log::info(logger,
                        "Discard spawn message with older or equal timestamp than timestamp of previous spawn message");
        co_return;
    }
    last_spawn_timestamp_ = job.timestamp;
    stop_timeout_ = job.stop_timeout.value_or(0);
    // As Locust: the master's host wins; without one the worker's -H, then the scenario's.
    const std::string host = job.host && !job.host->empty() ? *job.host : settings_.host;

    if (state_ == state::ready) { // a new test
        reported_unknown_.clear();
        prepare_runner(host);
        if (runner_) runner_->reset_stats(true);
        buffer_.clear();
    }
    state_ = state::spawning;
    // A Hornet master's rate test: this worker's share of the rate instead of user counts.
    std::string share_error;
    const auto share = rate_share_of(job.parsed_options, share_error);
    if (!share_error.empty()) report_error(share_error);
    if (runner_ && share) {
        runner_->start_rate(*share);
    } else if (runner_ && share_error.empty()) {
        for (const auto& name : runner_->set_class_counts(job.user_classes_count, stop_timeout_)) {
            auto it = std::find_if(job.user_classes_count.begin(), job.user_classes_count.end(),
                                   [&](const auto& p) { return p.first == name; });
            if (it == job.user_classes_count.end() || it->second <= 0 || !reported_unknown_.insert(name).second)
                continue;
            report_error("Unknown user class '" + name + "': this worker's scenario has no such class, its " +
                         std::to_string(it->second) + " users are not started");
        }
    }
    proto::spawning_complete done;
    done.user_classes_count = class_counts(&job.user_classes_count);
    for (const auto& [name, n] : *done.user_classes_count) done.user_count += n;
    send(proto::make_message(done, node_id()));
    state_ = state::running;
}

bool worker::prepare_runner(const std::string& host)
{
    if (runner_ && compiled_host_ == host) return true;
    if (runner_ && runner_->user_count() != 0) return true; // never swap classes under live users
    std::vector<runtime::compiled_class> fresh;
    if (auto compiled = runtime::compile(model_, host, settings_.http, fresh); !compiled) {
        report_error("Cannot run the scenario: " + compiled.error().detail);
        return false;
    }
    // Same classes in the same order, so a runner built on classes_ stays valid.
    classes_ = std::move(fresh);
    compiled_host_ = host;
    if (!runner_) {
        runner_ =
            std::make_unique<runtime::local_runner>(io_, classes_, std::max(1u, settings_.threads), settings_.http);
        runner_->on_delta = [this](stats::snapshot&& delta) { buffer_.add(std::move(delta)); };
        runner_->start_threads();
    }
    return true;
}

void worker::report_error(const std::string& message)
{
    core::log::error(logger, message);
    send(proto::make_message(proto::exception_report{message, ""}, node_id()));
}

net::awaitable<void> worker::on_stop()
{
    co_await stop_users(stop_timeout_);
    send(proto::make_message(proto::client_stopped{}, node_id()));
    co_await sleep_for(seconds(stop_timeout_) + settings_.extra_wait_after_stop);
    send(proto::make_message(proto::client_ready{"", true}, node_id()));
    state_ = state::ready;
}

net::awaitable<void> worker::stop_users(double stop_timeout)
{
    if (runner_) co_await runner_->stop(stop_timeout);
}

net::awaitable<void> worker::send_stats()
{
    proto::stats_report report;
    // The users go with the requests of the same moment (the master's history pairs them):
    // counted just before the threads are asked for their deltas, with no turn in between.
    report.user_classes_count = class_counts(nullptr);
    if (runner_) co_await runner_->collect(clock_type::now() + 1s);
    report.snapshot = buffer_.take();
    for (const auto& x : report.snapshot.exceptions) {
        auto n = std::min(x.count, max_exception_messages);
        for (std::uint64_t i = 0; i < n; ++i)
            send(proto::make_message(proto::exception_report{x.message, x.traceback}, node_id()));
        if (x.count > n)
            core::log::warning(logger, "Sent " + std::to_string(n) + " of " + std::to_string(x.count) +
                                           " occurrences of an exception to the master: " + x.message);
    }
    report.snapshot.exceptions.clear();
    for (const auto& [name, n] : report.user_classes_count) report.user_count += n;
    send(proto::message{std::string(proto::stats_report::type_name), proto::to_value(report), node_id()});
}

proto::class_counts worker::class_counts(const proto::class_counts* named) const
{
    // Our classes in scenario order, then (for spawning_complete) any other class the master
    // named, at 0: the master's view of this worker's users must add up.
    proto::class_counts out;
    std::map<std::string, std::int64_t> live;
    if (runner_) live = runner_->class_counts();
    for (const auto& u : model_.users) out.emplace_back(u.name, live.count(u.name) ? live[u.name] : 0);
    if (named)
        for (const auto& entry : *named) {
            const std::string& name = entry.first; // a plain reference: lambdas may not capture bindings (clang 14)
            if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.first == name; }))
                out.emplace_back(name, 0);
        }
    return out;
}

} // namespace hornet::cluster
