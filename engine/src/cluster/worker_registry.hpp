// The master's table of workers: identity, stable index, reported state, liveness, load, users.
#pragma once

#include "proto/messages.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::cluster {

enum class worker_state { ready, spawning, running, missing };

std::string_view to_string(worker_state s) noexcept;

/// What a worker's client_ready version says about the messages it understands.
struct worker_dialect
{
    bool heartbeat_replies = false;        // Locust >= 2.19 (2.12 warns on each unknown message)
    bool spawning_complete_notice = false; // Locust >= 2.29
};

/// "" (Debian's 2.12) and versions below 2.19 get nothing extra; -1 (boomer), text that does not
/// start with a digit (e.g. "hornet 0.1.0") and newer versions get both.
worker_dialect dialect_of(const proto::client_ready& hello);

/// Who a worker is, as its first heartbeat says (Hornet's carry hornet_version).
enum class worker_kind { unknown, locust, hornet };

struct worker_info
{
    std::string id;
    std::int64_t index = 0;
    std::string version;
    worker_dialect dialect;
    worker_kind kind = worker_kind::unknown;
    worker_state state = worker_state::ready;
    int liveness = 0;
    double cpu_percent = 0;
    std::uint64_t memory_bytes = 0;
    bool cpu_warned = false;
    /// Users per class as the worker last reported them (spawning_complete, stats).
    proto::class_counts user_classes_count;
    /// The users the worker counted with its last stats report: those behind the requests
    /// merged from it so far (spawning_complete may be ahead of them).
    std::int64_t stats_user_count = 0;

    std::int64_t user_count() const noexcept;
    /// ready, spawning or running: can take users.
    bool active() const noexcept { return state != worker_state::missing; }
};

/// Liveness as Locust's master counts it (§1.6): a heartbeat sets 3, each 1 s tick subtracts
/// one; below 0 the worker is missing; at -60 it is forgotten.
class worker_registry
{
public:
    static constexpr int heartbeat_liveness = 3;
    static constexpr int dead_liveness = -60;

    /// Registers a worker that sent client_ready, or resets its record (a restarted worker):
    /// state ready, full liveness, no users. Its index is stable for the registry's lifetime.
    worker_info& ready(std::string_view id, const proto::client_ready& hello);

    worker_info* find(std::string_view id);
    const worker_info* find(std::string_view id) const;
    /// Whether `id` ever completed a handshake (its stats still count after it left).
    bool ever_acked(std::string_view id) const;
    bool erase(std::string_view id);

    struct tick_result
    {
        std::vector<std::string> went_missing; // now in state missing, users cleared
        std::vector<std::string> removed;      // missing for too long: erased
    };
    /// One heartbeat-interval tick.
    tick_result tick();

    /// A heartbeat from a known worker. Returns true when it was missing (it "self-healed").
    bool heartbeat(worker_info& w, const proto::heartbeat& hb);

    std::size_t size() const noexcept { return workers_.size(); }
    std::size_t count(worker_state s) const;
    /// Workers that can take users.
    std::size_t active_count() const;
    std::vector<std::string> active_ids() const;
    std::int64_t user_count() const;
    /// Sum of the workers' stats_user_count.
    std::int64_t stats_user_count() const;
    /// Reported users per class over every worker, sorted by class name.
    std::map<std::string, std::int64_t> class_counts() const;

    const std::map<std::string, worker_info, std::less<>>& workers() const noexcept { return workers_; }

private:
    std::map<std::string, worker_info, std::less<>> workers_;
    std::map<std::string, std::int64_t, std::less<>> indexes_;
    std::int64_t next_index_ = 0;
};

} // namespace hornet::cluster
