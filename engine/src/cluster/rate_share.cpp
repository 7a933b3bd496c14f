// The rate share's map: {rate, class_rates, max_users, arrival, late_tolerance, drop_after, phase}.
#include "cluster/rate_share.hpp"

#include <cmath>

namespace hornet::cluster {

proto::value to_value(const runtime::open_model& share)
{
    proto::value::map_type class_rates;
    for (const auto& [name, rate] : share.class_rates) class_rates.emplace_back(proto::value(name), proto::value(rate));
    return proto::value(proto::value::map_type{
        {proto::value("rate"), proto::value(share.rate)},
        {proto::value("class_rates"), proto::value(std::move(class_rates))},
        {proto::value("max_users"), proto::value(share.max_users)},
        {proto::value("arrival"),
         proto::value(share.arrival == runtime::arrival_kind::poisson ? "poisson" : "constant")},
        {proto::value("late_tolerance"), proto::value(share.late_tolerance)},
        {proto::value("drop_after"), proto::value(share.drop_after)},
        {proto::value("phase"), proto::value(share.phase)},
    });
}

std::optional<runtime::open_model> rate_share_of(const proto::value& parsed_options, std::string& error)
{
    const proto::value* v = parsed_options.find(rate_share_key);
    if (!v) return std::nullopt;
    auto bad = [&error](const std::string& why) -> std::optional<runtime::open_model> {
        error = "the master's rate share is malformed: " + why;
        return std::nullopt;
    };
    if (!v->as_map()) return bad("not a map");
    runtime::open_model m;
    // A number that is there, finite and within [low, high]; false when it is not.
    auto number = [&](std::string_view key, double& out, double low, double high) {
        const proto::value* f = v->find(key);
        if (!f) return true; // the default stands
        auto d = f->as_double();
        if (!d || !std::isfinite(*d) || *d < low || *d > high) return false;
        out = *d;
        return true;
    };
    double max_users = static_cast<double>(m.max_users);
    if (!number("rate", m.rate, 0, 1e9)) return bad("'rate' is not a rate");
    if (!number("max_users", max_users, 1, 1e9)) return bad("'max_users' is not a count");
    m.max_users = static_cast<std::int64_t>(max_users);
    if (!number("late_tolerance", m.late_tolerance, 1e-6, 1e6)) return bad("'late_tolerance' is not seconds");
    if (!number("drop_after", m.drop_after, 1e-6, 1e6)) return bad("'drop_after' is not seconds");
    if (!number("phase", m.phase, 0, 1)) return bad("'phase' is not within 0..1");
    if (const proto::value* a = v->find("arrival")) {
        const std::string* text = a->as_str();
        if (!text || (*text != "constant" && *text != "poisson")) return bad("'arrival' is not constant or poisson");
        m.arrival = *text == "poisson" ? runtime::arrival_kind::poisson : runtime::arrival_kind::constant;
    }
    if (const proto::value* c = v->find("class_rates")) {
        const auto* map = c->as_map();
        if (!map) return bad("'class_rates' is not a map");
        for (const auto& [name, rate] : *map) {
            auto r = rate.as_double();
            if (!name.as_str() || !r || !std::isfinite(*r) || *r < 0)
                return bad("'class_rates' holds something other than class names and rates");
            m.class_rates.emplace_back(*name.as_str(), *r);
        }
    }
    if (m.rate <= 0 && m.class_rates.empty()) return bad("no rate");
    return m;
}

} // namespace hornet::cluster
