// The scenario model: user classes, their tasks and steps, independent of where they came from
// (a JSON file, or C++ code registered as a native class).
#pragma once

#include "scenario/check.hpp"
#include "scenario/data_set.hpp"
#include "scenario/extract.hpp"
#include "scenario/load_plan.hpp"
#include "scenario/template_text.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hornet::scenario {

struct native_class;

/// How long a user waits after each task (Locust's wait_time functions).
struct wait_time
{
    enum class kind { constant, between, constant_pacing, constant_throughput };
    kind type = kind::constant;
    double a = 0; ///< constant: seconds; between: low; pacing: interval; throughput: tasks/s
    double b = 0; ///< between: high
};

struct header
{
    std::string name;
    template_text value;
};

/// One thing a user does: an HTTP request, a repeated block of steps, or the end of the nested
/// task set it runs in (Locust's TaskSet.interrupt()).
struct step
{
    enum class kind { request, repeat, interrupt };
    kind type = kind::request;

    // request
    std::string method = "GET";
    template_text path; ///< relative to the host, or an absolute URL; may hold a query
    std::vector<std::pair<template_text, template_text>> query; ///< appended as ?a=b&c=d, encoded
    std::vector<header> headers;   ///< JSON/form bodies add their Content-Type unless given
    template_text body;            ///< raw, JSON (escaped for JSON) or form (url-encoded) text
    std::string name;              ///< statistics name; empty = the rendered path, as Locust
    std::vector<extract> extracts; ///< applied in order after the response
    check expect;                  ///< empty = Locust's default verdict
    /// A failed request (or check, or extract) ends the task here: the rest of its steps are
    /// skipped and the user goes on to its wait and next task.
    bool skip_rest_on_failure = false;
    /// false: a redirect is the response (Locust's allow_redirects=False).
    bool allow_redirects = true;

    // repeat
    int repeat_min = 1; ///< runs `steps` a count drawn from [min, max] times
    int repeat_max = 1;
    std::vector<step> steps;

    // interrupt
    /// true: the parent picks its next task at once; false: it waits its wait_time first.
    bool reschedule = true;

    int line = 0; ///< where it was written, for messages
};

struct task_set;

/// A unit a user picks (weighted) or runs in order (sequential): one or more steps.
struct task
{
    std::string name;
    int weight = 1;
    std::vector<std::string> tags; ///< for -T/--tags and -E/--exclude-tags
    std::vector<step> steps;
    /// One element when the task is a nested task set (Locust's TaskSet as a task; `steps` is
    /// then empty): picking it runs the set until one of its tasks interrupts it.
    std::vector<task_set> nested;
};

/// Tasks a user runs as one of its tasks until one of them interrupts (Locust's TaskSet).
struct task_set
{
    std::string name;
    bool sequential = false;       ///< tasks in order, cycling (SequentialTaskSet)
    std::optional<wait_time> wait; ///< between its tasks; none: the user's, as in Locust
    std::vector<step> on_start;    ///< each time the set is entered
    std::vector<step> on_stop;     ///< each time it is left (interrupted, or the user stops)
    std::vector<task> tasks;
};

/// Nested task sets go at most this deep (a user's task set is depth 1).
inline constexpr int max_task_set_depth = 8;

/// A user class's own HTTP client settings; unset ones come from the command line.
struct client_settings
{
    std::optional<double> connect_timeout;      ///< seconds
    std::optional<double> request_timeout;      ///< seconds
    std::optional<std::uint64_t> max_body_size; ///< bytes kept for checks, extracts, C++ code
    std::optional<std::uint64_t> max_header_size;
    std::optional<bool> tls_verify;     ///< check https certificates and host names
    std::optional<std::string> ca_file; ///< PEM CAs to check against; implies tls_verify
};

struct user_class
{
    std::string name;
    double weight = 1;
    int fixed_count = 0; ///< > 0: exactly this many users, spawned first, weight ignored
    /// The open model: task iterations of this class started per second (scenario "rate"), when
    /// the command line gives no --rate.
    std::optional<double> rate;
    wait_time wait;
    std::string host;        ///< overridden by -H
    bool sequential = false; ///< tasks run in order, cycling (SequentialTaskSet)
    client_settings client;
    std::vector<step> on_start;
    std::vector<step> on_stop;
    std::vector<task> tasks;

    /// Variables the templates of this class use (slot = index), with initial values.
    std::vector<std::string> variables;
    std::vector<std::pair<std::size_t, std::string>> initial_values;

    /// Set for classes written in C++: they run their own code instead of `tasks`.
    std::shared_ptr<const native_class> native;
};

struct model
{
    std::string source; ///< file it was loaded from, or "quick mode"
    /// Suspicious values that still load ("file:line:column: at /pointer: …"), logged as warnings.
    std::vector<std::string> warnings;
    std::vector<user_class> users;
    /// CSV data sets of the whole file; a data_column placeholder's slot indexes this list.
    std::vector<std::shared_ptr<data_set>> data;
    /// The file's "thresholds": the run's verdict, as --check expressions (checked by the
    /// loader's load_options::check_threshold, measured by the app).
    std::vector<std::string> thresholds;
    /// The file's "stages": the load shape that drives the test instead of -u/-r (--shape
    /// replaces it).
    load_plan stages;
};

/// The model of quick mode: one `QuickUser` class GETting the URL in a loop with no wait.
model quick_model(const std::string& url_path);

/// A template with no placeholder.
template_text literal_text(std::string text);

} // namespace hornet::scenario
