// The scenario model: user classes, their tasks and steps, independent of where they came from.
#pragma once

#include <string>
#include <vector>

namespace hornet::scenario {

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
    std::string value;
};

/// One HTTP request a user makes.
struct step
{
    std::string method = "GET";
    std::string path;               ///< relative to the host, or an absolute URL
    std::vector<header> headers;
    std::string body;
    std::string name;               ///< statistics name; empty = the path, as Locust
    int line = 0;                   ///< where it was written, for messages
};

/// A unit a user picks (weighted) or runs in order (sequential): one or more steps.
struct task
{
    std::string name;
    int weight = 1;
    std::vector<std::string> tags;  ///< for -T/--tags and -E/--exclude-tags
    std::vector<step> steps;
};

struct user_class
{
    std::string name;
    double weight = 1;
    int fixed_count = 0;            ///< > 0: exactly this many users, spawned first, weight ignored
    wait_time wait;
    std::string host;               ///< overridden by -H
    bool sequential = false;        ///< tasks run in order, cycling (SequentialTaskSet)
    std::vector<step> on_start;
    std::vector<step> on_stop;
    std::vector<task> tasks;
};

struct model
{
    std::string source;             ///< file it was loaded from, or "quick mode"
    std::vector<user_class> users;
};

/// The model of quick mode: one `QuickUser` class GETting the URL in a loop with no wait.
model quick_model(const std::string& url_path);

} // namespace hornet::scenario
