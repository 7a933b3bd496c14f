// Proves cluster/dispatch.hpp is self-contained; checks Locust's dispatch over workers and classes.
#include "cluster/dispatch.hpp"

#include <doctest/doctest.h>

#include <numeric>
#include <string>

using namespace hornet;
using cluster::class_vector;

namespace {

scenario::user_class cls(std::string name, double weight, int fixed = 0)
{
    scenario::user_class c;
    c.name = std::move(name);
    c.weight = weight;
    c.fixed_count = fixed;
    return c;
}

struct fixture
{
    std::vector<scenario::user_class> classes;
    std::vector<const scenario::user_class*> pointers() const
    {
        std::vector<const scenario::user_class*> out;
        for (const auto& c : classes) out.push_back(&c);
        return out;
    }
};

std::int64_t sum(const class_vector& v)
{
    return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

} // namespace

TEST_CASE("workers are ordered by index within their host, then id (Locust's _sort_workers)")
{
    CHECK(cluster::locust_worker_order({"hostB_1", "hostA_2", "hostA_1"}) ==
          std::vector<std::string>{"hostA_1", "hostB_1", "hostA_2"});
    CHECK(cluster::locust_worker_order({"a_3", "a_1", "b_9", "b_2", "c_1"}) ==
          std::vector<std::string>{"a_1", "b_2", "c_1", "a_3", "b_9"});
    // No underscore: the whole id is the host.
    CHECK(cluster::locust_worker_order({"y", "x"}) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("ramp pacing: max(1, floor(rate)) users per step, k / rate seconds apart")
{
    using std::chrono::duration;
    auto secs = [](double rate) { return duration<double>(cluster::pace_for(rate).interval).count(); };
    CHECK(cluster::pace_for(2).users_per_step == 2);
    CHECK(secs(2) == doctest::Approx(1.0));
    CHECK(cluster::pace_for(0.5).users_per_step == 1);
    CHECK(secs(0.5) == doctest::Approx(2.0));
    CHECK(cluster::pace_for(2.5).users_per_step == 2);
    CHECK(secs(2.5) == doctest::Approx(0.8));
    CHECK(cluster::pace_for(100).users_per_step == 100);
    CHECK(secs(100) == doctest::Approx(1.0));
}

TEST_CASE("users go round-robin over workers, classes in the newest (KL) order")
{
    fixture f{{cls("A", 3), cls("B", 1)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("hostB_1");
    d.add_worker("hostA_2");
    d.add_worker("hostA_1");
    CHECK(d.workers() == std::vector<std::string>{"hostA_1", "hostB_1", "hostA_2"});

    CHECK(d.step_toward(7, 1000) == 7);
    // KL order ABAAABA dealt to hostA_1, hostB_1, hostA_2, hostA_1, ...
    CHECK(d.counts_of("hostA_1") == class_vector{3, 0});
    CHECK(d.counts_of("hostB_1") == class_vector{1, 1});
    CHECK(d.counts_of("hostA_2") == class_vector{1, 1});
    CHECK(d.class_totals() == class_vector{5, 2});

    // 7 -> 3 at rate 2: LIFO, two users per step.
    CHECK(d.step_toward(3, 2) == -2);
    CHECK(d.counts_of("hostA_1") == class_vector{2, 0});
    CHECK(d.counts_of("hostB_1") == class_vector{1, 1});
    CHECK(d.counts_of("hostA_2") == class_vector{1, 0});
    CHECK(d.step_toward(3, 2) == -2);
    CHECK(d.counts_of("hostA_1") == class_vector{1, 0});
    CHECK(d.counts_of("hostB_1") == class_vector{0, 1});
    CHECK(d.counts_of("hostA_2") == class_vector{1, 0});
    CHECK(d.step_toward(3, 2) == 0);
    CHECK_FALSE(d.can_reach(3));
}

TEST_CASE("a ramp step never overshoots the target and a ramp back up replays the same layout")
{
    fixture f{{cls("A", 2), cls("B", 5), cls("C", 6)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("h_1");
    d.add_worker("h_2");
    CHECK(d.step_toward(5, 3) == 3);
    CHECK(d.step_toward(5, 3) == 2);
    CHECK(d.user_count() == 5);
    CHECK(d.step_toward(20, 100) == 15);
    auto w1 = d.counts_of("h_1"), w2 = d.counts_of("h_2");
    CHECK(sum(w1) == 10);
    CHECK(sum(w2) == 10);
    CHECK(d.step_toward(4, 100) == -16);
    CHECK(d.step_toward(20, 100) == 16);
    CHECK(d.counts_of("h_1") == w1);
    CHECK(d.counts_of("h_2") == w2);
}

TEST_CASE("fixed_count classes are filled first and removed last")
{
    fixture f{{cls("A", 3), cls("B", 1), cls("F", 1, 2)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("w_1");
    CHECK(d.step_toward(2, 1) == 1);
    CHECK(d.step_toward(2, 1) == 1);
    CHECK(d.class_totals() == class_vector{0, 0, 2});
    CHECK(d.step_toward(6, 100) == 4);
    CHECK(d.class_totals() == class_vector{3, 1, 2});
    CHECK(d.step_toward(1, 100) == -5);
    CHECK(d.class_totals() == class_vector{0, 0, 1});
}

TEST_CASE("only fixed_count classes: the ramp stops at their sum")
{
    fixture f{{cls("F", 1, 2), cls("G", 1, 1)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("w_1");
    d.add_worker("w_2");
    CHECK(d.step_toward(10, 100) == 3);
    CHECK_FALSE(d.can_reach(10));
    CHECK(d.step_toward(10, 100) == 0);
    CHECK(d.class_totals() == class_vector{2, 1});
}

TEST_CASE("no worker: nothing is dispatched")
{
    fixture f{{cls("A", 1)}};
    cluster::dispatcher d(f.pointers());
    CHECK_FALSE(d.can_reach(5));
    CHECK(d.step_toward(5, 10) == 0);
    CHECK(d.counts_of("nobody") == class_vector{0});
}

TEST_CASE("a worker joining or going away rebalances the current users over the new set")
{
    fixture f{{cls("A", 3), cls("B", 1)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("a_1");
    d.add_worker("b_1");
    d.add_worker("c_1");
    CHECK(d.step_toward(9, 100) == 9);
    for (const auto& w : d.workers()) CHECK(sum(d.counts_of(w)) == 3);

    CHECK(d.remove_worker("b_1"));
    CHECK_FALSE(d.remove_worker("b_1"));
    CHECK(d.user_count() == 9);
    CHECK(sum(d.counts_of("a_1")) == 5);
    CHECK(sum(d.counts_of("c_1")) == 4);
    CHECK(d.counts_of("b_1") == class_vector{0, 0});
    CHECK(d.class_totals() == class_vector{7, 2});

    // Back: the layout is the one of a fresh dispatch over three workers.
    CHECK(d.add_worker("b_1"));
    CHECK_FALSE(d.add_worker("b_1"));
    cluster::dispatcher fresh(f.pointers());
    for (auto id : {"c_1", "a_1", "b_1"}) fresh.add_worker(id);
    fresh.step_toward(9, 100);
    for (const auto& w : d.workers()) CHECK(d.counts_of(w) == fresh.counts_of(w));
}

TEST_CASE("the last worker gone: users are forgotten, a returning worker starts from zero")
{
    fixture f{{cls("A", 1)}};
    cluster::dispatcher d(f.pointers());
    d.add_worker("a_1");
    d.step_toward(4, 10);
    d.remove_worker("a_1");
    CHECK(d.user_count() == 0);
    CHECK(d.class_totals() == class_vector{0});
    d.add_worker("a_1");
    CHECK(d.user_count() == 0);
    CHECK(d.step_toward(4, 10) == 4);
    CHECK(d.counts_of("a_1") == class_vector{4});
}

TEST_CASE("a large fleet: users spread evenly, hosts interleaved")
{
    fixture f{{cls("A", 1), cls("B", 1)}};
    cluster::dispatcher d(f.pointers());
    for (int h = 0; h < 10; ++h)
        for (int i = 0; i < 20; ++i) d.add_worker("host" + std::to_string(h) + "_" + std::to_string(100 + i));
    CHECK(d.workers().size() == 200);
    // The first ten workers are one per host.
    for (int i = 0; i < 10; ++i) CHECK(d.workers()[i].substr(0, 5) == "host" + std::to_string(i));
    CHECK(d.step_toward(1001, 10000) == 1001);
    std::int64_t lo = 1 << 30, hi = 0;
    for (const auto& w : d.workers()) {
        lo = std::min(lo, sum(d.counts_of(w)));
        hi = std::max(hi, sum(d.counts_of(w)));
    }
    CHECK(lo == 5);
    CHECK(hi == 6);
    CHECK(d.class_totals() == class_vector{501, 500});
}
