// Master protocol logic: handshake, liveness, dispatch iterations, stats merging.
#include "cluster/master_core.hpp"
#include "cluster/rate_share.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"
#include "proto/stats_codec.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace hornet::cluster {

namespace {

constexpr std::string_view logger = "hornet.runners";

} // namespace

std::string_view to_string(master_core::state s) noexcept
{
    switch (s) {
    case master_core::state::ready: return "ready";
    case master_core::state::spawning: return "spawning";
    case master_core::state::running: return "running";
    case master_core::state::stopping: return "stopping";
    case master_core::state::stopped: return "stopped";
    }
    return "?";
}

std::string printable_id(std::string_view id)
{
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : id) {
        if (out.size() >= 80) {
            out += "...";
            break;
        }
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

master_core::master_core(master_settings settings, send_function send)
    : settings_(std::move(settings)), send_(std::move(send)), stats_(core::unix_now())
{}

void master_core::send(std::string_view id, proto::message m)
{
    if (send_) send_(id, m);
}

void master_core::drop(std::string_view id, std::string_view why)
{
    ++dropped_;
    core::log::warning(logger, "Dropped a message from " + printable_id(id) + ": " + std::string(why));
}

// ---------------------------------------------------------------------------------------------
// Input

void master_core::on_bad_frame(std::string_view identity, const core::failure& why)
{
    ++dropped_;
    // Newest Locust asks only known workers to reconnect; a stranger's garbage is just logged
    // (the transport has logged the frame already).
    bool known = workers_.find(identity) != nullptr;
    core::log::debug(logger, "Could not decode a message from " + printable_id(identity) + ": " + why.detail +
                                 (known ? " (asking the worker to reconnect)" : ""));
    if (known) send(identity, proto::make_message(proto::reconnect{}, std::string(identity)));
}

void master_core::on_message(std::string_view identity, proto::worker_message m, clock::time_point now)
{
    try {
        // Data of the wrong shape: the peer speaks the protocol, wrongly (its node id is unread).
        if (auto* bad = std::get_if<proto::malformed>(&m.body)) return handle(identity, *bad, now);
        // Locust replies to the body's node_id; a body naming another worker than the
        // connection it came on would let one peer act for another.
        if (m.node_id != identity) {
            drop(identity, "its node id '" + printable_id(m.node_id) + "' is not the connection's identity");
            return;
        }
        const std::string_view id = identity;
        std::visit([&](auto& body) { handle(id, body, now); }, m.body);
        if (state_ == state::stopping) {
            bool all_ready = std::all_of(workers_.workers().begin(), workers_.workers().end(),
                                         [](const auto& kv) { return kv.second.state == worker_state::ready; });
            if (all_ready || workers_.active_count() == 0) state_ = state::stopped;
        }
    } catch (const std::exception& e) {
        drop(identity, std::string("internal error while handling it: ") + e.what());
    }
}

void master_core::handle(std::string_view id, proto::old_worker_hello&, clock::time_point)
{
    ++dropped_;
    core::log::error(logger,
                     "An old (pre 2.0) worker tried to connect (" + printable_id(id) + "). That's not going to work.");
}

void master_core::handle(std::string_view id, proto::malformed& m, clock::time_point)
{
    // A stranger's stats or exceptions are refused for who sent them, whatever their shape.
    if ((m.type == proto::stats_report::type_name || m.type == proto::exception_report::type_name) &&
        !workers_.ever_acked(id))
        return drop(id, m.type + " from a worker that never sent client_ready");
    drop(id, m.why.detail);
}

void master_core::handle(std::string_view id, proto::unhandled& m, clock::time_point)
{
    if (m.type == "locustfile")
        drop(id, "sending the locustfile to workers (-f -) is not supported");
    else if (m.known)
        drop(id, "'" + printable_id(m.type) + "' is a master-to-worker message");
    else {
        ++dropped_;
        core::log::warning(logger, "Unknown message type received from worker " + printable_id(id) + ": " +
                                       printable_id(m.type));
    }
}

void master_core::handle(std::string_view id, proto::client_ready& hello, clock::time_point now)
{
    if (hello.version.empty() && !hello.any_version)
        core::log::debug(logger, "Worker " + printable_id(id) + " reports an empty version (Debian's Locust 2.12)");
    else
        core::log::debug(logger, "Worker " + printable_id(id) + " runs version " +
                                     (hello.any_version ? std::string("-1 (any)") : printable_id(hello.version)));
    bool was_dispatched = dispatcher_ && dispatcher_->has_worker(id);
    worker_info& w = workers_.ready(id, hello);
    send(id, proto::make_message(proto::ack{w.index, HORNET_VERSION}, std::string(id)));
    core::log::info(logger, "Worker " + printable_id(id) + " (index " + std::to_string(w.index) +
                                ") reported as ready. " + std::to_string(workers_.active_count()) +
                                " workers connected.");
    if (test_active()) {
        // A new worker joins the running test; a known one that said hello again has lost
        // its users (it restarted): either way the layout is sent again.
        if (!was_dispatched) dispatcher_->add_worker(id);
        redispatch(now);
    }
}

void master_core::handle(std::string_view id, proto::heartbeat& hb, clock::time_point now)
{
    worker_info* w = workers_.find(id);
    if (!w) {
        // Locust ignores heartbeats of unknown workers (e.g. after it removed a dead one).
        ++dropped_;
        core::log::debug(logger, "Heartbeat from unknown worker " + printable_id(id));
        return;
    }
    const auto kind_before = w->kind;
    bool healed = workers_.heartbeat(*w, hb);
    if (open_ && test_active() && kind_before == worker_kind::unknown) {
        // A worker that joined a rate test is known from its first heartbeat: a Hornet worker
        // gets its share now, a Locust worker none.
        if (w->kind == worker_kind::hornet)
            send_rate_spawns();
        else
            core::log::error(logger, "Worker " + printable_id(id) +
                                         " runs Locust, which cannot start iterations at a steady rate: it gets no "
                                         "share of --rate");
    }
    if (w->cpu_percent > settings_.cpu_warning_percent && !w->cpu_warned) {
        w->cpu_warned = true;
        cpu_exceeded_ = true;
        core::log::warning(logger, "Worker " + printable_id(id) +
                                       " exceeded cpu threshold (will only log this once per worker)");
    }
    if (w->dialect.heartbeat_replies) send(id, proto::make_message(proto::heartbeat_reply{}, std::string(id)));
    if (healed) {
        core::log::info(logger, "Worker " + printable_id(id) + " self-healed with heartbeat, setting state to " +
                                    std::string(to_string(w->state)) + ".");
        if (test_active() && dispatcher_->add_worker(id)) redispatch(now);
    }
}

void master_core::handle(std::string_view id, proto::stats_payload& report, clock::time_point)
{
    // Stats of a worker that left still count (its last report comes just before its quit);
    // a peer that never completed the handshake is a stranger.
    if (!workers_.ever_acked(id)) return drop(id, "stats from a worker that never sent client_ready");
    proto::merge_stats(report, pending_);
    if (worker_info* w = workers_.find(id); w && w->active()) {
        w->user_classes_count = std::move(report.user_classes_count);
        w->stats_user_count = report.user_count;
    }
}

void master_core::flush_stats()
{
    if (pending_.empty()) return;
    stats_.merge(pending_.take());
}

void master_core::handle(std::string_view id, proto::exception_report& ex, clock::time_point)
{
    if (!workers_.ever_acked(id)) return drop(id, "exception from a worker that never sent client_ready");
    stats::snapshot delta;
    delta.exceptions.push_back({std::move(ex.msg), std::move(ex.traceback), 1});
    stats_.merge(delta, id);
}

void master_core::handle(std::string_view id, proto::worker_logs& m, clock::time_point)
{
    // Kept by the sender's identity, not the id it names: only connected workers, one list each.
    const worker_info* w = workers_.find(id);
    if (!w) return drop(id, "logs from a worker that is not connected (no client_ready)");
    constexpr std::size_t kept = 500;
    auto& lines = worker_logs_[printable_id(id)];
    for (auto& line : m.logs) {
        if (lines.size() == kept) lines.pop_front();
        lines.push_back(std::move(line));
    }
}

void master_core::handle(std::string_view id, proto::spawning&, clock::time_point)
{
    worker_info* w = workers_.find(id);
    // Locust 2.12 crashed on this; newest answers `quit`. A stranger is ignored here.
    if (!w) return drop(id, "'spawning' from a worker that is not connected (no client_ready)");
    if (w->active()) w->state = worker_state::spawning;
}

void master_core::handle(std::string_view id, proto::spawning_complete& done, clock::time_point)
{
    worker_info* w = workers_.find(id);
    if (!w) return drop(id, "'spawning_complete' from a worker that is not connected (no client_ready)");
    if (!w->active()) return;
    w->state = worker_state::running;
    if (done.user_classes_count) w->user_classes_count = std::move(*done.user_classes_count);
}

void master_core::handle(std::string_view id, proto::client_stopped&, clock::time_point now)
{
    handle_gone(id, false, now);
}

void master_core::handle(std::string_view id, proto::quit&, clock::time_point now)
{
    handle_gone(id, true, now);
}

void master_core::handle_gone(std::string_view id, bool quit, clock::time_point now)
{
    const worker_info* w = workers_.find(id);
    if (!w) {
        ++dropped_;
        core::log::debug(logger, std::string(quit ? "'quit'" : "'client_stopped'") + " from unknown worker " +
                                     printable_id(id));
        return;
    }
    auto index = w->index;
    workers_.erase(id);
    worker_logs_.erase(printable_id(id)); // a worker that comes back has a new id: no list grows forever
    if (quit)
        core::log::info(logger, "Worker '" + printable_id(id) + "' (index " + std::to_string(index) + ") quit. " +
                                    std::to_string(workers_.count(worker_state::ready)) + " workers ready.");
    else
        core::log::debug(logger, "Removing " + printable_id(id) + " client from running clients");
    if (test_active() && dispatcher_->remove_worker(id)) {
        if (quit && workers_.active_count() == 0) {
            core::log::info(logger, "The last worker quit, stopping test.");
            all_quit_ = true;
            next_step_.reset();
            report_until_.reset();
            state_ = state::stopped;
            return;
        }
        redispatch(now);
    }
}

void master_core::on_heartbeat_tick(clock::time_point now)
{
    auto r = workers_.tick();
    bool changed = false;
    for (const auto& id : r.went_missing) {
        core::log::info(logger, "Worker " + printable_id(id) + " failed to send heartbeat, setting state to missing.");
        if (dispatcher_ && dispatcher_->remove_worker(id)) changed = true;
    }
    for (const auto& id : r.removed) {
        core::log::info(logger, "Worker " + printable_id(id) + " was missing for too long: removed.");
        worker_logs_.erase(printable_id(id));
    }
    if (changed && test_active()) {
        if (workers_.active_count() == 0)
            // Locust stops the test here; keeping the target lets returning workers resume it
            // (the run time still ends it).
            core::log::warning(logger, "The last worker went missing; the test resumes when a worker connects.");
        redispatch(now);
    }
}

// ---------------------------------------------------------------------------------------------
// Test control

bool master_core::start(std::int64_t users, double rate, clock::time_point now)
{
    if (workers_.active_count() == 0) {
        core::log::warning(logger,
                           "You can't start a distributed test before at least one worker processes has connected");
        return false;
    }
    if (!test_active()) {
        flush_stats(); // reports of the previous test go with it
        stats_.clear(core::unix_now());
        dispatcher_.emplace(dispatch_classes());
        for (const auto& id : workers_.active_ids()) dispatcher_->add_worker(id);
        all_quit_ = false;
    }
    open_.reset(); // the closed model from here
    core::log::info(logger, "Sending spawn jobs of " + std::to_string(users) + " users at " + core::fixed(rate, 2) +
                                " spawn rate to " + std::to_string(workers_.active_count()) + " ready workers");
    state_ = state::spawning;
    target_ = std::max<std::int64_t>(0, users);
    rate_ = rate;
    pace_ = pace_for(rate);
    next_step_ = now;
    report_until_.reset();
    completion_pending_ = true;
    advance(now);
    return true;
}

namespace {

bool runs_hornet(const worker_info& w)
{
    return w.kind == worker_kind::hornet;
}

} // namespace

bool master_core::workers_identified() const
{
    for (const auto& [id, w] : workers_.workers())
        if (w.active() && w.kind == worker_kind::unknown) return false;
    return true;
}

std::string master_core::workers_without_rates() const
{
    std::string names;
    for (const auto& [id, w] : workers_.workers())
        if (w.active() && w.kind == worker_kind::locust)
            names += (names.empty() ? "" : ", ") + printable_id(id) +
                     (w.version.empty() ? std::string(" (Locust)") : " (Locust " + printable_id(w.version) + ")");
    return names;
}

bool master_core::start_rate(const runtime::open_model& model, clock::time_point /*now*/)
{
    if (workers_.active_count() == 0) {
        core::log::warning(logger,
                           "You can't start a distributed test before at least one worker processes has connected");
        return false;
    }
    // Workers not heard from yet get their share with their first heartbeat.
    if (auto locust = workers_without_rates(); !locust.empty()) {
        core::log::error(logger, "Locust workers cannot start iterations at a steady rate (--rate): " + locust +
                                     ". Run Hornet workers for a rate test, or use -u/-r with these workers");
        return false;
    }
    if (!test_active()) {
        flush_stats();
        stats_.clear(core::unix_now());
        dispatcher_.emplace(dispatch_classes());
        for (const auto& id : workers_.active_ids()) dispatcher_->add_worker(id);
        all_quit_ = false;
    }
    next_step_.reset();
    report_until_.reset();
    completion_pending_ = false;
    target_ = 0;
    open_ = model;
    state_ = state::running;
    core::log::info(logger, "Sending a rate of " + core::fixed(model.rate, 2) + " iterations per second to " +
                                std::to_string(dispatcher_->workers().size()) + " workers");
    send_rate_spawns();
    return true;
}

void master_core::send_rate_spawns()
{
    if (!open_ || !dispatcher_) return;
    std::vector<std::string> ids;
    for (const auto& id : dispatcher_->workers())
        if (const worker_info* w = workers_.find(id); w && runs_hornet(*w)) ids.push_back(id);
    if (ids.empty()) return;
    const auto n = static_cast<std::int64_t>(ids.size());
    double ts = next_spawn_timestamp();
    for (std::int64_t k = 0; k < n; ++k) {
        const auto& id = ids[static_cast<std::size_t>(k)];
        runtime::open_model share = *open_;
        share.rate = open_->rate / static_cast<double>(n);
        for (auto& [name, rate] : share.class_rates) rate /= static_cast<double>(n);
        share.max_users = std::max<std::int64_t>(1, open_->max_users / n + (k < open_->max_users % n ? 1 : 0));
        share.phase = static_cast<double>(k) / static_cast<double>(n);
        proto::spawn s;
        s.timestamp = ts;
        for (const auto* c : settings_.classes) s.user_classes_count.emplace_back(c->name, 0);
        std::sort(s.user_classes_count.begin(), s.user_classes_count.end());
        s.host = settings_.host;
        s.stop_timeout = settings_.stop_timeout;
        s.parsed_options = settings_.parsed_options;
        if (auto* options = s.parsed_options.as_map())
            options->emplace_back(proto::value(rate_share_key), to_value(share));
        send(id, proto::make_message(s, id));
    }
}

void master_core::redispatch(clock::time_point now)
{
    if (open_) {
        if (dispatcher_ && !dispatcher_->workers().empty()) {
            core::log::info(logger, "Sharing the rate again over " + std::to_string(dispatcher_->workers().size()) +
                                        " workers");
            send_rate_spawns();
        }
        return;
    }
    if (!dispatcher_ || dispatcher_->workers().empty()) return;
    core::log::info(logger, "Rebalancing " + std::to_string(dispatcher_->user_count()) + " users over " +
                                std::to_string(dispatcher_->workers().size()) + " workers");
    send_spawns();
    // Users lost with a worker (or never placed) are ramped back at the spawn rate.
    if (!next_step_ && dispatcher_->user_count() != target_ && dispatcher_->can_reach(target_)) {
        state_ = state::spawning;
        report_until_.reset();
        next_step_ = now + pace_.interval;
    }
}

std::optional<master_core::clock::time_point> master_core::advance(clock::time_point now)
{
    if (next_step_ && *next_step_ <= now) ramp_step(now);
    if (report_until_) {
        bool reported = dispatcher_ && user_count() == dispatcher_->user_count();
        if (reported || now >= *report_until_) finish_ramp();
    }
    if (next_step_ && report_until_) return std::min(*next_step_, *report_until_);
    if (next_step_) return next_step_;
    return report_until_;
}

void master_core::ramp_step(clock::time_point now)
{
    if (!dispatcher_ || dispatcher_->workers().empty()) {
        next_step_.reset(); // resumes when a worker joins (redispatch)
        return;
    }
    dispatcher_->step_toward(target_, pace_.users_per_step);
    send_spawns();
    if (dispatcher_->user_count() == target_ || !dispatcher_->can_reach(target_)) {
        next_step_.reset();
        report_until_ = now + settings_.report_wait;
        return;
    }
    // Locust sleeps what is left of the interval after the step: no catching up when late.
    *next_step_ = std::max(now, *next_step_ + pace_.interval);
}

void master_core::finish_ramp()
{
    report_until_.reset();
    state_ = state::running;
    bool reported = dispatcher_ && user_count() == dispatcher_->user_count();
    if (reported)
        core::log::info(logger, "All users spawned: " + spawned_summary());
    else
        core::log::info(logger, "Spawning is complete and report waittime is expired, but not all reports received "
                                "from workers: " +
                                    spawned_summary());
    for (const auto& [id, w] : workers_.workers())
        if (w.active() && w.dialect.spawning_complete_notice) {
            proto::spawning_complete notice;
            notice.user_count = dispatcher_ ? dispatcher_->user_count() : 0;
            send(id, proto::make_message(notice, id));
        }
    if (completion_pending_) {
        completion_pending_ = false;
        if (on_spawning_complete) on_spawning_complete();
    }
}

std::string master_core::spawned_summary() const
{
    // Every class, sorted by name, as Locust's json.dumps of the reported counts.
    auto reported = workers_.class_counts();
    for (const auto* c : settings_.classes) reported.emplace(c->name, 0);
    std::string out = "{";
    bool first = true;
    for (const auto& [name, count] : reported) {
        out += (first ? "" : ", ") + nlohmann::json(name).dump() + ": " + std::to_string(count);
        first = false;
    }
    return out + "} (" + std::to_string(user_count()) + " total users)";
}

void master_core::select_classes(const std::vector<std::string>& names)
{
    dispatcher_.reset(); // it points into picked_
    picked_.clear();
    if (names.empty()) return;
    picked_.reserve(settings_.classes.size());
    for (const auto* c : settings_.classes) {
        picked_.push_back(*c);
        if (std::find(names.begin(), names.end(), c->name) == names.end()) {
            picked_.back().weight = 0;
            picked_.back().fixed_count = 0;
        }
    }
}

std::vector<const scenario::user_class*> master_core::dispatch_classes() const
{
    if (picked_.empty()) return settings_.classes;
    std::vector<const scenario::user_class*> out;
    for (const auto& c : picked_) out.push_back(&c);
    return out;
}

double master_core::next_spawn_timestamp()
{
    // Workers drop a spawn not newer than the last one they applied.
    double t = core::unix_now();
    if (t <= last_spawn_timestamp_) t = last_spawn_timestamp_ + 0.001;
    last_spawn_timestamp_ = t;
    return t;
}

void master_core::send_spawns()
{
    std::vector<std::size_t> by_name(settings_.classes.size());
    std::iota(by_name.begin(), by_name.end(), std::size_t{0});
    std::sort(by_name.begin(), by_name.end(),
              [&](std::size_t a, std::size_t b) { return settings_.classes[a]->name < settings_.classes[b]->name; });
    double ts = next_spawn_timestamp();
    for (const auto& id : dispatcher_->workers()) {
        auto counts = dispatcher_->counts_of(id);
        proto::spawn s;
        s.timestamp = ts;
        for (auto i : by_name) s.user_classes_count.emplace_back(settings_.classes[i]->name, counts[i]);
        s.host = settings_.host;
        s.stop_timeout = settings_.stop_timeout;
        s.parsed_options = settings_.parsed_options;
        send(id, proto::make_message(s, id));
    }
}

void master_core::stop()
{
    open_.reset();
    next_step_.reset();
    report_until_.reset();
    dispatcher_.reset();
    target_ = 0;
    if (cpu_exceeded_) core::log::warning(logger, "CPU usage threshold was exceeded on workers during the test!");
    state_ = workers_.size() ? state::stopping : state::stopped;
    for (const auto& [id, w] : workers_.workers()) send(id, proto::make_message(proto::stop{}, id));
}

void master_core::quit()
{
    open_.reset();
    next_step_.reset();
    report_until_.reset();
    dispatcher_.reset();
    target_ = 0;
    if (test_active() && cpu_exceeded_)
        core::log::warning(logger, "CPU usage threshold was exceeded on workers during the test!");
    state_ = state::stopped;
    for (const auto& [id, w] : workers_.workers()) send(id, proto::make_message(proto::quit{}, id));
}

} // namespace hornet::cluster
