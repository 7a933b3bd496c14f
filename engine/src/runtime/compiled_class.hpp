// A user class made ready to run: requests prebuilt once, shared read-only by every user of
// every thread, so the hot path builds nothing.
#pragma once

#include "http/request.hpp"
#include "scenario/model.hpp"

#include <string>
#include <vector>

namespace hornet::runtime {

struct compiled_step
{
    http::request request;
    std::string name;       ///< statistics name (the path when the scenario gave none)
};

struct compiled_task
{
    int weight = 1;
    std::vector<compiled_step> steps;
};

struct compiled_class
{
    const scenario::user_class* source = nullptr;
    std::string host;                       ///< base URL the users of this class talk to
    std::vector<compiled_step> on_start;
    std::vector<compiled_step> on_stop;
    std::vector<compiled_task> tasks;
    std::vector<std::size_t> task_table;    ///< each task index repeated `weight` times (Locust's list)
};

/// Builds the runnable form of every class; `host_override` (-H) wins over each class's host.
/// Returns an error message (empty on success), e.g. when a class has no host at all.
std::string compile(const scenario::model& model, const std::string& host_override,
                    std::vector<compiled_class>& out);

} // namespace hornet::runtime
