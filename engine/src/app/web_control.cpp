// The web routes' view of the test.
#include "app/web_control.hpp"

#include "app/open_model_options.hpp"
#include "core/log.hpp"
#include "core/py_format.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace hornet::app {

namespace {

double cpu_seconds()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

web::server_config server_config_of(const cli::options& opts)
{
    web::server_config c;
    c.host = opts.web_host;
    c.port = opts.web_port;
    c.tls_cert = opts.tls_cert;
    c.tls_key = opts.tls_key;
    return c;
}

web_control::web_control(const cli::options& opts, const scenario::model& model, test_loop& loop)
    : opts_(opts), model_(model), loop_(loop)
{
    // All but the host is fixed for the process: worked out once, not on every /swarm or poll.
    auto& d = fixed_defaults_;
    d.users = opts_.users.value_or(1);
    d.spawn_rate = opts_.spawn_rate.value_or(1);
    if (opts_.run_time.value_or(0) > 0) d.run_time = static_cast<std::int64_t>(*opts_.run_time);
    d.class_picker = opts_.class_picker;
    d.user_classes = class_names();
    d.master = opts_.master;
    if (!model_.stages.empty()) {
        d.load_model = "plan";
        for (const auto& st : model_.stages.stages) d.stages.push_back(stage_text(st, d.spawn_rate));
    } else if (uses_open_model(opts_, model_)) {
        d.load_model = "open";
        d.rate = total_rate(open_model_of(opts_, model_));
    }
}

std::string web_control::swarm(const web::swarm_request& request)
{
    if (!on_swarm) return "this process does not start tests from the web (headless)";
    auto refused = on_swarm(request);
    if (refused.empty()) ++generation_;
    return refused;
}

void web_control::stop()
{
    if (on_stop) on_stop();
    ++generation_;
}

void web_control::reset_stats()
{
    loop_.control().reset_stats();
    ++generation_;
}

web::form_defaults web_control::defaults() const
{
    web::form_defaults d = fixed_defaults_;
    d.host = host_ ? *host_ : opts_.host;
    if (d.host.empty() && !model_.users.empty()) d.host = model_.users.front().host;
    return d;
}

std::string web_control::stage_text(const scenario::load_stage& s, double default_spawn_rate)
{
    std::string line = scenario::duration_text(s.duration) + ": ";
    if (s.open()) return line + (s.ramp ? "ramp to " : "") + core::fixed(*s.rate, 2) + " iterations/s";
    return line + std::to_string(s.users.value_or(0)) + " users at " +
           core::fixed(s.spawn_rate.value_or(default_spawn_rate), 2) + "/s";
}

std::vector<std::string> web_control::class_names() const
{
    std::vector<std::string> names;
    for (const auto& c : model_.users)
        if (opts_.user_classes.empty() ||
            std::find(opts_.user_classes.begin(), opts_.user_classes.end(), c.name) != opts_.user_classes.end())
            names.push_back(c.name);
    std::sort(names.begin(), names.end());
    return names;
}

std::map<std::string, web::ratio_node> web_control::task_ratios() const
{
    // Locust's get_ratio: the classes' shares of the users running now; before any runs (where
    // Locust shows zeros) the shares their weights will give. A task's share is its weight in
    // the class's weight-expanded task list.
    const auto names = class_names();
    const auto running = loop_.control().class_counts();
    std::int64_t users = 0;
    for (const auto& [name, n] : running) users += n;
    auto share_of = [&](const scenario::user_class& c) {
        if (users == 0) return c.weight;
        auto it = running.find(c.name);
        return it == running.end() ? 0.0 : static_cast<double>(it->second);
    };
    double class_total = 0;
    for (const auto& c : model_.users)
        if (std::find(names.begin(), names.end(), c.name) != names.end()) class_total += share_of(c);
    std::map<std::string, web::ratio_node> out;
    for (const auto& c : model_.users) {
        if (std::find(names.begin(), names.end(), c.name) == names.end()) continue;
        web::ratio_node node;
        node.ratio = class_total > 0 ? share_of(c) / class_total : 0;
        double task_total = 0;
        for (const auto& t : c.tasks) task_total += t.weight;
        for (std::size_t i = 0; i < c.tasks.size(); ++i) {
            const auto& t = c.tasks[i];
            std::string name = t.name.empty() ? "task_" + std::to_string(i + 1) : t.name;
            node.tasks[name].ratio += task_total > 0 ? t.weight / task_total : 0;
        }
        out[c.name] = std::move(node);
    }
    return out;
}

std::optional<std::string> web_control::full_history_csv() const
{
    const auto path = loop_.full_history_path();
    if (path.empty()) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> web_control::log_lines() const
{
    return core::log::recent_lines();
}

report::metrics_state web_control::metrics_state() const
{
    report::metrics_state m;
    m.state = state_;
    m.users = user_count();
    for (const auto& w : workers()) {
        if (w.missing)
            ++m.missing_workers;
        else
            ++m.workers;
    }
    m.event_loop_lag_seconds = lag_;
    m.cpu_seconds = cpu_seconds();
    return m;
}

} // namespace hornet::app
