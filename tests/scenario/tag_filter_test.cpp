// Proves scenario/tag_filter.hpp is self-contained; checks Locust's -T/-E semantics.
#include "scenario/tag_filter.hpp"

#include "scenario/json_loader.hpp"

#include <doctest/doctest.h>

using namespace hornet::scenario;

namespace {
model sample()
{
    auto r = load_json(R"({"users": [
        {"name": "A", "tasks": [{"get": "/a1", "tags": ["read"]}, {"get": "/a2", "tags": ["write", "slow"]}, {"get": "/a3"}]},
        {"name": "B", "tasks": [{"get": "/b1", "tags": ["slow"]}]}]})",
                       "t.json");
    REQUIRE(r.has_value());
    return *r;
}
} // namespace

TEST_CASE("-T keeps tasks with any of the tags; classes left empty are dropped")
{
    auto m = sample();
    std::vector<std::string> dropped;
    filter_tags(m, {"read"}, {}, dropped);
    REQUIRE(m.users.size() == 1);
    REQUIRE(m.users[0].tasks.size() == 1);
    CHECK(m.users[0].tasks[0].steps[0].path.literal() == "/a1");
    CHECK(dropped == std::vector<std::string>{"B"});
}

TEST_CASE("-E removes tasks with any of the tags, untagged tasks stay")
{
    auto m = sample();
    std::vector<std::string> dropped;
    filter_tags(m, {}, {"slow"}, dropped);
    REQUIRE(m.users.size() == 1);
    REQUIRE(m.users[0].tasks.size() == 2);
    CHECK(m.users[0].tasks[1].steps[0].path.literal() == "/a3");
}

TEST_CASE("no tags: nothing changes")
{
    auto m = sample();
    std::vector<std::string> dropped;
    filter_tags(m, {}, {}, dropped);
    CHECK(m.users.size() == 2);
    CHECK(dropped.empty());
}
