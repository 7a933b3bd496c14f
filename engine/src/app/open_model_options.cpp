// From cli::options to runtime::open_model.
#include "app/open_model_options.hpp"

namespace hornet::app {

bool uses_open_model(const cli::options& opts, const scenario::model& model)
{
    if (opts.rate || model.stages.open()) return true;
    for (const auto& c : model.users)
        if (c.rate) return true;
    return false;
}

runtime::open_model open_model_of(const cli::options& opts, const scenario::model& model)
{
    runtime::open_model m = open_model_settings(opts);
    m.rate = opts.rate.value_or(0);
    if (!opts.rate)
        for (const auto& c : model.users)
            if (c.rate) m.class_rates.emplace_back(c.name, *c.rate);
    return m;
}

double total_rate(const runtime::open_model& m)
{
    double rate = m.rate;
    for (const auto& [name, r] : m.class_rates) rate += r;
    return rate;
}

runtime::open_model open_model_settings(const cli::options& opts)
{
    runtime::open_model m;
    m.max_users = opts.max_users.value_or(opts.users.value_or(1000));
    if (m.max_users < 1) m.max_users = 1;
    m.arrival = opts.arrival == "poisson" ? runtime::arrival_kind::poisson : runtime::arrival_kind::constant;
    m.late_tolerance = opts.late_tolerance;
    m.drop_after = opts.drop_after;
    return m;
}

} // namespace hornet::app
