// The plan's arithmetic that does not depend on time passing (that is runtime::shape_cursor).
#include "scenario/load_plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hornet::scenario {

double load_plan::total_duration() const
{
    double total = 0;
    for (const auto& s : stages) total += s.duration;
    return total;
}

load_plan step_load_plan(std::int64_t max_users, std::optional<double> spawn_rate, std::int64_t step_users,
                         double step_time)
{
    load_plan plan;
    std::int64_t users = 0;
    while (users < max_users) {
        users = std::min(max_users, users + step_users);
        plan.stages.push_back({step_time, users, spawn_rate, std::nullopt, false});
    }
    // The top step holds: Locust 1.x kept the maximum until -t or a stop.
    if (plan.stages.empty()) plan.stages.push_back({0, 0, spawn_rate, std::nullopt, false});
    plan.stages.back().duration = std::numeric_limits<double>::infinity();
    return plan;
}

std::string duration_text(double seconds)
{
    if (!std::isfinite(seconds)) return "forever";
    // Whole seconds when it is one; a fraction is shown as seconds with up to 3 decimals.
    if (seconds != std::floor(seconds)) {
        std::string text = std::to_string(std::round(seconds * 1000) / 1000);
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
        return text + "s";
    }
    auto whole = static_cast<std::int64_t>(seconds);
    std::string out;
    if (whole >= 3600) out += std::to_string(whole / 3600) + "h";
    if (whole % 3600 >= 60) out += std::to_string(whole % 3600 / 60) + "m";
    if (whole % 60 != 0 || out.empty()) out += std::to_string(whole % 60) + "s";
    return out;
}

} // namespace hornet::scenario
