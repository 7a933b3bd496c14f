// What the web routes drive and read: the app implements this over its test loop (a local
// runner or a master), so the web module needs neither cluster nor cli.
#pragma once

#include "report/prometheus_text.hpp"
#include "report/run_record.hpp"
#include "stats/aggregate.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hornet::web {

/// A POST /swarm, validated by the router.
struct swarm_request
{
    std::int64_t user_count = 0;
    double spawn_rate = 0;
    std::optional<std::string> host;  ///< "<" and ">" already stripped
    std::optional<double> run_time;   ///< seconds; 0 = no limit
    std::vector<std::string> classes; ///< with --class-picker; empty = all
    std::optional<double> rate;       ///< the open model's iterations/s (Hornet's field)
};

/// One worker of a master, as /stats/requests lists it.
struct worker_row
{
    std::string id;
    std::string state; ///< Locust's: "ready", "spawning", "running", "missing"
    std::int64_t user_count = 0;
    double cpu_usage = 0;           ///< percent
    std::uint64_t memory_usage = 0; ///< bytes
    bool missing = false;
};

/// A share in /tasks: of users (classes) or of task picks (tasks, nested for task sets).
struct ratio_node
{
    double ratio = 0;
    std::map<std::string, ratio_node> tasks;
};

/// The start form's defaults (/hornet/config).
struct form_defaults
{
    std::string host;
    std::int64_t users = 1;
    double spawn_rate = 1;
    std::optional<std::int64_t> run_time;
    bool class_picker = false;
    std::vector<std::string> user_classes;
    bool master = false;
    /// "closed" (users and spawn rate), "open" (a rate: the form asks for it instead of users)
    /// or "plan" (stages drive the load: the form asks for neither).
    std::string load_model = "closed";
    std::optional<double> rate;      ///< the open model's default rate
    std::vector<std::string> stages; ///< the plan's stages as lines, for the start form
};

/// Called on the control thread only, like the loop it stands for.
class test_control
{
public:
    virtual ~test_control() = default;

    /// Locust's runner state string.
    virtual std::string state() const = 0;
    virtual std::int64_t user_count() const = 0;
    virtual const stats::aggregate& stats() const = 0;
    /// Bumped whenever the statistics are cleared or reset: cached answers are stale then.
    virtual std::uint64_t stats_generation() const = 0;

    /// Starts a test, or re-ramps the running one. "" on success, else why not (a 4xx).
    virtual std::string swarm(const swarm_request& request) = 0;
    /// Stops the running test (state "stopping", then "stopped"); nothing when none runs.
    virtual void stop() = 0;
    virtual void reset_stats() = 0;

    virtual form_defaults defaults() const = 0;
    virtual std::vector<worker_row> workers() const { return {}; }
    /// The user classes a /swarm may name.
    virtual std::vector<std::string> class_names() const = 0;
    /// /tasks: per class, and in total (task ratios times the class ratio).
    virtual std::map<std::string, ratio_node> task_ratios() const = 0;
    /// The run so far as the HTML report shows it.
    virtual report::run_record record() const = 0;
    /// The full history CSV text, when the run writes one (--csv with --csv-full-history).
    virtual std::optional<std::string> full_history_csv() const { return std::nullopt; }
    virtual report::metrics_state metrics_state() const = 0;
    /// Recent log lines of this process (/logs).
    virtual std::vector<std::string> log_lines() const { return {}; }
    /// A master's workers' recent log lines (/logs), by worker id.
    virtual std::map<std::string, std::vector<std::string>> worker_log_lines() const { return {}; }
    /// Where a running load plan is ("Stage 2/3: 100 users at 5.00/s for 2m (40 s left)"); ""
    /// when no plan runs.
    virtual std::string stage() const { return ""; }
};

} // namespace hornet::web
