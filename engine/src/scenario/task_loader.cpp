// Tasks of the JSON format: a request, a list of steps, a repeat block, or a nested task set.
#include "scenario/task_loader.hpp"

#include "scenario/source_map.hpp"
#include "scenario/step_loader.hpp"

namespace hornet::scenario {

using json = nlohmann::json;

wait_time load_wait(const load_context& ctx, const json& v, const std::string& ptr)
{
    wait_time w;
    if (v.is_number()) { // shorthand: "wait_time": 1 == constant(1)
        w.a = ctx.number(v, ptr, 0, "a number of seconds >= 0");
        return w;
    }
    ctx.expect(v, ptr, json::value_t::object, "an object such as {\"between\": [1, 3]}");
    ctx.check_keys(v, ptr, {"between", "constant", "constant_pacing", "constant_throughput"});
    if (v.size() != 1) ctx.fail(ptr, "expected exactly one of between, constant, constant_pacing, constant_throughput");
    auto it = v.begin();
    std::string child = ptr + "/" + it.key();
    if (it.key() == "between") {
        const json& range = ctx.expect(*it, child, json::value_t::array, "[low, high] in seconds");
        if (range.size() != 2) ctx.fail(child, "expected [low, high] in seconds, got " + range.dump());
        w.type = wait_time::kind::between;
        w.a = ctx.number(range[0], child + "/0", 0, "a number of seconds >= 0");
        w.b = ctx.number(range[1], child + "/1", 0, "a number of seconds >= 0");
        if (w.b < w.a) ctx.fail(child, "low must not be greater than high, got " + range.dump());
    } else if (it.key() == "constant") {
        w.type = wait_time::kind::constant;
        w.a = ctx.number(*it, child, 0, "a number of seconds >= 0");
    } else if (it.key() == "constant_pacing") {
        w.type = wait_time::kind::constant_pacing;
        w.a = ctx.number(*it, child, 0, "a number of seconds >= 0");
    } else {
        w.type = wait_time::kind::constant_throughput;
        w.a = ctx.number(*it, child, 0, "a rate in tasks per second > 0");
        if (w.a <= 0) ctx.fail(child, "expected a rate in tasks per second > 0, got " + it->dump());
    }
    return w;
}

namespace {

int parse_weight(const load_context& ctx, const json& v, const std::string& ptr)
{
    ctx.expect(v, ptr, json::value_t::number_integer, "a whole number >= 0");
    if (v.is_number_unsigned() ? v.get<std::uint64_t>() > 1000000
                               : (v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 1000000))
        ctx.fail(ptr, "expected a whole number from 0 to 1000000, got " + v.dump());
    return static_cast<int>(v.get<std::int64_t>());
}

task_set parse_task_set(const load_context& ctx, const json& v, const std::string& ptr, int depth);

task parse_task(const load_context& ctx, const json& v, const std::string& ptr, int depth)
{
    ctx.expect(v, ptr, json::value_t::object, "a task: a step such as {\"get\": \"/\"} or {\"steps\": [...]}");
    task t;
    const bool in_set = depth > 0;
    if (v.contains("task_set")) {
        ctx.check_keys(v, ptr, {"weight", "tags", "task_set"});
        t.nested.push_back(parse_task_set(ctx, v["task_set"], ptr + "/task_set", depth + 1));
        t.name = t.nested.front().name;
    } else if (v.contains("steps") && !v.contains("repeat")) {
        ctx.check_keys(v, ptr, {"name", "weight", "tags", "on_failure", "steps"});
        bool skip = load_on_failure(ctx, v, ptr, false);
        t.steps = load_steps(ctx, v["steps"], ptr + "/steps", skip, 0, in_set);
        if (v["steps"].empty()) ctx.fail(ptr + "/steps", "a task needs at least one step");
        if (v.contains("name")) t.name = ctx.string_of(v["name"], ptr + "/name", "a name string");
    } else {
        // A single step with the task's keys mixed in; a repeat block may have a task name.
        bool repeat = v.contains("repeat");
        std::vector<std::string> task_keys = {"weight", "tags"};
        if (repeat) task_keys.push_back("name");
        t.steps.push_back(load_step(ctx, v, ptr, false, 0, task_keys, in_set));
        const step& s = t.steps.back();
        if (s.type == step::kind::interrupt) {
            t.name = "interrupt";
        } else if (repeat) {
            if (v.contains("name")) t.name = ctx.string_of(v["name"], ptr + "/name", "a name string");
        } else {
            // Named as written, like the step's statistics name.
            if (!s.name.empty())
                t.name = s.name;
            else if (v.contains("method"))
                t.name = v["path"].get<std::string>();
            else
                for (const char* m : {"get", "post", "put", "patch", "delete", "head", "options"})
                    if (v.contains(m)) t.name = v[m].get<std::string>();
        }
    }
    if (v.contains("weight")) t.weight = parse_weight(ctx, v["weight"], ptr + "/weight");
    if (v.contains("tags")) {
        const json& tags = ctx.expect(v["tags"], ptr + "/tags", json::value_t::array, "an array of tag strings");
        for (std::size_t i = 0; i < tags.size(); ++i)
            t.tags.push_back(ctx.string_of(tags[i], ptr + "/tags/" + std::to_string(i), "a tag string"));
    }
    return t;
}

// {"name": …, "sequential": …, "wait_time": …, "on_start": […], "on_stop": […], "tasks": […]}
task_set parse_task_set(const load_context& ctx, const json& v, const std::string& ptr, int depth)
{
    ctx.expect(v, ptr, json::value_t::object,
               "a task set such as {\"name\": \"Browse\", \"tasks\": [{\"get\": \"/\"}, {\"interrupt\": true}]}");
    ctx.check_keys(v, ptr, {"name", "sequential", "wait_time", "on_start", "on_stop", "tasks"});
    if (depth > max_task_set_depth)
        ctx.fail(ptr, "task sets nest at most " + std::to_string(max_task_set_depth) + " deep");
    task_set set;
    if (v.contains("name")) {
        set.name = ctx.string_of(v["name"], ptr + "/name", "a name string");
        if (set.name.empty()) ctx.fail(ptr + "/name", "the name is empty");
    }
    if (v.contains("sequential"))
        set.sequential =
            ctx.expect(v["sequential"], ptr + "/sequential", json::value_t::boolean, "true or false").get<bool>();
    if (v.contains("wait_time")) set.wait = load_wait(ctx, v["wait_time"], ptr + "/wait_time");
    // Each part on its own, so that one mistake does not hide the next.
    if (v.contains("on_start"))
        ctx.attempt([&] { set.on_start = load_steps(ctx, v["on_start"], ptr + "/on_start", false, 0); });
    if (v.contains("on_stop"))
        ctx.attempt([&] { set.on_stop = load_steps(ctx, v["on_stop"], ptr + "/on_stop", false, 0); });
    if (!v.contains("tasks")) ctx.fail(ptr, "a task set needs \"tasks\"");
    set.tasks = load_tasks(ctx, v["tasks"], ptr + "/tasks", depth);
    return set;
}

} // namespace

std::vector<task> load_tasks(const load_context& ctx, const json& v, const std::string& pointer, int depth)
{
    const char* owner = depth == 0 ? "a user class" : "a task set";
    const json& tasks = ctx.expect(v, pointer, json::value_t::array, "an array of tasks");
    if (tasks.empty()) ctx.fail(pointer, std::string(owner) + " needs at least one task");
    std::vector<task> out;
    int total = 0;
    bool all_loaded = true;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        all_loaded &= ctx.attempt([&] {
            out.push_back(parse_task(ctx, tasks[i], pointer + "/" + std::to_string(i), depth));
            total += out.back().weight;
        });
    }
    if (all_loaded && total == 0) ctx.fail(pointer, "the task weights add up to 0: no task could ever run");
    return out;
}

} // namespace hornet::scenario
