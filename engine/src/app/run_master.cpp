// run_master: the master role as a process, from parsed options to exit code.
#include "app/run_master.hpp"

#include "app/headless_run.hpp"
#include "app/open_model_options.hpp"
#include "app/web_run.hpp"
#include "cluster/master.hpp"
#include "core/log.hpp"
#include "proto/value.hpp"

#include <boost/asio/io_context.hpp>

namespace hornet::app {

namespace net = boost::asio;

cluster::master_options master_options_from(const cli::options& opts, const scenario::model& model)
{
    cluster::master_options m;
    m.bind_host = opts.master_bind_host;
    m.bind_port = opts.master_bind_port;
    m.expect_workers = opts.expect_workers;
    m.open_model = uses_open_model(opts, model);
    m.expect_workers_max_wait = static_cast<double>(opts.expect_workers_max_wait);
    for (const auto& c : model.users) m.settings.classes.push_back(&c);
    if (!opts.host.empty()) m.settings.host = opts.host;
    m.settings.stop_timeout = opts.stop_timeout;

    // Python workers copy tags, exclude_tags and expect_workers from here (plus custom options);
    // Hornet workers read the same keys.
    auto tag_list = [](const std::vector<std::string>& tags) {
        if (tags.empty()) return proto::value();
        proto::value::array_type a;
        for (const auto& t : tags) a.emplace_back(t);
        return proto::value(std::move(a));
    };
    proto::value::map_type po;
    po.emplace_back(proto::value("host"), opts.host.empty() ? proto::value() : proto::value(opts.host));
    po.emplace_back(proto::value("num_users"), opts.users ? proto::value(*opts.users) : proto::value());
    po.emplace_back(proto::value("spawn_rate"), opts.spawn_rate ? proto::value(*opts.spawn_rate) : proto::value());
    po.emplace_back(proto::value("headless"), proto::value(opts.headless));
    po.emplace_back(proto::value("tags"), tag_list(opts.tags));
    po.emplace_back(proto::value("exclude_tags"), tag_list(opts.exclude_tags));
    po.emplace_back(proto::value("expect_workers"), proto::value(opts.expect_workers));
    m.settings.parsed_options = proto::value(std::move(po));
    return m;
}

int run_master(const cli::options& opts, const scenario::model& model)
{
    net::io_context io{1};
    cluster::master m(io, master_options_from(opts, model));
    auto port = m.listen();
    if (!port) {
        core::log::error("hornet.main", "Could not bind the master socket to " + opts.master_bind_host + ":" +
                                            std::to_string(opts.master_bind_port) + ": " + port.error().message());
        return 1;
    }
    core::log::debug("hornet.main", "Master listening for workers on port " + std::to_string(*port));
    if (opts.headless) return run_headless(opts, model, io, m);
    cluster_view view;
    view.workers = [&m] {
        std::vector<web::worker_row> rows;
        for (const auto& [id, w] : m.core().workers().workers()) {
            web::worker_row r;
            r.id = w.id;
            r.state = std::string(cluster::to_string(w.state));
            r.user_count = w.user_count();
            r.cpu_usage = w.cpu_percent;
            r.memory_usage = w.memory_bytes;
            r.missing = w.state == cluster::worker_state::missing;
            rows.push_back(std::move(r));
        }
        return rows;
    };
    view.logs = [&m] {
        std::map<std::string, std::vector<std::string>> out;
        for (const auto& [id, lines] : m.core().worker_logs()) out[id].assign(lines.begin(), lines.end());
        return out;
    };
    return run_web(
        opts, model, io, m, std::move(view),
        [&](const std::vector<std::string>& names, const std::string& host) -> std::string {
            // A rate is shared by the workers over all their classes: they have no picker for it.
            if (!names.empty() && uses_open_model(opts, model))
                return "choosing user classes for a rate test is not available on a master: start with all of them";
            m.core().select_classes(names);
            if (!host.empty()) m.core().set_host(host); // the workers' users run against it
            return "";
        });
}

} // namespace hornet::app
