// Proves core/object_pool.hpp is self-contained; reuse in steady state, a bounded spare list.
#include "core/object_pool.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <vector>

using hornet::core::object_pool;

TEST_CASE("an object given back is the next one taken: the steady state allocates nothing")
{
    object_pool<int> pool;
    auto a = pool.take();
    REQUIRE(a);
    int* first = a.get();
    *a = 42;
    pool.give_back(std::move(a));
    auto b = pool.take();
    CHECK(b.get() == first);
    CHECK(*b == 42); // reused as it was: the borrower resets what it needs
    auto c = pool.take();
    CHECK(c.get() != first); // the pool was empty: a new one
    CHECK(pool.lent() == 2);
    pool.give_back(std::move(b));
    pool.give_back(nullptr); // nothing was lent: nothing counted back
    CHECK(pool.lent() == 1);
}

TEST_CASE("a burst beyond the spare limit is freed, not kept")
{
    object_pool<int> pool;
    std::vector<std::unique_ptr<int>> lent;
    for (int i = 0; i < 300; ++i) lent.push_back(pool.take());
    std::set<int*> burst;
    for (auto& p : lent) burst.insert(p.get());
    for (auto& p : lent) pool.give_back(std::move(p));
    // 256 come back from the pool, then it makes new ones again.
    std::vector<std::unique_ptr<int>> again;
    int reused = 0;
    for (int i = 0; i < 300; ++i) {
        again.push_back(pool.take());
        if (burst.count(again.back().get()) && i < 256) ++reused;
    }
    CHECK(reused == 256);
    CHECK(pool.lent() == 300);
}
