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

TEST_CASE("a nested task set's tags are its tasks'; a set left with no task is dropped, as in Locust")
{
    auto r = load_json(R"({"users": [{"name": "A", "tasks": [
        {"get": "/plain"},
        {"tags": ["browse"], "task_set": {"tasks": [{"get": "/s1"}, {"get": "/s2", "tags": ["slow"]},
            {"task_set": {"tasks": [{"get": "/inner", "tags": ["deep"]}, {"interrupt": true}]}}]}},
        {"task_set": {"tasks": [{"get": "/t1", "tags": ["slow"]}, {"weight": 0, "get": "/t0"}]}}]}]})",
                       "t.json");
    REQUIRE(r.has_value());

    auto kept = *r;
    std::vector<std::string> dropped;
    filter_tags(kept, {"browse"}, {}, dropped);
    REQUIRE(kept.users.size() == 1);
    REQUIRE(kept.users[0].tasks.size() == 1); // only the tagged set: /plain and the other set go
    const auto& set = kept.users[0].tasks[0].nested.at(0);
    REQUIRE(set.tasks.size() == 3); // every task inside carries "browse"
    CHECK(set.tasks[2].nested.at(0).tasks.size() == 2);

    auto excluded = *r;
    filter_tags(excluded, {}, {"slow", "deep"}, dropped);
    REQUIRE(excluded.users[0].tasks.size() == 2); // the second set keeps only a weight-0 task: dropped
    const auto& left = excluded.users[0].tasks[1].nested.at(0);
    REQUIRE(left.tasks.size() == 2);
    CHECK(left.tasks[0].steps[0].path.literal() == "/s1");
    REQUIRE(left.tasks[1].nested.at(0).tasks.size() == 1);
    CHECK(left.tasks[1].nested.at(0).tasks[0].steps[0].type == step::kind::interrupt);
}
