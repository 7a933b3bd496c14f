// Proves report/csv_tables.hpp is self-contained; compares CSV text byte for byte with Locust 2.12's.
#include "report/csv_tables.hpp"

#include "report/sample_run.hpp"

#include <doctest/doctest.h>

using namespace hornet;

TEST_CASE("header rows are Locust's, with CRLF")
{
    CHECK(report::stats_csv_header() ==
          "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
          "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,"
          "99.99%,100%\r\n");
    CHECK(report::history_csv_header() ==
          "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,"
          "Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,"
          "Total Min Response Time,Total Max Response Time,Total Average Content Size\r\n");
    CHECK(report::failures_csv_header() == "Method,Name,Error,Occurrences\r\n");
    CHECK(report::exceptions_csv_header() == "Count,Message,Traceback,Nodes\r\n");
}

TEST_CASE("minimal quoting as Python's csv module")
{
    CHECK(report::csv_field("plain text") == "plain text");
    CHECK(report::csv_field("a,b") == "\"a,b\"");
    CHECK(report::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(report::csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(report::csv_field("cr\r") == "\"cr\r\"");
    CHECK(report::csv_field("it's") == "it's");
    CHECK(report::csv_row({"", "Aggregated", "1"}) == ",Aggregated,1\r\n");
    CHECK(report::csv_row({""}) == "\"\"\r\n");
}

TEST_CASE("stats rows match Locust's, Aggregated last with an empty Type")
{
    std::string expected =
        "GET,/a,33,14,10,10.0,10.0,10.0,100.0,3.333333333333341,1.4141414141414175,10,10,10,10,10,10,10,10,10,10,10\r\n"
        "POST,\"/b,\"\"x\"\"\",1,0,57,57.0,57.0,57.0,11.0,0.10101010101010124,0.0,57,57,57,57,57,57,57,57,57,57,57\r\n"
        "GET,/c,1,1,2,2.0,2.0,2.0,0.0,0.10101010101010124,0.10101010101010124,2,2,2,2,2,2,2,2,2,2,2\r\n"
        ",Aggregated,35,15,10,11.114285714285714,2.0,57.0,94.6,3.5353535353535435,1.5151515151515187,10,10,10,10,10,10,"
        "57,57,57,57,57\r\n";
    CHECK(report::stats_csv_rows(test::sample_run()) == expected);
}

TEST_CASE("rows without requests print N/A percentiles and integer zeros")
{
    std::string expected = "GET,/idle,0,0,0,0.0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\r\n"
                           ",Aggregated,0,0,0,0.0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\r\n";
    CHECK(report::stats_csv_rows(test::idle_run()) == expected);

    std::string history =
        "1010,4,GET,/idle,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0\r\n"
        "1010,4,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,0,0,0\r\n";
    CHECK(report::history_csv_rows(test::idle_run(), 4, 1010, true) == history);
}

TEST_CASE("history rows: Aggregated only by default, every row with full history")
{
    auto agg = test::sample_run();
    CHECK(report::history_csv_rows(agg, 4, 1010, false) == "1010,4,,Aggregated,3.428571,2.000000,10,10,10,10,10,10,57,"
                                                           "57,57,57,57,35,15,10,11.114285714285714,2.0,57.0,94.6\r\n");

    // Locust prints 0 current percentiles for rows created less than 2 s ago (no cached
    // snapshot yet); Hornet's window has their requests, so /b and /c show real values.
    std::string full =
        "1010,4,GET,/a,3.428571,2.000000,10,10,10,10,10,10,10,10,10,10,10,33,14,10,10.0,10.0,10.0,100.0\r\n"
        "1010,4,POST,\"/b,\"\"x\"\"\",0.000000,0.000000,57,57,57,57,57,57,57,57,57,57,57,1,0,57,57.0,57.0,57.0,11.0\r\n"
        "1010,4,GET,/c,0.000000,0.000000,2,2,2,2,2,2,2,2,2,2,2,1,1,2,2.0,2.0,2.0,0.0\r\n"
        "1010,4,,Aggregated,3.428571,2.000000,10,10,10,10,10,10,57,57,57,57,57,35,15,10,11.114285714285714,2.0,57.0,94."
        "6\r\n";
    CHECK(report::history_csv_rows(agg, 4, 1010, true) == full);

    // Twenty seconds later the window is empty: current percentiles are 0, totals stay.
    std::string later = report::history_csv_rows(agg, 0, 1030, true);
    CHECK(later.find("1030,0,GET,/a,3.428571,2.000000,0,0,0,0,0,0,0,0,0,0,0,33,14,") == 0);
}

TEST_CASE("failures rows in first-seen order; exceptions with quoted tracebacks")
{
    auto agg = test::sample_run();
    CHECK(report::failures_csv_rows(agg) == "GET,/a,HTTPError('500 Server Error'),14\r\n"
                                            "GET,/c,\"ConnectionRefusedError(111, 'Connection refused')\",1\r\n");
    CHECK(report::exceptions_csv_rows(agg) == "2,ValueError('bad'),\"Traceback (most recent call last):\n"
                                              "  File \"\"x.py\"\", line 1\n"
                                              "ValueError: bad\n"
                                              "\",local\r\n");
}

TEST_CASE("exception nodes are joined with a comma and a space")
{
    stats::aggregate agg(1.0);
    stats::shard s;
    s.record_exception("E", "tb");
    agg.merge(s.take(), "worker_a");
    s.record_exception("E", "tb");
    agg.merge(s.take(), "worker_b");
    CHECK(report::exceptions_csv_rows(agg) == "2,E,tb,\"worker_a, worker_b\"\r\n");
}
