// Proves app/shape_driver.hpp is self-contained; the driver against a recording run_control on
// a fake clock (the seconds passed to tick).
#include "app/shape_driver.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace hornet;

namespace {

runtime::open_model pool_of(std::int64_t max_users)
{
    runtime::open_model m;
    m.max_users = max_users;
    return m;
}

// Records what the driver asks for; there is no load behind it.
class recording_control final : public runtime::run_control
{
public:
    struct call
    {
        std::string what; // "start" or "rate"
        std::int64_t users = 0;
        double rate = 0;
    };
    std::vector<call> calls;

    void start(std::int64_t user_count, double spawn_rate) override
    {
        calls.push_back({"start", user_count, spawn_rate});
    }
    void start_rate(const runtime::open_model& m) override { calls.push_back({"rate", m.max_users, m.rate}); }
    boost::asio::awaitable<void> stop(double) override { co_return; }
    stats::aggregate& stats() override { return stats_; }
    std::int64_t user_count() const override { return 0; }
    void reset_stats() override {}
    void set_on_spawning_complete(std::function<void()>) override {}

private:
    stats::aggregate stats_;
};

scenario::load_stage closed(double duration, std::int64_t users, std::optional<double> spawn_rate = std::nullopt)
{
    return {duration, users, spawn_rate, std::nullopt, false};
}

scenario::load_stage open(double duration, double rate, bool ramp = false)
{
    return {duration, std::nullopt, std::nullopt, rate, ramp};
}

} // namespace

TEST_CASE("closed stages: start() once per change of target, false after the last stage")
{
    recording_control control;
    app::shape_driver driver(scenario::load_plan{{closed(3, 2, 100.0), closed(3, 6), closed(3, 6, 100.0)}}, 5.0,
                             pool_of(0), control);
    for (double t = 0; t < 9; t += 1) CHECK(driver.tick(t));
    CHECK_FALSE(driver.tick(9));
    // Stage 3 keeps 6 users but changes the spawn rate: that is a new target too.
    REQUIRE(control.calls.size() == 3);
    CHECK(control.calls[0].what == "start");
    CHECK(control.calls[0].users == 2);
    CHECK(control.calls[0].rate == 100.0);
    CHECK(control.calls[1].users == 6);
    CHECK(control.calls[1].rate == 5.0);
    CHECK(control.calls[2].users == 6);
    CHECK(control.calls[2].rate == 100.0);
}

TEST_CASE("a tick that skips a whole stage goes straight to the stage in force")
{
    recording_control control;
    app::shape_driver driver(scenario::load_plan{{closed(1, 1), closed(1, 2), closed(5, 3)}}, 1, pool_of(0), control);
    CHECK(driver.tick(0));
    CHECK(driver.tick(2.5));
    REQUIRE(control.calls.size() == 2);
    CHECK(control.calls[1].users == 3);
}

TEST_CASE("open stages: start_rate() at each change, every tick during a ramp")
{
    recording_control control;
    app::shape_driver driver(scenario::load_plan{{open(3, 2), open(4, 10, true), open(2, 10)}}, 1, pool_of(50),
                             control);
    for (double t = 0; t < 9; t += 1) CHECK(driver.tick(t));
    CHECK_FALSE(driver.tick(9.5));
    std::vector<double> rates;
    for (const auto& c : control.calls) {
        CHECK(c.what == "rate");
        CHECK(c.users == 50);
        rates.push_back(c.rate);
    }
    // t=0 holds 2; the ramp 3..7 goes 2 -> 10 (t=3: 2, t=4: 4, t=5: 6, t=6: 8); t=7 holds 10.
    REQUIRE(rates.size() == 5);
    CHECK(rates[0] == 2);
    CHECK(rates[1] == doctest::Approx(4));
    CHECK(rates[2] == doctest::Approx(6));
    CHECK(rates[3] == doctest::Approx(8));
    CHECK(rates[4] == 10);
}

TEST_CASE("the console line names the stage, its target and the time left")
{
    recording_control control;
    app::shape_driver closed_driver(scenario::load_plan{{closed(60, 10), closed(60, 100, 10.0)}}, 1, pool_of(0),
                                    control);
    CHECK(closed_driver.status_line(80) == "Stage 2/2: 100 users at 10.00/s for 1m (40 s left)");
    CHECK(closed_driver.status_line(0.5) == "Stage 1/2: 10 users at 1.00/s for 1m (60 s left)");
    app::shape_driver open_driver(scenario::load_plan{{open(30, 5), open(120, 25, true)}}, 1, pool_of(0), control);
    CHECK(open_driver.status_line(10) == "Stage 1/2: 5.00 iterations/s for 30s (20 s left)");
    CHECK(open_driver.status_line(90) == "Stage 2/2: ramping to 25.00 iterations/s (now 15.00) for 2m (60 s left)");
    app::shape_driver step_driver(scenario::step_load_plan(6, std::nullopt, 2, 4), 3, pool_of(0), control);
    CHECK(step_driver.status_line(100) == "Stage 3/3: 6 users at 3.00/s, holding until the test is stopped");
}

TEST_CASE("the reports get the stages with the spawn rate each used")
{
    recording_control control;
    app::shape_driver driver(scenario::step_load_plan(4, std::nullopt, 2, 10), 2.5, pool_of(0), control);
    report::run_parameters params;
    params.users = 1;
    driver.describe(params);
    CHECK(params.users == 4); // the plan's peak, not -u
    const auto& records = params.stages;
    REQUIRE(records.size() == 2);
    CHECK(records[0].duration_s == 10.0);
    CHECK(records[0].users == 2);
    CHECK(records[0].spawn_rate == 2.5);
    CHECK_FALSE(records[1].duration_s.has_value()); // held until stopped
    CHECK_FALSE(records[0].rate.has_value());
    app::shape_driver open_driver(scenario::load_plan{{open(30, 0.5, true)}}, 1, pool_of(0), control);
    report::run_parameters open_params;
    open_params.users = 7;
    open_driver.describe(open_params);
    CHECK(open_params.users == 7); // an open plan has no user target
    const auto& open_records = open_params.stages;
    REQUIRE(open_records.size() == 1);
    CHECK(open_records[0].rate == 0.5);
    CHECK(open_records[0].ramp);
    CHECK_FALSE(open_records[0].users.has_value());
}
