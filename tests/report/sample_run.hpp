// A small recorded run shared by the report tests; the expected texts were produced by feeding
// the same requests (same times) to Locust 2.12's stats.py and printing its tables and CSVs.
#pragma once

#include "stats/aggregate.hpp"
#include "stats/shard.hpp"

namespace hornet::test {

/// Run started at 1000.0; GET /a 33 x 10 ms (14 failed), POST '/b,"x"' 57 ms, GET /c 2 ms failed.
inline stats::aggregate sample_run()
{
    stats::aggregate agg(1000.0);
    stats::shard s;
    for (int i = 0; i < 33; ++i)
        s.record("GET", "/a", 10.0, 100, i < 14 ? "HTTPError('500 Server Error')" : "", 1001.0 + i * 0.25);
    s.record("POST", "/b,\"x\"", 57.0, 11, "", 1009.5);
    s.record("GET", "/c", 2.0, 0, "ConnectionRefusedError(111, 'Connection refused')", 1009.9);
    s.record_exception("ValueError('bad')",
                       "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad\n");
    s.record_exception("ValueError('bad')",
                       "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad\n");
    agg.merge(s.take());
    return agg;
}

/// A run reset at 1000.0 where GET /idle was seen before the reset.
inline stats::aggregate idle_run()
{
    stats::aggregate agg(900.0);
    stats::shard s;
    s.record("GET", "/idle", 1.0, 0, "", 950.0);
    agg.merge(s.take());
    agg.reset(1000.0);
    return agg;
}

} // namespace hornet::test
