// A realistic run for the /metrics tests: several endpoints, failures of several kinds, a name no
// scraper should choke on. Shared by the unit tests and the program whose output promtool checks.
#pragma once

#include "core/failure_kind.hpp"
#include "stats/aggregate.hpp"
#include "stats/shard.hpp"

#include <string>

namespace hornet::test {

/// A name with every character the text format escapes, non-ASCII text and a malformed byte.
inline const std::string hostile_name = "/q?s=\"quoted\"&p=C:\\dir\nnext\t\xC3\xA9t\xC3\xA9 \xE2\x9C\x93 \xFF end";

/// Run started at 2000.0 on two shards (two engine threads), merged as the report tick does.
inline stats::aggregate metrics_sample()
{
    using core::failure_kind;
    stats::aggregate agg(2000.0);
    stats::shard a;
    stats::shard b;
    // GET /: 200 requests from 0.5 ms to 100 ms (a spread over many buckets), 2 of them 503s.
    for (int i = 0; i < 200; ++i) {
        const double ms = 0.5 + i * 0.5;
        const bool failed = i % 70 == 69;
        (i % 2 ? a : b)
            .record("GET", "/", ms, 1024, failed ? "HTTPError('503 Server Error: Service Unavailable')" : "",
                    2001.0 + i * 0.01, failed ? failure_kind::status : failure_kind::none);
    }
    // Responses exactly on bucket bounds: 10 ms and 2.5 s belong to le="0.01" and le="2.5".
    for (int i = 0; i < 5; ++i) a.record("GET", "/edge", 10.0, 10, "", 2002.0);
    a.record("GET", "/edge", 2500.0, 10, "", 2002.0);
    a.record("GET", "/edge", 10.02, 10, "", 2002.0);
    // POST /api/users: timeouts, refused connections and failed checks.
    for (int i = 0; i < 40; ++i) b.record("POST", "/api/users", 20.0 + i, 64, "", 2003.0);
    for (int i = 0; i < 4; ++i)
        b.record("POST", "/api/users", 30000.0, 0, "ReadTimeout('timed out')", 2004.0, failure_kind::timeout);
    for (int i = 0; i < 2; ++i)
        a.record("POST", "/api/users", 1.0, 0, "ConnectionRefusedError(111, 'Connection refused')", 2004.0,
                 failure_kind::connect_refused);
    a.record("POST", "/api/users", 25.0, 64, "CatchResponseError('no id in body')", 2004.0, failure_kind::check);
    a.record("POST", "/api/users", 26.0, 64, "CatchResponseError('wrong name')", 2004.0, failure_kind::check);
    // Slower than the last bound: only +Inf holds it.
    b.record("GET", "/slow", 75000.0, 5, "", 2005.0);
    b.record("GET", "/slow", 100.0, 5, "", 2005.0);
    // The hostile name, failed once by a Locust worker (kind unknown).
    b.record("GET", hostile_name, 3.0, 7, "", 2005.0);
    b.record("GET", hostile_name, 4.0, 7, "Error with \"quotes\" and \\ backslash\nand a line", 2005.0,
             failure_kind::other);
    a.record_exception("ValueError('bad')", "Traceback (most recent call last):\nValueError: bad\n");
    agg.merge(a.take());
    agg.merge(b.take(), "worker-1");
    return agg;
}

} // namespace hornet::test
