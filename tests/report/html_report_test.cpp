// Proves report/html_report.hpp is self-contained; the HTML report of hand-built records.
#include "report/html_report.hpp"

#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <regex>
#include <string>

using namespace hornet;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The number of x,y pairs in the polyline of the series named `name` (escaped as drawn), or -1
// when no such series was drawn.
int polyline_points(const std::string& html, const std::string& name)
{
    auto g = html.find("<g class=\"series\" data-series=\"" + name + "\">");
    if (g == std::string::npos) return -1;
    auto start = html.find("points=\"", g);
    REQUIRE(start != std::string::npos);
    start += 8;
    auto end = html.find('"', start);
    std::string points = html.substr(start, end - start);
    if (points.empty()) return 0;
    static const std::regex pair_re(R"(^-?\d+\.\d,-?\d+\.\d$)");
    int n = 0;
    std::size_t from = 0;
    while (from <= points.size()) {
        auto space = points.find(' ', from);
        std::string pair = points.substr(from, space == std::string::npos ? std::string::npos : space - from);
        CHECK_MESSAGE(std::regex_match(pair, pair_re), pair);
        ++n;
        if (space == std::string::npos) break;
        from = space + 1;
    }
    return n;
}

bool has_non_finite_text(const std::string& html)
{
    static const std::regex bad(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
    return std::regex_search(html, bad);
}

report::endpoint_record endpoint(std::string method, std::string name, std::uint64_t requests, std::uint64_t failures)
{
    report::endpoint_record e;
    e.method = std::move(method);
    e.name = std::move(name);
    e.requests = requests;
    e.failures = failures;
    e.avg_ms = 12.345;
    e.min_ms = 3;
    e.max_ms = 250;
    e.median_ms = 11;
    e.avg_content_length = 512;
    e.rps = 9.5;
    e.failures_per_s = failures ? 0.5 : 0;
    double ms = 10;
    for (double p : {50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0}) {
        e.percentiles.push_back({p, ms});
        ms *= 1.4;
    }
    if (failures) e.failures_by_kind.push_back({"status", failures});
    return e;
}

report::run_record full_record()
{
    report::run_record r;
    r.parameters.hornet_version = "0.1.0";
    r.parameters.host = "http://127.0.0.1:9999";
    r.parameters.scenario = "shop.json";
    r.parameters.user_classes = {"Browser", "Api<User>"};
    r.parameters.users = 5;
    r.parameters.spawn_rate = 2.5;
    r.parameters.run_time = 30;
    r.start_time = 1'700'000'000;
    r.end_time = 1'700'000'030;
    r.verdict = {false, 3, "1 of 2 thresholds failed"};
    r.thresholds.push_back({"p95 < 200ms", "Aggregated", 150.0, "150.0 ms", true});
    r.thresholds.push_back({"error_rate < 1%", "GET /<script>alert(1)</script>", 0.5, "50.00%", false});
    r.endpoints.push_back(endpoint("GET", "/<script>alert(1)</script>", 20, 10));
    r.endpoints.push_back(endpoint("POST", "/cart?a=1&b=\"2\"", 10, 0));
    r.total = endpoint("", "Aggregated", 30, 10);
    r.failures.push_back({"GET", "/<script>alert(1)</script>", "HTTPError('500 Server Error')", "status", 10});
    r.exceptions.push_back({2,
                            "ValueError('<bad>')",
                            "Traceback (most recent call last):\n  File \"x.py\"\n<b>no</b>\n",
                            {"worker-1", "worker-2"}});
    for (int i = 1; i <= 7; ++i) {
        report::time_point p;
        p.time = r.start_time + i * 2;
        p.seconds = 2;
        p.users = std::min(i, 5);
        p.requests = 10 + i;
        p.failures = i % 2;
        p.p50_ms = 10 + i;
        p.p95_ms = 40 + i;
        p.p99_ms = 90 + i;
        r.series.push_back(p);
    }
    return r;
}

} // namespace

TEST_CASE("html_escape leaves no markup")
{
    CHECK(report::html_escape("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(report::html_escape("plain /api/users") == "plain /api/users");
    CHECK(report::html_escape(std::string("a\0b", 3)) == "a&#xFFFD;b");
}

TEST_CASE("every text from the record is escaped")
{
    std::string html = report::to_html(full_record());
    // The document has no script of its own, so any "<script" would have come from the data.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(occurrences(html, "/&lt;script&gt;alert(1)&lt;/script&gt;") >= 5); // tables, chart, legend
    CHECK(html.find("/cart?a=1&amp;b=&quot;2&quot;") != std::string::npos);
    CHECK(html.find("p95 &lt; 200ms") != std::string::npos);
    CHECK(html.find("Api&lt;User&gt;") != std::string::npos);
    CHECK(
        html.find("<pre>Traceback (most recent call last):\n  File &quot;x.py&quot;\n&lt;b&gt;no&lt;/b&gt;\n</pre>") !=
        std::string::npos);
    CHECK(html.find("<b>no</b>") == std::string::npos);
    CHECK(html.find("ValueError(&#39;&lt;bad&gt;&#39;)") != std::string::npos);
}

TEST_CASE("all sections and their rows are present")
{
    std::string html = report::to_html(full_record());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("</html>\n") == html.size() - 8);
    for (const char* id :
         {"verdict", "thresholds", "parameters", "charts", "requests", "request-stats", "percentiles",
          "percentile-stats", "failures", "failure-stats", "failure-kinds", "exceptions", "exception-stats"})
        CHECK_MESSAGE(html.find("id=\"" + std::string(id) + "\"") != std::string::npos, id);
    CHECK(html.find("FAILED") != std::string::npos);
    CHECK(html.find("1 of 2 thresholds failed") != std::string::npos);
    CHECK(html.find("exit code 3") != std::string::npos);
    // Key figures from the Aggregated row; p95 is 10 * 1.4^5 rounded.
    CHECK(html.find("<span class=\"muted\">Failures</span><b>10 (33.33%)</b>") != std::string::npos);
    CHECK(html.find("<span class=\"muted\">p95</span><b>54 ms</b>") != std::string::npos);
    CHECK(occurrences(html, "<span class=\"badge pass\">PASS</span>") == 1);
    CHECK(occurrences(html, "<span class=\"badge fail\">FAIL</span>") == 1);
    CHECK(html.find("<td class=\"num\">50.00%</td>") != std::string::npos);
    // Locust's request columns, endpoints then the Aggregated row.
    CHECK(html.find("<th class=\"num\"># Requests</th><th class=\"num\"># Fails</th>") != std::string::npos);
    CHECK(html.find("<td class=\"num\">10 (50.00%)</td><td class=\"num\">12.35</td>") != std::string::npos);
    CHECK(occurrences(html, "<tr class=\"total\"><td></td><td class=\"name\">Aggregated</td>") == 2);
    // Percentile columns, with the 99.99% value rounded to whole milliseconds (10 * 1.4^9).
    CHECK(html.find("<th class=\"num\">99.99%</th><th class=\"num\">100%</th>") != std::string::npos);
    CHECK(html.find("<td class=\"num\">207</td>") != std::string::npos);
    // Parameters.
    CHECK(html.find("<th>Run time</th><td>30 s</td>") != std::string::npos);
    CHECK(html.find("<th>Start</th><td>2023-11-14 22:13:20 UTC</td>") != std::string::npos);
    CHECK(html.find("<th>Duration</th><td>30s</td>") != std::string::npos);
    CHECK(html.find("<th>Spawn rate</th><td>2.50 users/s</td>") != std::string::npos);
    CHECK(html.find("Load shape") == std::string::npos); // no plan, no row
    // Failures with kind, exceptions with nodes.
    CHECK(html.find("<td>status</td><td class=\"name\">HTTPError(&#39;500 Server Error&#39;)</td>") !=
          std::string::npos);
    CHECK(html.find("<td>worker-1, worker-2</td>") != std::string::npos);
    CHECK_FALSE(has_non_finite_text(html));
}

TEST_CASE("one polyline per series with one point per interval or percentile")
{
    std::string html = report::to_html(full_record());
    CHECK(occurrences(html, "<svg ") == 4);
    CHECK(occurrences(html, "<polyline ") == 2 + 3 + 1 + 3);
    for (const char* name : {"Requests/s", "Failures/s", "p50", "p95", "p99", "Users"})
        CHECK_MESSAGE(polyline_points(html, name) == 7, name);
    CHECK(polyline_points(html, "GET /&lt;script&gt;alert(1)&lt;/script&gt;") == 11);
    CHECK(polyline_points(html, "POST /cart?a=1&amp;b=&quot;2&quot;") == 11);
    CHECK(polyline_points(html, "Aggregated") == 11);
    CHECK(html.find("No data") == std::string::npos);
    // Labelled axes and the percentile axis's decades.
    CHECK(occurrences(html, ">seconds since start</text>") == 3);
    for (const char* tick : {">90%</text>", ">99%</text>", ">99.9%</text>", ">99.99%</text>", ">100%</text>"})
        CHECK_MESSAGE(html.find(tick) != std::string::npos, tick);
}

TEST_CASE("the time axis counts seconds from the start and values scale into the frame")
{
    report::svg_chart chart("t", "seconds since start", "per second");
    chart.add({"a", "#000", {{0, 0}, {10, 100}}});
    std::string html = chart.html();
    // Frame: x 70..740, y 14..234; 0 at the bottom left, the maximum at the top right.
    CHECK(html.find("points=\"70.0,234.0 740.0,14.0\"") != std::string::npos);
    CHECK(html.find(">100</text>") != std::string::npos);
    CHECK(html.find(">10</text>") != std::string::npos);
}

TEST_CASE("an empty record renders every section without a number that is not one")
{
    report::run_record r;
    std::string html = report::to_html(r);
    CHECK(html.find("No thresholds were set.") != std::string::npos);
    CHECK(html.find("No requests were made.") != std::string::npos);
    CHECK(html.find("No failures.") != std::string::npos);
    CHECK(html.find("No exceptions.") != std::string::npos);
    CHECK(occurrences(html, ">No data</text>") == 4);
    CHECK(occurrences(html, "<polyline ") == 0);
    CHECK(html.find("<th>Run time</th><td>no limit</td>") != std::string::npos);
    CHECK(html.find("PASSED") != std::string::npos);
    // The unnamed Aggregated row of a default record is still named in its tables.
    CHECK(occurrences(html, "<tr class=\"total\"><td></td><td class=\"name\">Aggregated</td>") == 2);
    CHECK_FALSE(has_non_finite_text(html));
}

TEST_CASE("numbers that are not finite show as a dash and their points are left out")
{
    auto r = full_record();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    r.total.avg_ms = nan;
    r.total.rps = inf;
    r.endpoints[0].percentiles[3].ms = nan;
    r.series[2].p50_ms = nan;
    r.series[3].time = inf;
    r.parameters.spawn_rate = -inf;
    std::string html = report::to_html(r);
    CHECK_FALSE(has_non_finite_text(html));
    CHECK(polyline_points(html, "p50") == 5);
    CHECK(polyline_points(html, "p95") == 6);
    CHECK(polyline_points(html, "GET /&lt;script&gt;alert(1)&lt;/script&gt;") == 10);
    CHECK(html.find("<td class=\"num\">&#8212;</td>") != std::string::npos);
}

TEST_CASE("the report loads nothing from outside itself")
{
    std::string html = report::to_html(full_record());
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    // The only address is SVG's namespace name, which is never fetched.
    CHECK(occurrences(html, "http://") == occurrences(html, "xmlns=\"http://www.w3.org/2000/svg\"") + 1); // + the host
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("a load shape is listed in the parameters, a long one cut after a dozen stages")
{
    auto r = full_record();
    r.parameters.stages = {{5.0, 2, 100.0, std::nullopt, false}, {std::nullopt, 6, 2.5, std::nullopt, false}};
    std::string html = report::to_html(r);
    CHECK(html.find("<th>Load shape</th><td>2 users at 100.00/s for 5 s; 6 users at 2.50/s, held</td>") !=
          std::string::npos);
    r.parameters.stages = {{60.0, std::nullopt, std::nullopt, 0.5, false},
                           {30.0, std::nullopt, std::nullopt, 20, true}};
    html = report::to_html(r);
    CHECK(html.find("<td>0.50 iterations/s for 60 s; ramp to 20.00 iterations/s for 30 s</td>") != std::string::npos);
    r.parameters.stages.assign(40, {1.0, 1, 1.0, std::nullopt, false});
    html = report::to_html(r);
    CHECK(html.find("; … (40 stages)</td>") != std::string::npos);
    CHECK(occurrences(html, "1 users at 1.00/s for 1 s") == 12);
}
