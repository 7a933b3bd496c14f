// Proves report/markdown_summary.hpp is self-contained; summaries of hand-built runs, down to
// 100,000 endpoints under GitHub's size limit.
#include "report/markdown_summary.hpp"

#include "report/run_record_sample.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace hornet;

namespace {

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Cell separators of a table line: '|' not escaped by a backslash.
std::size_t pipes(const std::string& line)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\')
            ++i;
        else if (line[i] == '|')
            ++n;
    }
    return n;
}

// Every table (a run of lines starting with '|') has rows of its header's width, each closed by
// " |", a delimiter row second, and a blank line after it. Returns the number of tables.
std::size_t check_tables(const std::string& markdown)
{
    const auto all = lines(markdown);
    std::size_t tables = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].empty() || all[i][0] != '|') continue;
        ++tables;
        const auto width = pipes(all[i]);
        REQUIRE(i + 1 < all.size());
        CHECK((all[i + 1].rfind("| ---", 0) == 0 || all[i + 1].rfind("| :-:", 0) == 0));
        std::size_t j = i;
        for (; j < all.size() && !all[j].empty() && all[j][0] == '|'; ++j) {
            CHECK(pipes(all[j]) == width);
            CHECK(all[j].size() >= 2);
            CHECK(all[j].compare(all[j].size() - 2, 2, " |") == 0);
        }
        // A line after a table without a blank one would be read as one more row.
        CHECK(j < all.size());
        if (j < all.size()) CHECK(all[j].empty());
        i = j;
    }
    return tables;
}

report::run_record many_endpoints(std::size_t count, std::size_t name_length)
{
    auto r = test::small_record();
    r.endpoints.clear();
    r.failures.clear();
    for (std::size_t i = 0; i < count; ++i) {
        std::string name = "/" + std::to_string(i) + "|" + std::string(name_length, 'n');
        r.endpoints.push_back(test::endpoint("GET", name, 1 + i % 1000, i % 7));
        if (i % 7)
            r.failures.push_back({"GET", name, "HTTPError('" + std::string(name_length, 'e') + "')", "status", i % 7});
    }
    return r;
}

} // namespace

TEST_CASE("verdict and totals lines")
{
    auto r = test::small_record();
    const auto failed = report::to_markdown(r);
    CHECK(failed.rfind("## ❌ Hornet: failed — 1 of 2 thresholds failed (exit code 3)\n\n", 0) == 0);
    CHECK(failed.find("**35** requests · **15 (42.86%)** failures · 3.50 req/s · p50 10.0 ms · p95 20.0 ms · "
                      "p99 25.0 ms · 10.0 s · 5 users · http://127.0.0.1:1\n") != std::string::npos);
    r.verdict = {true, 0, "passed"};
    CHECK(report::to_markdown(r).rfind("## ✅ Hornet: passed\n\n", 0) == 0);
    r.verdict = {true, 0, "passed, 2 thresholds met"};
    CHECK(report::to_markdown(r).rfind("## ✅ Hornet: passed, 2 thresholds met\n\n", 0) == 0);
    r.verdict = {false, 4, "could not run: no request completed"};
    CHECK(report::to_markdown(r).rfind("## ❌ Hornet: failed — could not run: no request completed (exit code 4)\n",
                                       0) == 0);
    CHECK(check_tables(failed) == 3);
}

TEST_CASE("thresholds, endpoints and failures tables")
{
    const auto md = report::to_markdown(test::small_record());
    CHECK(md.find("| ✅ | Aggregated | p95\\<500ms | 20.0 ms |\n") != std::string::npos);
    CHECK(md.find("| ❌ | Aggregated | fail\\_ratio\\<1% | 42.86% |\n") != std::string::npos);
    // By requests, the Aggregated row last.
    const auto a = md.find("| GET | /a | 33 | 14 (42.42%) | 10.0 ms | 20.0 ms | 25.0 ms | 11.0 ms | 3.30 |");
    const auto b = md.find("| POST | /b | 1 | 0 |");
    const auto bold_total = md.find("|  | **Aggregated** | 35 | 15 (42.86%) |");
    CHECK(a != std::string::npos);
    CHECK(b != std::string::npos);
    CHECK(bold_total != std::string::npos);
    CHECK(a < b);
    CHECK(b < bold_total);
    CHECK(md.find("| 14 | GET | /a | HTTPError('500 Server Error') |") < md.find("| 1 | GET | /c |"));
    CHECK(md.find("more") == std::string::npos);
}

TEST_CASE("cells are single-line and escaped")
{
    auto r = test::small_record();
    r.endpoints[0].name = "/a|b\nc\r\td<script>*x*_[l](u)`\\";
    r.failures[0].error = "line1\nline2 | col";
    const auto md = report::to_markdown(r);
    CHECK(md.find("| GET | /a\\|b c  d\\<script\\>\\*x\\*\\_\\[l\\](u)\\`\\\\ | 33 |") != std::string::npos);
    CHECK(md.find("| line1 line2 \\| col |") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    check_tables(md);
}

TEST_CASE("a threshold with no data, and failed thresholds first when there are too many")
{
    auto r = test::small_record();
    r.thresholds.clear();
    for (int i = 0; i < 80; ++i)
        r.thresholds.push_back(test::threshold("each: max<50ms", "GET /" + std::to_string(i), i % 20 != 7,
                                               i == 27 ? std::nullopt : std::optional<double>(1), "1.0 ms"));
    const auto md = report::to_markdown(r);
    CHECK(md.find("| ❌ | GET /7 | each: max\\<50ms | 1.0 ms |") < md.find("| ✅ | GET /0 |"));
    CHECK(md.find("| ❌ | GET /27 | each: max\\<50ms | no data |") < md.find("| ❌ | GET /47 |"));
    CHECK(md.find("| ✅ | GET /48 |") != std::string::npos); // 4 failed + 46 passed
    CHECK(md.find("| ✅ | GET /49 |") == std::string::npos);
    CHECK(md.find("\n… 30 more thresholds\n") != std::string::npos);
    check_tables(md);
}

TEST_CASE("100,000 endpoints with long names stay under the limit, cut between rows")
{
    const auto r = many_endpoints(100000, 2000);
    const auto md = report::to_markdown(r);
    CHECK(md.size() <= report::default_summary_bytes);
    CHECK(md.find("\n… 99,975 more endpoints\n") != std::string::npos);
    CHECK(md.find("more failures\n") != std::string::npos);
    // The busiest first: requests 1000 are the endpoints numbered 999, 1999, ...
    CHECK(md.find("| GET | /999\\|nnn") != std::string::npos);
    CHECK(md.find("nnn…") != std::string::npos); // long names shortened
    CHECK(check_tables(md) == 3);
}

TEST_CASE("a small limit keeps whole rows and says how many it left out")
{
    const auto r = many_endpoints(100000, 300);
    for (std::size_t limit : {0u, 10u, 200u, 700u, 1500u, 3000u, 5000u, 20000u}) {
        CAPTURE(limit);
        const auto md = report::to_markdown(r, limit);
        CHECK(md.size() <= limit);
        if (md.find("### ") == std::string::npos) continue;
        check_tables(md);
        if (md.find("### Endpoints") != std::string::npos) {
            CHECK(md.find("more endpoints\n") != std::string::npos);
            CHECK(md.find("**Aggregated**") != std::string::npos);
        }
    }
    const auto cut = report::to_markdown(r, 5000);
    CHECK(cut.find("### Endpoints") != std::string::npos);
    CHECK(cut.find("### Failures") == std::string::npos);
}
