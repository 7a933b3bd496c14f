// Proves stats/snapshot_accumulator.hpp is self-contained; thread deltas merged into one report.
#include "stats/snapshot_accumulator.hpp"

#include <doctest/doctest.h>

using namespace hornet;

namespace {

stats::snapshot delta(double start, std::uint64_t requests, const char* exception = nullptr)
{
    stats::snapshot s;
    stats::entry e("GET", "/a", start);
    for (std::uint64_t i = 0; i < requests; ++i) e.log(10.0 + static_cast<double>(i), 5, start + 1);
    s.entries.push_back(e);
    s.total = stats::entry("", stats::snapshot::total_name, start);
    s.total.merge(e);
    s.errors.add("GET", "/a", "boom", requests);
    if (exception) s.exceptions.push_back({exception, "tb", 2});
    return s;
}

} // namespace

TEST_CASE("snapshot accumulator: rows, total, errors and exceptions of several threads add up")
{
    stats::snapshot_accumulator b;
    CHECK(b.empty());
    b.add(delta(1000.0, 3, "KeyError"));
    b.add(delta(999.0, 2, "KeyError"));
    stats::snapshot other = delta(1001.0, 1, "ValueError");
    other.entries[0].name = "/b";
    b.add(std::move(other));
    CHECK_FALSE(b.empty());

    auto out = b.take();
    REQUIRE(out.entries.size() == 2);
    CHECK(out.entries[0].name == "/a");
    CHECK(out.entries[0].num_requests == 5);
    CHECK(out.entries[0].start_time == 999.0); // the earliest, never the default 0
    CHECK(out.entries[0].response_times.count() == 5);
    CHECK(out.entries[1].name == "/b");
    CHECK(out.total.num_requests == 6);
    CHECK(out.total.start_time == 999.0);
    CHECK(out.errors.total_occurrences() == 6);
    REQUIRE(out.exceptions.size() == 2);
    CHECK(out.exceptions[0].message == "KeyError");
    CHECK(out.exceptions[0].count == 4);

    // take() starts over; an idle report still has a total with a real start time.
    CHECK(b.empty());
    auto idle = b.take();
    CHECK(idle.entries.empty());
    CHECK(idle.total.num_requests == 0);
    CHECK(idle.total.name == "Aggregated");
    CHECK(idle.total.start_time > 1.6e9);
}
