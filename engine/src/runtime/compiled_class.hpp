// A user class made ready to run: literal requests prebuilt once, shared read-only by every
// user of every thread, so the hot path of a plain scenario builds nothing; templated requests
// render into a per-thread scratch request.
#pragma once

#include "core/error.hpp"
#include "http/client_config.hpp"
#include "http/request.hpp"
#include "scenario/model.hpp"
#include "scenario/render.hpp"

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace hornet::runtime {

struct compiled_step
{
    const scenario::step* source = nullptr;
    std::string name; ///< statistics name; empty when it is the rendered target
    // request
    http::request request; ///< the whole request when !dynamic; method and literal parts otherwise
    bool dynamic = false;  ///< the target, a header or the body has placeholders
    bool judged = false;   ///< a check or an extract looks at the response
    // repeat
    std::vector<compiled_step> steps;
};

struct compiled_set;

struct compiled_task
{
    int weight = 1;
    std::vector<compiled_step> steps;
    std::vector<compiled_set> nested; ///< one element when the task is a nested task set
};

/// The tasks a user picks from: a nested task set's (the class's own are in compiled_class).
struct compiled_set
{
    const scenario::task_set* source = nullptr;
    std::vector<compiled_step> on_start;
    std::vector<compiled_step> on_stop;
    std::vector<compiled_task> tasks;
    std::vector<std::size_t> task_table; ///< as compiled_class::task_table

    /// The next task of the set, as compiled_class::pick_task.
    template <class Rng>
    std::size_t pick_task(std::size_t& sequence, Rng& rng) const
    {
        if (source->sequential) return task_table[sequence++ % task_table.size()];
        if (task_table.size() == 1) return task_table[0];
        return task_table[std::uniform_int_distribution<std::size_t>(0, task_table.size() - 1)(rng)];
    }
};

struct compiled_class
{
    const scenario::user_class* source = nullptr;
    std::string host; ///< base URL the users of this class talk to
    std::vector<compiled_step> on_start;
    std::vector<compiled_step> on_stop;
    std::vector<compiled_task> tasks;
    std::vector<std::size_t> task_table; ///< each task index repeated `weight` times (Locust's list)
    /// The users' HTTP client settings: the command line's, with the class's own over them.
    http::client_config http;
    /// Data sets and the global counter, one per scenario, shared by its classes and threads.
    std::shared_ptr<scenario::shared_state> shared;

    /// The next task of a user: in order (sequential, `sequence` counts) or weighted at random.
    template <class Rng>
    std::size_t pick_task(std::size_t& sequence, Rng& rng) const
    {
        if (source->sequential) return task_table[sequence++ % task_table.size()];
        if (task_table.size() == 1) return task_table[0];
        return task_table[std::uniform_int_distribution<std::size_t>(0, task_table.size() - 1)(rng)];
    }
};

/// `base` with the settings that `own` gives replacing its own.
http::client_config with_settings(const scenario::client_settings& own, http::client_config base);

/// Builds the runnable form of every class; `host_override` (-H) wins over each class's host,
/// each class's client settings win over `client` (the command line's).
/// Fails (core::error::invalid_scenario) when a class cannot run, e.g. it has no host at all.
core::result<void> compile(const scenario::model& model, const std::string& host_override,
                           const http::client_config& client, std::vector<compiled_class>& out);

/// Renders a dynamic step's request into `out` (reusing its buffers). Fails when a template
/// names a variable with no value yet (see scenario::render).
core::result<void> render_request(const compiled_step& step, scenario::user_state& user, scenario::shared_state& shared,
                                  http::request& out);

} // namespace hornet::runtime
