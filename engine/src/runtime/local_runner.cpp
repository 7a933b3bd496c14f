// Local runner: Locust's spawn pacing and stop semantics over N engine threads.
#include "runtime/local_runner.hpp"

#include "core/fd_limit.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "runtime/arrival_executor.hpp"
#include "runtime/json_user.hpp"
#include "runtime/native_user.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace hornet::runtime {

namespace net = boost::asio;
using namespace std::chrono_literals;

namespace {

net::awaitable<void> sleep_for(std::chrono::steady_clock::duration d)
{
    net::steady_timer t(co_await net::this_coro::executor, d);
    co_await t.async_wait(net::as_tuple(net::use_awaitable));
}

void log_failure(std::exception_ptr e, const char* what)
{
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        core::log::error("hornet.runners", std::string(what) + ": " + ex.what());
    }
}

} // namespace

local_runner::local_runner(net::io_context& control, const std::vector<compiled_class>& classes, unsigned threads,
                           const http::client_config& config)
    : control_(control), classes_(classes), users_gone_(control), picker_([&] {
          std::vector<const scenario::user_class*> sources;
          for (const auto& c : classes) sources.push_back(c.source);
          return sources;
      }()),
      class_counts_(classes.size())
{
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.push_back(std::make_unique<engine_thread>(i, config));
    thread_counts_.resize(threads_.size());
}

local_runner::~local_runner()
{
    for (auto& t : threads_) t->io().stop();
}

void local_runner::start_threads()
{
    for (auto& t : threads_) t->start();
}

std::map<std::string, std::int64_t> local_runner::class_counts() const
{
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < classes_.size(); ++i)
        out[classes_[i].source->name] = static_cast<std::int64_t>(class_counts_[i]);
    for (const auto& [id, cls] : gave_up_) --out[classes_[cls].source->name];
    return out;
}

std::string local_runner::spawned_summary() const
{
    // Locust: All users spawned: {"A": 1, "B": 3} (4 total users) — classes sorted by name.
    std::string out = "{";
    bool first = true;
    for (const auto& [name, count] : class_counts()) {
        out += (first ? "" : ", ") + nlohmann::json(name).dump() + ": " + std::to_string(count);
        first = false;
    }
    return out + "} (" + std::to_string(user_count()) + " total users)";
}

void local_runner::start(std::int64_t user_count, double spawn_rate)
{
    if (state_ == state::ready || state_ == state::stopped) reset_stats(true);
    state_ = state::spawning;
    warn_if_short_of_files(user_count);
    core::log::info("hornet.runners", "Ramping to " + std::to_string(user_count) + " users at a rate of " +
                                          core::fixed(spawn_rate, 2) + " per second");
    auto generation = ++generation_;
    net::co_spawn(control_, ramp(generation, user_count, spawn_rate),
                  [](std::exception_ptr e) { log_failure(e, "ramp failed"); });
}

net::awaitable<void> local_runner::ramp(std::uint64_t generation, std::int64_t target, double rate)
{
    // Locust's pacing: k = max(1, floor(rate)) users per step, steps k / rate seconds apart.
    auto per_step = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(rate)));
    auto interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(rate > 0 ? static_cast<double>(per_step) / rate : 0.0));
    auto next = std::chrono::steady_clock::now();
    for (;;) {
        if (generation != generation_) co_return;
        // Places, not running users: a user whose on_start failed is not replaced (as in Locust).
        auto current = static_cast<std::int64_t>(live_.size());
        if (current == target) break;
        auto n = std::min<std::int64_t>(per_step, std::abs(target - current));
        for (std::int64_t i = 0; i < n; ++i) {
            if (target > current)
                add_user();
            else
                remove_user(stop_timeout_ <= 0);
        }
        core::log::debug("hornet.runners", std::to_string(n) +
                                               (target > current ? " users spawned" : " users stopped") + ", " +
                                               std::to_string(live_.size()) + " of " + std::to_string(target));
        if (static_cast<std::int64_t>(live_.size()) == target) break;
        next += interval;
        co_await sleep_for(next - std::chrono::steady_clock::now());
    }
    if (generation != generation_) co_return;
    state_ = state::running;
    core::log::info("hornet.runners", "All users spawned: " + spawned_summary());
    if (on_spawning_complete) on_spawning_complete();
}

std::vector<double> local_runner::class_rates_of(const open_model& model) const
{
    std::vector<double> rates(classes_.size(), 0.0);
    if (model.rate > 0) {
        // As users are shared out by weight in the closed model, starts are here.
        double total = 0;
        for (const auto& c : classes_) total += std::max(0.0, c.source->weight);
        for (std::size_t i = 0; i < classes_.size(); ++i)
            rates[i] = total > 0 ? model.rate * std::max(0.0, classes_[i].source->weight) / total
                                 : model.rate / static_cast<double>(classes_.size());
        return rates;
    }
    for (const auto& [name, rate] : model.class_rates)
        for (std::size_t i = 0; i < classes_.size(); ++i)
            if (classes_[i].source->name == name) rates[i] = rate;
    return rates;
}

void local_runner::start_rate(const open_model& model)
{
    if (state_ == state::ready || state_ == state::stopped) reset_stats(true);
    if (!open_) warn_if_short_of_files(model.max_users);
    open_ = true;
    state_ = state::running;
    ++generation_; // a closed-model ramp would fight the schedule
    const auto rates = class_rates_of(model);
    double total = 0;
    for (double r : rates) total += r;
    core::log::info("hornet.runners", "Starting " + core::fixed(total, 2) + " iterations per second (" +
                                          (model.arrival == arrival_kind::poisson ? "poisson" : "constant") +
                                          " arrivals) with a pool of up to " + std::to_string(model.max_users) +
                                          " users");
    // Few users cannot be shared by many threads: each thread that takes starts needs one.
    const auto used = static_cast<std::size_t>(
        std::clamp<std::int64_t>(model.max_users, 1, static_cast<std::int64_t>(threads_.size())));
    const auto max_users = static_cast<std::size_t>(std::max<std::int64_t>(model.max_users, 1));
    auto to_duration = [](double s) {
        return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
    };
    for (std::size_t i = 0; i < threads_.size(); ++i) {
        arrival_executor::settings settings;
        settings.kind = model.arrival;
        settings.late_after = to_duration(model.late_tolerance);
        settings.drop_after = to_duration(model.drop_after);
        if (i < used) {
            settings.max_users = max_users / used + (i < max_users % used ? 1 : 0);
            for (std::size_t c = 0; c < classes_.size(); ++c)
                if (rates[c] > 0)
                    settings.streams.push_back({&classes_[c], rates[c] / static_cast<double>(used),
                                                (static_cast<double>(i) + model.phase) / static_cast<double>(used)});
        }
        engine_thread& t = *threads_[i];
        net::post(t.io(), [this, &t, settings = std::move(settings)] {
            t.arrivals().apply(settings, [this, &t](const compiled_class& c) { add_pooled_user(t, c); });
        });
    }
}

void local_runner::add_pooled_user(engine_thread& t, const compiled_class& c)
{
    // On t's thread: only the atomics of the runner are touched here.
    const auto id = next_id_++;
    ++alive_;
    ++pooled_;
    auto life = c.source->native ? native_user::run(t, c, id, true) : json_user::run(t, c, id, true);
    net::co_spawn(t.io(), std::move(life), [this](std::exception_ptr e, bool) {
        log_failure(e, "user ended with an error");
        --pooled_;
        if (--alive_ == 0) net::post(control_, [this] { users_gone_.cancel(); });
    });
}

void local_runner::warn_if_short_of_files(std::int64_t users)
{
    if (warned_short_of_files_ || users <= 0) return;
    auto limit = core::fd_limit();
    if (!limit) return;
    auto text = core::fd_limit_warning(static_cast<std::uint64_t>(users), *limit);
    if (text.empty()) return;
    warned_short_of_files_ = true;
    core::log::warning("hornet.runners", text);
}

void local_runner::add_user()
{
    std::vector<std::size_t> counts = class_counts_;
    auto cls = picker_.next(counts);
    if (cls == class_picker::npos) return;
    add_user_of(cls);
}

void local_runner::add_user_of(std::size_t cls)
{
    auto thread =
        static_cast<unsigned>(std::min_element(thread_counts_.begin(), thread_counts_.end()) - thread_counts_.begin());
    live_user u{next_id_++, thread, cls};
    live_.push_back(u);
    ++class_counts_[cls];
    ++thread_counts_[thread];
    ++alive_;
    engine_thread& t = *threads_[thread];
    const compiled_class& c = classes_[cls];
    if (core::log::enabled(core::log_level::debug))
        core::log::debug("hornet.runners", "Starting user " + std::to_string(u.id) + " of class " + c.source->name +
                                               " on thread " + std::to_string(thread));
    auto life = c.source->native ? native_user::run(t, c, u.id) : json_user::run(t, c, u.id);
    net::co_spawn(t.io(), std::move(life), [this, id = u.id](std::exception_ptr e, bool stopped_itself) {
        log_failure(e, "user ended with an error");
        if (core::log::enabled(core::log_level::debug))
            core::log::debug("hornet.runners", "User " + std::to_string(id) + " stopped");
        if (stopped_itself) net::post(control_, [this, id] { gave_up(id); });
        if (--alive_ == 0) net::post(control_, [this] { users_gone_.cancel(); });
    });
}

void local_runner::gave_up(std::uint64_t id)
{
    // Retired meanwhile (a ramp down, a stop): nothing holds its place any more.
    for (auto it = live_.rbegin(); it != live_.rend(); ++it)
        if (it->id == id) {
            gave_up_.emplace(id, it->cls);
            return;
        }
}

void local_runner::remove_user(bool force)
{
    if (live_.empty()) return;
    live_user u = live_.back();
    live_.pop_back();
    retire(u, force);
}

void local_runner::retire(const live_user& u, bool force)
{
    --class_counts_[u.cls];
    --thread_counts_[u.thread];
    gave_up_.erase(u.id);
    stop_user(u, force);
    if (!force) {
        // Whatever is still running after stop_timeout is killed.
        net::co_spawn(
            control_,
            [this, u]() -> net::awaitable<void> {
                co_await sleep_for(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(stop_timeout_)));
                stop_user(u, true);
            },
            [](std::exception_ptr e) { log_failure(e, "stop timer failed"); });
    }
}

std::vector<std::string> local_runner::set_class_counts(const std::vector<std::pair<std::string, std::int64_t>>& counts,
                                                        double stop_timeout)
{
    ++generation_; // a ramp in progress would fight the absolute counts
    stop_timeout_ = stop_timeout;
    std::vector<std::string> unknown;
    std::vector<std::int64_t> target(classes_.size(), -1); // -1: not named, left as it is
    for (const auto& entry : counts) {
        const std::string& name = entry.first; // a plain reference: lambdas may not capture bindings (clang 14)
        auto it = std::find_if(classes_.begin(), classes_.end(), [&](const auto& c) { return c.source->name == name; });
        if (it == classes_.end())
            unknown.push_back(name);
        else
            target[static_cast<std::size_t>(it - classes_.begin())] = std::max<std::int64_t>(0, entry.second);
    }
    std::int64_t total = 0;
    for (std::size_t cls = 0; cls < classes_.size(); ++cls)
        total += target[cls] >= 0 ? target[cls] : static_cast<std::int64_t>(class_counts_[cls]);
    warn_if_short_of_files(total);
    // Start before stopping, as Locust's worker does: a graceful stop takes a while.
    for (std::size_t cls = 0; cls < classes_.size(); ++cls)
        while (target[cls] > static_cast<std::int64_t>(class_counts_[cls])) add_user_of(cls);
    std::vector<std::int64_t> excess(classes_.size(), 0);
    for (std::size_t cls = 0; cls < classes_.size(); ++cls)
        if (target[cls] >= 0) excess[cls] = static_cast<std::int64_t>(class_counts_[cls]) - target[cls];
    std::vector<live_user> removed;
    for (auto i = live_.size(); i-- > 0;) { // newest first
        if (excess[live_[i].cls] <= 0) continue;
        --excess[live_[i].cls];
        removed.push_back(live_[i]);
        live_[i].id = 0; // ids start at 1
    }
    std::erase_if(live_, [](const live_user& u) { return u.id == 0; });
    for (const auto& u : removed) retire(u, stop_timeout <= 0);
    state_ = state::running;
    return unknown;
}

void local_runner::stop_user(const live_user& u, bool force)
{
    engine_thread& t = *threads_[u.thread];
    net::post(t.io(), [&t, id = u.id, force] {
        if (stoppable* p = t.find_user(id)) p->request_stop(force);
    });
}

void local_runner::kill_all_remaining()
{
    for (auto& tp : threads_) {
        engine_thread& t = *tp;
        net::post(t.io(), [&t] {
            for (auto& [id, u] : t.users()) u->request_stop(true);
        });
    }
}

net::awaitable<void> local_runner::stop(double stop_timeout)
{
    ++generation_; // ends any ramp in progress
    state_ = state::stopping;
    stop_timeout_ = stop_timeout;
    bool force = stop_timeout <= 0;
    core::log::debug("hornet.runners", "Stopping all users (" + std::to_string(user_count()) + " running)");
    for (auto it = live_.rbegin(); it != live_.rend(); ++it) stop_user(*it, force);
    live_.clear();
    gave_up_.clear();
    if (open_) {
        // The schedule ends first, so no new user or iteration starts behind the stop.
        for (auto& tp : threads_) {
            engine_thread& t = *tp;
            net::post(t.io(), [&t, force] {
                t.arrivals().stop();
                for (auto& [id, u] : t.users()) u->request_stop(force);
            });
        }
    }
    std::fill(class_counts_.begin(), class_counts_.end(), 0);
    std::fill(thread_counts_.begin(), thread_counts_.end(), 0);

    co_await wait_for_users(std::chrono::steady_clock::now() +
                            std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(std::max(0.0, stop_timeout))));
    if (alive_.load() > 0 && !hurried_) {
        if (!force)
            core::log::info("hornet.runners", "Not all users finished their tasks & terminated in " +
                                                  core::seconds_text(stop_timeout) + " seconds. Stopping them...");
        kill_all_remaining();
        // Killed users still run on_stop (as in Locust); give them a bounded moment.
        co_await wait_for_users(std::chrono::steady_clock::now() + on_stop_grace);
    }
    // Answers to a collect that gave up waiting may still be queued for the control thread,
    // where shutdown() would not see them: one more round comes after them from every thread.
    core::log::debug("hornet.runners", "All users stopped, " + std::to_string(alive_.load()) + " still running");
    if (!hurried_) co_await collect(std::chrono::steady_clock::now() + 1s);
    state_ = state::stopped;
}

net::awaitable<void> local_runner::wait_for_users(std::chrono::steady_clock::time_point deadline)
{
    // The last user to end cancels the timer (posted from its thread); a cancellation left over
    // from an earlier moment at zero only costs one more round.
    while (alive_.load() > 0 && !hurried_ && std::chrono::steady_clock::now() < deadline) {
        users_gone_.expires_at(deadline);
        co_await users_gone_.async_wait(net::as_tuple(net::use_awaitable));
    }
}

void local_runner::hurry()
{
    if (hurried_) return;
    hurried_ = true;
    kill_all_remaining();
    users_gone_.cancel();
}

void local_runner::shutdown()
{
    for (auto& t : threads_) {
        if (alive_.load() > 0) t->io().stop(); // users that would not end: don't hang the exit
        t->join();
        stats_.merge(t->stats().take());
    }
}

net::awaitable<std::int64_t> local_runner::collect(std::chrono::steady_clock::time_point deadline)
{
    // Each collect has its own count and timer: a worker may collect for its periodic report
    // while its quit handler collects for the last one. Answers that come after `deadline`
    // still merge (nothing is lost) and only find the round closed.
    struct round
    {
        std::size_t pending;
        net::steady_timer* waiter;
    };
    net::steady_timer all_in(control_, deadline);
    auto r = std::make_shared<round>(round{threads_.size(), &all_in});
    const auto users = user_count();
    const auto epoch = stats_epoch_;
    for (auto& tp : threads_) {
        engine_thread& t = *tp;
        net::post(t.io(), [this, &t, epoch, r] {
            net::post(control_, [this, epoch, r, delta = t.stats().take()]() mutable {
                if (epoch == stats_epoch_) {
                    if (on_delta)
                        on_delta(std::move(delta));
                    else
                        stats_.merge(delta);
                }
                if (--r->pending == 0 && r->waiter) r->waiter->cancel();
            });
        });
    }
    while (r->pending > 0 && std::chrono::steady_clock::now() < deadline)
        co_await all_in.async_wait(net::as_tuple(net::use_awaitable));
    r->waiter = nullptr;
    co_return users;
}

void local_runner::reset_stats(bool clear)
{
    ++stats_epoch_;
    for (auto& tp : threads_) {
        engine_thread& t = *tp;
        net::post(t.io(), [&t] { t.stats().take(); });
    }
    if (clear)
        stats_.clear(); // a new test forgets everything, exceptions included
    else
        stats_.reset(); // --reset-stats keeps the rows and the exceptions, as Locust
}

} // namespace hornet::runtime
