// Proves core/log.hpp is self-contained; the lines a worker forwards to its master.
#include "core/log.hpp"

#include <doctest/doctest.h>

#include <string>

using hornet::core::log;

TEST_CASE("lines_after: each line once, in order, and only those still kept")
{
    std::uint64_t seen = 0;
    log::lines_after(seen); // whatever other tests wrote
    log::info("test.log", "first");
    log::info("test.log", "second");
    auto lines = log::lines_after(seen);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].ends_with("INFO/test.log: first"));
    CHECK(lines[1].ends_with("INFO/test.log: second"));
    CHECK(log::lines_after(seen).empty());

    // More than are kept since the last call: the newest 500 come, none twice.
    for (int i = 0; i < 600; ++i) log::info("test.log", "line " + std::to_string(i));
    lines = log::lines_after(seen);
    REQUIRE(lines.size() == 500);
    CHECK(lines.front().ends_with("line 100"));
    CHECK(lines.back().ends_with("line 599"));
}
