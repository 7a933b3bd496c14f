// Proves runtime/shape_cursor.hpp is self-contained; the plan at each moment, with the seconds
// elapsed as the clock.
#include "runtime/shape_cursor.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using hornet::runtime::shape_cursor;
using hornet::scenario::load_plan;
using hornet::scenario::load_stage;
using hornet::scenario::step_load_plan;

namespace {

load_stage closed(double duration, std::int64_t users, std::optional<double> spawn_rate = std::nullopt)
{
    return {duration, users, spawn_rate, std::nullopt, false};
}

load_stage open(double duration, double rate, bool ramp = false)
{
    return {duration, std::nullopt, std::nullopt, rate, ramp};
}

} // namespace

TEST_CASE("closed stages: each covers [start, end); past the last one the plan is done")
{
    shape_cursor c(load_plan{{closed(3, 2, 50.0), closed(3, 6), closed(3, 3, 7.0)}}, 4.0);
    auto p = c.at(0);
    CHECK_FALSE(p.done);
    CHECK(p.stage == 0);
    CHECK(p.users == 2);
    CHECK(p.spawn_rate == 50.0);
    CHECK(p.stage_left == 3);
    CHECK(c.at(2.999).stage == 0);
    p = c.at(3); // a boundary belongs to the stage that starts there
    CHECK(p.stage == 1);
    CHECK(p.users == 6);
    CHECK(p.spawn_rate == 4.0); // the stage sets none: the default (-r)
    CHECK(p.stage_left == 3);
    p = c.at(7.5);
    CHECK(p.stage == 2);
    CHECK(p.users == 3);
    CHECK(p.spawn_rate == 7.0);
    CHECK(p.stage_left == doctest::Approx(1.5));
    CHECK_FALSE(c.at(8.999).done);
    p = c.at(9);
    CHECK(p.done);
    CHECK(p.stage == 2);
    CHECK(c.at(1000).done);
    CHECK(c.at(-1).users == 2); // a clock before the start reads as the start
}

TEST_CASE("open stages: a held rate, then a ramp from the rate in force to the stage's")
{
    shape_cursor c(load_plan{{open(10, 5), open(10, 25, true), open(4, 0.5)}}, 1);
    CHECK(c.at(0).rate == 5);
    CHECK(c.at(9.9).rate == 5);
    CHECK(c.at(10).rate == doctest::Approx(5));
    CHECK(c.at(12.5).rate == doctest::Approx(10));
    CHECK(c.at(15).rate == doctest::Approx(15));
    CHECK(c.at(19.99).rate == doctest::Approx(24.98));
    CHECK(c.at(20).rate == 0.5); // no ramp: held from the start of the stage
    CHECK(c.at(23.9).rate == 0.5);
    CHECK(c.at(24).done);
}

TEST_CASE("a first ramp starts from 0 and a ramp down works the same way")
{
    shape_cursor c(load_plan{{open(4, 8, true), open(2, 0, true)}}, 1);
    CHECK(c.at(0).rate == 0);
    CHECK(c.at(1).rate == doctest::Approx(2));
    CHECK(c.at(3).rate == doctest::Approx(6));
    CHECK(c.at(4).rate == doctest::Approx(8));
    CHECK(c.at(5).rate == doctest::Approx(4));
    CHECK(c.at(6).done);
}

TEST_CASE("step load through the cursor: +N every T, then the maximum for good")
{
    shape_cursor c(step_load_plan(6, std::nullopt, 2, 4), 10);
    CHECK(c.at(0).users == 2);
    CHECK(c.at(3.9).users == 2);
    CHECK(c.at(4).users == 4);
    CHECK(c.at(8).users == 6);
    CHECK(c.at(8).spawn_rate == 10);
    auto late = c.at(1e7);
    CHECK_FALSE(late.done);
    CHECK(late.users == 6);
    CHECK(std::isinf(late.stage_left));
}

TEST_CASE("an empty plan is done at once")
{
    shape_cursor c(load_plan{}, 1);
    CHECK(c.at(0).done);
}
