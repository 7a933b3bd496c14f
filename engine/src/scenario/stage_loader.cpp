// Stages: closed-model ({"duration", "users", "spawn_rate"}) or open-model ({"duration",
// "rate", "ramp"}), never both in one plan.
#include "scenario/stage_loader.hpp"

#include "core/run_time.hpp"
#include "scenario/json_document.hpp"

#include <cmath>
#include <limits>

namespace hornet::scenario {

using json = nlohmann::json;

namespace {

const char* const duration_formats = "a time span such as \"2m\", \"1h30m\", \"45s\" or a number of seconds > 0";

double parse_duration(const load_context& ctx, const json& v, const std::string& at)
{
    double seconds = 0;
    if (v.is_number()) {
        seconds = v.get<double>();
    } else if (v.is_string()) {
        auto parsed = core::parse_run_time(v.get<std::string>(), true);
        if (!parsed) ctx.fail(at, std::string("expected ") + duration_formats + ", got " + v.dump());
        seconds = *parsed;
    } else {
        ctx.fail(at, std::string("expected ") + duration_formats + ", got " + type_name(v));
    }
    if (!(seconds > 0) || !std::isfinite(seconds))
        ctx.fail(at, std::string("expected ") + duration_formats + ", got " + v.dump());
    return seconds;
}

load_stage parse_stage(const load_context& ctx, const json& v, const std::string& at)
{
    ctx.expect(v, at, json::value_t::object,
               "a stage such as {\"duration\": \"1m\", \"users\": 10} or {\"duration\": \"1m\", \"rate\": 5}");
    ctx.check_keys(v, at, {"duration", "users", "spawn_rate", "rate", "ramp"});
    if (!v.contains("duration")) ctx.fail(at, "the stage needs a \"duration\" (\"2m\", \"45s\" or seconds)");
    load_stage s;
    s.duration = parse_duration(ctx, v["duration"], at + "/duration");
    const bool closed = v.contains("users");
    const bool open = v.contains("rate");
    if (closed && open) ctx.fail(at, "a stage sets \"users\" (closed model) or \"rate\" (open model), not both");
    if (!closed && !open)
        ctx.fail(at, "the stage needs \"users\" (closed model) or \"rate\" (iterations/s, open model)");
    if (closed) {
        s.users =
            ctx.whole(v["users"], at + "/users", 0, std::numeric_limits<std::int64_t>::max(), "a number of users >= 0");
        if (v.contains("ramp")) ctx.fail_key(at, "ramp", "\"ramp\" goes with \"rate\" (open model), not \"users\"");
        if (v.contains("spawn_rate")) {
            s.spawn_rate = ctx.number(v["spawn_rate"], at + "/spawn_rate", 0, "a spawn rate in users/s > 0");
            if (*s.spawn_rate <= 0)
                ctx.fail(at + "/spawn_rate", "expected a spawn rate in users/s > 0, got " + v["spawn_rate"].dump());
        }
    } else {
        s.rate = ctx.number(v["rate"], at + "/rate", 0, "a rate in iterations/s >= 0");
        if (v.contains("spawn_rate"))
            ctx.fail_key(at, "spawn_rate", "\"spawn_rate\" goes with \"users\" (closed model), not \"rate\"");
        if (v.contains("ramp"))
            s.ramp = ctx.expect(v["ramp"], at + "/ramp", json::value_t::boolean, "true or false").get<bool>();
    }
    return s;
}

} // namespace

load_plan parse_stages(const load_context& ctx, const json& list, const std::string& pointer)
{
    ctx.expect(list, pointer, json::value_t::array, "an array of stages");
    if (list.empty()) ctx.fail(pointer, "no stages: add at least one, or leave the list out");
    load_plan plan;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = pointer + "/" + std::to_string(i);
        plan.stages.push_back(parse_stage(ctx, list[i], at));
        const auto& first = plan.stages.front();
        const auto& last = plan.stages.back();
        if (last.open() != first.open())
            ctx.fail(at, "stage " + std::to_string(i + 1) + " is " +
                             (last.open() ? "open-model (\"rate\")" : "closed-model (\"users\")") + " but stage 1 is " +
                             (first.open() ? "open-model (\"rate\")" : "closed-model (\"users\")") +
                             ": one plan is all one model or the other");
    }
    return plan;
}

shape_result load_shape(std::string_view text, const std::string& file)
{
    load_plan plan;
    auto error = read_json_document(text, file, [&](load_context& ctx, const json& doc) {
        if (doc.is_array()) {
            plan = parse_stages(ctx, doc, "");
            return;
        }
        ctx.expect(doc, "", json::value_t::object, "an array of stages, or an object with a \"stages\" array");
        ctx.check_keys(doc, "", {"$schema", "description", "stages"});
        if (!doc.contains("stages")) ctx.fail("", "the file needs a \"stages\" array");
        plan = parse_stages(ctx, doc["stages"], "/stages");
    });
    if (error) return std::move(*error);
    return plan;
}

shape_result load_shape_file(const std::string& path)
{
    std::string text;
    if (!read_text_file(path, text)) return load_error::whole_file(path, "cannot open the shape file (does it exist?)");
    return load_shape(text, path);
}

} // namespace hornet::scenario
