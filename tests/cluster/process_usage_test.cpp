// Proves cluster/process_usage.hpp is self-contained; /proc readings for heartbeats.
#include "cluster/process_usage.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <vector>

using namespace hornet;

TEST_CASE("process usage: resident memory and CPU time of this process")
{
    const auto rss = cluster::process_usage::rss_bytes();
    CHECK(rss > 1024 * 1024); // a test executable holds more than a MiB
    std::vector<char> touched(64 * 1024 * 1024, 1);
    CHECK(cluster::process_usage::rss_bytes() > rss + 32 * 1024 * 1024);

    cluster::process_usage usage;
    auto before = cluster::process_usage::cpu_seconds();
    REQUIRE(before);
    // Burn 100 ms of CPU time (bounded in wall time: a loaded machine gives us less of a core).
    volatile unsigned sink = 0;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (*cluster::process_usage::cpu_seconds() < *before + 0.1 && std::chrono::steady_clock::now() < give_up)
        for (int i = 0; i < 100000; ++i) sink = sink + touched[sink % touched.size()];
    CHECK(*cluster::process_usage::cpu_seconds() >= *before + 0.1);
    const double percent = usage.cpu_percent(std::chrono::milliseconds(0));
    CHECK(percent > 0.0); // the share of a core depends on the machine's load, not on us
    CHECK(percent < 400.0);
    // Within the interval the last value is kept.
    CHECK(usage.cpu_percent(std::chrono::hours(1)) == percent);
}
