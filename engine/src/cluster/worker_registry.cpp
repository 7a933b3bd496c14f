// Worker table and liveness.
#include "cluster/worker_registry.hpp"

#include <cctype>

namespace hornet::cluster {

std::string_view to_string(worker_state s) noexcept
{
    switch (s) {
    case worker_state::ready: return "ready";
    case worker_state::spawning: return "spawning";
    case worker_state::running: return "running";
    case worker_state::missing: return "missing";
    }
    return "?";
}

worker_dialect dialect_of(const proto::client_ready& hello)
{
    worker_dialect newest{true, true};
    if (hello.any_version) return newest;
    const std::string& v = hello.version;
    if (v.empty()) return {}; // Debian's 2.12.1
    if (!std::isdigit(static_cast<unsigned char>(v[0]))) return newest;
    // "major.minor[.patch...]": anything unparsable after a digit counts as old (safe default).
    long major = 0, minor = 0;
    std::size_t i = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && major < 100000)
        major = major * 10 + (v[i++] - '0');
    if (i >= v.size() || v[i] != '.') return major > 2 ? newest : worker_dialect{};
    ++i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && minor < 100000)
        minor = minor * 10 + (v[i++] - '0');
    if (major != 2) return major > 2 ? newest : worker_dialect{};
    return {minor >= 19, minor >= 29};
}

std::int64_t worker_info::user_count() const noexcept
{
    std::int64_t n = 0;
    for (const auto& [name, count] : user_classes_count) n += count;
    return n;
}

worker_info& worker_registry::ready(std::string_view id, const proto::client_ready& hello)
{
    auto idx = indexes_.find(id);
    if (idx == indexes_.end()) idx = indexes_.emplace(std::string(id), next_index_++).first;
    auto it = workers_.find(id);
    if (it == workers_.end()) it = workers_.emplace(std::string(id), worker_info{}).first;
    worker_info& w = it->second;
    w = worker_info{};
    w.id = std::string(id);
    w.index = idx->second;
    w.version = hello.any_version ? "-1" : hello.version;
    w.dialect = dialect_of(hello);
    w.state = worker_state::ready;
    w.liveness = heartbeat_liveness;
    return w;
}

worker_info* worker_registry::find(std::string_view id)
{
    auto it = workers_.find(id);
    return it == workers_.end() ? nullptr : &it->second;
}

const worker_info* worker_registry::find(std::string_view id) const
{
    auto it = workers_.find(id);
    return it == workers_.end() ? nullptr : &it->second;
}

bool worker_registry::ever_acked(std::string_view id) const
{
    return indexes_.find(id) != indexes_.end();
}

bool worker_registry::erase(std::string_view id)
{
    auto it = workers_.find(id);
    if (it == workers_.end()) return false;
    workers_.erase(it);
    return true;
}

worker_registry::tick_result worker_registry::tick()
{
    tick_result out;
    for (auto it = workers_.begin(); it != workers_.end();) {
        worker_info& w = it->second;
        if (w.state == worker_state::missing && w.liveness <= dead_liveness) {
            out.removed.push_back(w.id);
            it = workers_.erase(it);
            continue;
        }
        if (w.liveness < 0 && w.state != worker_state::missing) {
            w.state = worker_state::missing;
            w.user_classes_count.clear();
            w.stats_user_count = 0;
            out.went_missing.push_back(w.id);
        } else {
            --w.liveness;
        }
        ++it;
    }
    return out;
}

bool worker_registry::heartbeat(worker_info& w, const proto::heartbeat& hb)
{
    bool healed = w.state == worker_state::missing;
    w.liveness = heartbeat_liveness;
    // The worker's own report wins (Locust); unknown words keep the master's view.
    if (hb.state == "ready")
        w.state = worker_state::ready;
    else if (hb.state == "spawning")
        w.state = worker_state::spawning;
    else if (hb.state == "running")
        w.state = worker_state::running;
    else if (healed)
        w.state = worker_state::ready;
    w.cpu_percent = hb.current_cpu_usage;
    w.memory_bytes = hb.current_memory_usage;
    w.kind = hb.hornet_version.empty() ? worker_kind::locust : worker_kind::hornet;
    return healed;
}

std::size_t worker_registry::count(worker_state s) const
{
    std::size_t n = 0;
    for (const auto& [id, w] : workers_) n += w.state == s;
    return n;
}

std::size_t worker_registry::active_count() const
{
    std::size_t n = 0;
    for (const auto& [id, w] : workers_) n += w.active();
    return n;
}

std::vector<std::string> worker_registry::active_ids() const
{
    std::vector<std::string> out;
    for (const auto& [id, w] : workers_)
        if (w.active()) out.push_back(id);
    return out;
}

std::int64_t worker_registry::user_count() const
{
    std::int64_t n = 0;
    for (const auto& [id, w] : workers_) n += w.user_count();
    return n;
}

std::int64_t worker_registry::stats_user_count() const
{
    std::int64_t n = 0;
    for (const auto& [id, w] : workers_) n += w.stats_user_count;
    return n;
}

std::map<std::string, std::int64_t> worker_registry::class_counts() const
{
    std::map<std::string, std::int64_t> out;
    for (const auto& [id, w] : workers_)
        for (const auto& [name, count] : w.user_classes_count) out[name] += count;
    return out;
}

} // namespace hornet::cluster
