// Proves stats/error_table.hpp is self-contained; checks first-seen order and merging.
#include "stats/error_table.hpp"

#include <doctest/doctest.h>

using hornet::stats::error_table;

TEST_CASE("errors are counted per (method, name, error) in first-seen order")
{
    error_table t;
    t.add("GET", "/b", "HTTPError('500')");
    t.add("GET", "/a", "HTTPError('404')");
    t.add("GET", "/b", "HTTPError('500')", 2);
    t.add("POST", "/b", "HTTPError('500')");
    REQUIRE(t.size() == 3);
    CHECK(t.rows()[0].name == "/b");
    CHECK(t.rows()[0].occurrences == 3);
    CHECK(t.rows()[1].name == "/a");
    CHECK(t.rows()[2].method == "POST");
    CHECK(t.total_occurrences() == 5);
    REQUIRE(t.find("GET", "/a", "HTTPError('404')"));
    CHECK(t.find("GET", "/a", "HTTPError('404')")->occurrences == 1);
    CHECK(t.find("GET", "/a", "other") == nullptr);
}

TEST_CASE("merge appends new keys and adds to known ones")
{
    error_table a, b;
    a.add("GET", "/x", "e1");
    b.add("GET", "/y", "e2", 4);
    b.add("GET", "/x", "e1", 2);
    a.merge(b);
    REQUIRE(a.size() == 2);
    CHECK(a.rows()[0].occurrences == 3);
    CHECK(a.rows()[1].name == "/y");
    CHECK(a.rows()[1].occurrences == 4);
}

TEST_CASE("copies and moves keep lookups working")
{
    error_table a;
    for (int i = 0; i < 100; ++i) a.add("GET", "/n" + std::to_string(i), "short"); // SSO strings
    error_table copy = a;
    copy.add("GET", "/n5", "short");
    CHECK(copy.find("GET", "/n5", "short")->occurrences == 2);
    CHECK(a.find("GET", "/n5", "short")->occurrences == 1);
    error_table moved = std::move(copy);
    moved.add("GET", "/n99", "short");
    CHECK(moved.size() == 100);
    CHECK(moved.find("GET", "/n99", "short")->occurrences == 2);
}

TEST_CASE("nonzero and zero_counts split a delta off a recorder")
{
    error_table t;
    t.add("GET", "/a", "e");
    t.add("GET", "/b", "e");
    t.zero_counts();
    t.add("GET", "/b", "e");
    auto delta = t.nonzero();
    REQUIRE(delta.size() == 1);
    CHECK(delta.rows()[0].name == "/b");
    CHECK(t.size() == 2);
    t.clear();
    CHECK(t.empty());
    CHECK(t.find("GET", "/a", "e") == nullptr);
}

TEST_CASE("failure kinds: kept per row, summed per kind, a known kind replaces other")
{
    using hornet::core::failure_kind;
    error_table t;
    t.add("GET", "/a", "TimeoutError('request timed out after 60.0 s')", 3, failure_kind::timeout);
    t.add("GET", "/b", "CatchResponseError('expected status 200, got 404')", 2, failure_kind::check);
    t.add("GET", "/c", "HTTPError('500 Server Error')", 1); // a Locust worker's row: kind unknown
    t.add("GET", "/c", "HTTPError('500 Server Error')", 4, failure_kind::status);
    CHECK(t.find("GET", "/c", "HTTPError('500 Server Error')")->kind == failure_kind::status);

    error_table merged;
    merged.merge(t);
    merged.merge(t);
    auto by_kind = merged.occurrences_by_kind();
    CHECK(by_kind[static_cast<std::size_t>(failure_kind::timeout)] == 6);
    CHECK(by_kind[static_cast<std::size_t>(failure_kind::check)] == 4);
    CHECK(by_kind[static_cast<std::size_t>(failure_kind::status)] == 10);
    CHECK(by_kind[static_cast<std::size_t>(failure_kind::other)] == 0);
    CHECK(merged.nonzero().find("GET", "/a", "TimeoutError('request timed out after 60.0 s')")->kind ==
          failure_kind::timeout);
}
