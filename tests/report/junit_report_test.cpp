// Proves report/junit_report.hpp is self-contained; the XML of hand-built runs.
#include "report/junit_report.hpp"

#include "report/run_record_sample.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hornet;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

// The testcase element whose name attribute is `name`, up to its end.
std::string testcase(const std::string& xml, const std::string& name)
{
    const auto start = xml.find("name=\"" + name + "\"");
    REQUIRE(start != std::string::npos);
    const auto open = xml.rfind("<testcase", start);
    const auto self_closed = xml.find("/>", start);
    const auto next = xml.find('<', start);
    if (self_closed < next) return xml.substr(open, self_closed + 2 - open);
    return xml.substr(open, xml.find("</testcase>", start) + 11 - open);
}

} // namespace

TEST_CASE("counts, time and timestamp agree on the suites")
{
    const auto xml = report::to_junit(test::small_record());
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"hornet\"", 0) == 0);
    // 2 thresholds + 3 endpoints; fail_ratio, GET /a and GET /c fail.
    const std::string counts =
        "tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"0\" time=\"10.000\" timestamp=\"1970-01-01T00:16:40\"";
    CHECK(occurrences(xml, counts) == 2);
    CHECK(occurrences(xml, "<testsuite name=\"hornet\"") == 1);
    CHECK(occurrences(xml, "<testcase ") == 5);
    CHECK(occurrences(xml, "<failure ") == 3);
    CHECK(occurrences(xml, "classname=\"thresholds\"") == 2);
    CHECK(occurrences(xml, "classname=\"endpoints\"") == 3);
    CHECK(xml.find("<property name=\"exit_code\" value=\"3\"/>") != std::string::npos);
    CHECK(xml.find("<system-out>verdict: failed (exit code 3): 1 of 2 thresholds failed\nrequests: 35, failures: 15") !=
          std::string::npos);
}

TEST_CASE("a threshold's failure says what was measured against what was expected")
{
    const auto xml = report::to_junit(test::small_record());
    CHECK(testcase(xml, "Aggregated: p95&lt;500ms") ==
          "<testcase classname=\"thresholds\" name=\"Aggregated: p95&lt;500ms\" time=\"0.000\"/>");
    const auto failed = testcase(xml, "Aggregated: fail_ratio&lt;1%");
    CHECK(failed.find("<failure type=\"threshold\" message=\"measured 42.86%, expected fail_ratio&lt;1%\">") !=
          std::string::npos);
    // GitLab reads only the text: the explanation is there too.
    CHECK(failed.find(">Aggregated: fail_ratio&lt;1%\nmeasured 42.86%, expected fail_ratio&lt;1%\n</failure>") !=
          std::string::npos);
}

TEST_CASE("a threshold with nothing measured fails and says so")
{
    auto r = test::small_record();
    r.thresholds = {test::threshold("GET /none: p95<1s", "GET /none", false, std::nullopt, "")};
    const auto c = testcase(report::to_junit(r), "GET /none: p95&lt;1s");
    CHECK(c.find("message=\"nothing to measure on GET /none (no request), expected GET /none: p95&lt;1s\"") !=
          std::string::npos);
}

TEST_CASE("an endpoint's failure lists its kinds and only its own failure rows")
{
    const auto xml = report::to_junit(test::small_record());
    const auto a = testcase(xml, "GET /a");
    CHECK(a.find("time=\"0.011\"") != std::string::npos); // mean response time, 11 ms
    CHECK(a.find("message=\"14 of 33 requests failed (42.42%)\"") != std::string::npos);
    CHECK(a.find("by kind: status 14\n") != std::string::npos);
    CHECK(a.find("14 x [status] HTTPError('500 Server Error')") != std::string::npos);
    CHECK(a.find("Connection refused") == std::string::npos);
    const auto c = testcase(xml, "GET /c");
    CHECK(c.find("by kind: connect_refused 1\n") != std::string::npos);
    CHECK(c.find("1 x [connect_refused] ConnectionRefusedError(111, 'Connection refused')") != std::string::npos);
    CHECK(testcase(xml, "POST /b") == "<testcase classname=\"endpoints\" name=\"POST /b\" time=\"0.058\"/>");
}

TEST_CASE("names stay unique when one expression applies to several rows or is written twice")
{
    auto r = test::small_record();
    r.thresholds = {test::threshold("each: max<50ms", "GET /a", true, 20.0, "20.0 ms"),
                    test::threshold("each: max<50ms", "POST /b", false, 114.0, "114.0 ms"),
                    test::threshold("p95<1s", "Aggregated", true, 20.0, "20.0 ms"),
                    test::threshold("p95<1s", "Aggregated", true, 20.0, "20.0 ms"),
                    test::threshold("GET /a: avg<11ms", "GET /a", true, 11.0, "11.0 ms")};
    r.endpoints.push_back(r.endpoints[1]); // the same row twice (a record read back from JSON may have it)
    const auto xml = report::to_junit(r);
    CHECK(occurrences(xml, "name=\"GET /a: each: max&lt;50ms\"") == 1);
    CHECK(occurrences(xml, "name=\"POST /b: each: max&lt;50ms\"") == 1);
    CHECK(occurrences(xml, "name=\"Aggregated: p95&lt;1s\"") == 1);
    CHECK(occurrences(xml, "name=\"Aggregated: p95&lt;1s #2\"") == 1);
    CHECK(occurrences(xml, "name=\"GET /a: avg&lt;11ms\"") == 1); // not "GET /a: GET /a: ..."
    CHECK(occurrences(xml, "name=\"POST /b\"") == 1);
    CHECK(occurrences(xml, "name=\"POST /b #2\"") == 1);
    CHECK(xml.find("tests=\"9\" failures=\"3\"") != std::string::npos);
}

TEST_CASE("names and error texts are escaped and cleaned of what XML forbids")
{
    auto r = test::small_record();
    r.endpoints[0].name = "/q?a=1&b=<2>\"x\"\nline2\x01";
    r.failures[0].name = r.endpoints[0].name;
    r.failures[0].error = "bad \x02\xFF byte & <tag> ]]> \"quoted\"";
    r.parameters.host = "http://h/?a&b";
    const auto xml = report::to_junit(r);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find('\x02') == std::string::npos);
    CHECK(xml.find('\xFF') == std::string::npos);
    CHECK(xml.find("name=\"GET /q?a=1&amp;b=&lt;2&gt;&quot;x&quot;&#10;line2\"") != std::string::npos);
    CHECK(xml.find("bad \xEF\xBF\xBD byte &amp; &lt;tag&gt; ]]&gt; \"quoted\"") != std::string::npos);
    CHECK(xml.find("<property name=\"host\" value=\"http://h/?a&amp;b\"/>") != std::string::npos);
    // Nothing unescaped: every '&' starts an entity or character reference.
    for (auto pos = xml.find('&'); pos != std::string::npos; pos = xml.find('&', pos + 1)) {
        const auto end = xml.find(';', pos);
        REQUIRE(end != std::string::npos);
        const auto ref = xml.substr(pos, end + 1 - pos);
        CHECK((ref == "&amp;" || ref == "&lt;" || ref == "&gt;" || ref == "&quot;" || ref == "&#10;" ||
               ref == "&#13;" || ref == "&#9;"));
    }
}

TEST_CASE("a long error is shortened and many failure rows are cut with a count")
{
    auto r = test::small_record();
    r.failures.clear();
    for (int i = 0; i < 25; ++i) r.failures.push_back({"GET", "/a", "error " + std::to_string(i), "status", 1});
    r.failures[0].error = std::string(10000, 'e');
    const auto a = testcase(report::to_junit(r), "GET /a");
    CHECK(a.find(std::string(1990, 'e')) != std::string::npos);
    CHECK(a.find(std::string(2001, 'e')) == std::string::npos);
    CHECK(a.find("error 19\n") != std::string::npos);
    CHECK(a.find("error 20\n") == std::string::npos);
    CHECK(a.find("... 5 more errors") != std::string::npos);
}

TEST_CASE("a run without thresholds or endpoints is an empty, passing suite")
{
    report::run_record r;
    r.start_time = r.end_time = 0;
    const auto xml = report::to_junit(r);
    CHECK(occurrences(xml, "tests=\"0\" failures=\"0\"") == 2);
    CHECK(xml.find("<testcase") == std::string::npos);
    CHECK(xml.find("<system-err>") == std::string::npos);
}

TEST_CASE("user-code exceptions go to system-err")
{
    auto r = test::small_record();
    r.exceptions = {{2, "ValueError('bad')", "Traceback ...", {"local"}}};
    CHECK(report::to_junit(r).find("<system-err>2 x ValueError('bad')\n</system-err>") != std::string::npos);
}
