// A test_control over real statistics (recorded through a stats::shard) that remembers what the
// routes asked of it.
#pragma once

#include "core/clock.hpp"
#include "stats/shard.hpp"
#include "web/test_control.hpp"

#include <string>
#include <vector>

namespace hornet::web::test {

class fake_control final : public test_control
{
public:
    fake_control()
    {
        stats::shard s;
        const double now = core::unix_now();
        for (int i = 0; i < 20; ++i) s.record("GET", "/", 10.0 + i, 11, "", now);
        s.record("GET", "/fail", 5, 0, "HTTPError('500')", now);
        s.record("POST", "/a<b>", 7, 3, "", now);
        s.record_exception("ValueError('boom')", "Traceback <here>");
        stats_.merge(s.take());
    }

    std::string state() const override { return state_; }
    std::int64_t user_count() const override { return users_; }
    const stats::aggregate& stats() const override { return stats_; }
    std::uint64_t stats_generation() const override { return generation_; }
    std::string swarm(const swarm_request& r) override
    {
        swarms.push_back(r);
        if (!refuse.empty()) return refuse;
        state_ = "running";
        users_ = r.user_count;
        ++generation_;
        return "";
    }
    void stop() override
    {
        ++stops;
        state_ = "stopped";
    }
    void reset_stats() override
    {
        ++resets;
        stats_.reset();
        ++generation_;
    }
    form_defaults defaults() const override
    {
        form_defaults d;
        d.host = "http://127.0.0.1:1";
        d.class_picker = class_picker;
        d.user_classes = class_names();
        d.master = master;
        d.load_model = load_model;
        if (load_model == "open") d.rate = 10;
        return d;
    }
    std::vector<worker_row> workers() const override { return worker_rows; }
    std::vector<std::string> class_names() const override { return {"ApiUser", "WebUser"}; }
    std::map<std::string, ratio_node> task_ratios() const override
    {
        ratio_node web{0.75, {{"index", {2.0 / 3, {}}}, {"about", {1.0 / 3, {}}}}};
        ratio_node api{0.25, {{"list", {1.0, {}}}}};
        return {{"WebUser", web}, {"ApiUser", api}};
    }
    report::run_record record() const override
    {
        report::run_record r;
        r.parameters.hornet_version = "test";
        return r;
    }
    report::metrics_state metrics_state() const override { return {state_, users_, 0, 0, 0, 0}; }

    std::string stage() const override { return stage_line; }

    std::string load_model = "closed";
    std::string stage_line;
    std::vector<swarm_request> swarms;
    int stops = 0;
    int resets = 0;
    std::string refuse;
    bool class_picker = false;
    bool master = false;
    std::vector<worker_row> worker_rows;

private:
    stats::aggregate stats_;
    std::string state_ = "ready";
    std::int64_t users_ = 0;
    std::uint64_t generation_ = 0;
};

} // namespace hornet::web::test
