// Proves report/console.hpp is self-contained; compares the tables byte for byte with Locust 2.12's.
#include "report/console.hpp"

#include "report/sample_run.hpp"
#include "report/text_columns.hpp"

#include <doctest/doctest.h>

using namespace hornet;

TEST_CASE("final stats table matches Locust's for W = 80")
{
    std::string expected = "Type     Name                                                                          # "
                           "reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "GET      /a                                                                                "
                           "33   14(42.42%) |     10      10      10     10 |    3.33        1.41\n"
                           "POST     /b,\"x\"                                                                          "
                           "   1     0(0.00%) |     57      57      57     57 |    0.10        0.00\n"
                           "GET      /c                                                                                "
                           " 1   1(100.00%) |      2       2       2      2 |    0.10        0.10\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "         Aggregated                                                                        "
                           "35   15(42.86%) |     11       2      57     10 |    3.54        1.52\n"
                           "\n";
    CHECK(report::stats_table(test::sample_run(), false, 80) == expected);
}

TEST_CASE("the header line, separator and a failure cell")
{
    std::string table = report::stats_table(test::sample_run(), false);
    std::string header = table.substr(0, table.find('\n'));
    CHECK(header == "Type     Name" + std::string(74, ' ') +
                        "# reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s");
    CHECK(header.size() == 160);
    CHECK(table.find("--------|" + std::string(76, '-') +
                     "|-------|-------------|-------|-------|-------|-------|--------|-----------\n") !=
          std::string::npos);
    CHECK(table.find("   14(42.42%) |") != std::string::npos);
    CHECK(table.substr(table.size() - 2) == "\n\n"); // the empty line after the table
}

TEST_CASE("periodic stats table uses the current (windowed) rates")
{
    std::string expected = "Type     Name                                                                          # "
                           "reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "GET      /a                                                                                "
                           "33   14(42.42%) |     10      10      10     10 |    3.43        2.00\n"
                           "POST     /b,\"x\"                                                                          "
                           "   1     0(0.00%) |     57      57      57     57 |    0.00        0.00\n"
                           "GET      /c                                                                                "
                           " 1   1(100.00%) |      2       2       2      2 |    0.00        0.00\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "         Aggregated                                                                        "
                           "35   15(42.86%) |     11       2      57     10 |    3.43        2.00\n"
                           "\n";
    CHECK(report::stats_table(test::sample_run(), true, 80) == expected);
}

TEST_CASE("percentile table matches Locust's")
{
    std::string expected = "Response time percentiles (approximated)\n"
                           "Type     Name                                                                              "
                           "    50%    66%    75%    80%    90%    95%    98%    99%  99.9% 99.99%   100% # reqs\n"
                           "--------|--------------------------------------------------------------------------------|-"
                           "-------|------|------|------|------|------|------|------|------|------|------|------\n"
                           "GET      /a                                                                                "
                           "     10     10     10     10     10     10     10     10     10     10     10     33\n"
                           "POST     /b,\"x\"                                                                          "
                           "       57     57     57     57     57     57     57     57     57     57     57      1\n"
                           "GET      /c                                                                                "
                           "      2      2      2      2      2      2      2      2      2      2      2      1\n"
                           "--------|--------------------------------------------------------------------------------|-"
                           "-------|------|------|------|------|------|------|------|------|------|------|------\n"
                           "         Aggregated                                                                        "
                           "     10     10     10     10     10     10     57     57     57     57     57     35\n"
                           "\n";
    CHECK(report::percentile_table(test::sample_run(), 80) == expected);
}

TEST_CASE("error report matches Locust's, in first-seen order")
{
    std::string expected = "Error report\n"
                           "# occurrences      Error                                                                   "
                           "                            \n"
                           "------------------|------------------------------------------------------------------------"
                           "---------------------------------------------------------------------\n"
                           "14                 GET /a: HTTPError('500 Server Error')                                   "
                           "                            \n"
                           "1                  GET /c: ConnectionRefusedError(111, 'Connection refused')               "
                           "                            \n"
                           "------------------|------------------------------------------------------------------------"
                           "---------------------------------------------------------------------\n"
                           "\n";
    CHECK(report::error_report(test::sample_run(), 80) == expected);
    CHECK(report::error_report(test::idle_run(), 80).empty());
}

TEST_CASE("tables for a narrower name column (W = 30)")
{
    std::string stats = "Type     Name                        # reqs      # fails |    Avg     Min     Max    Med |   "
                        "req/s  failures/s\n"
                        "--------|--------------------------|-------|-------------|-------|-------|-------|-------|----"
                        "----|-----------\n"
                        "GET      /a                              33   14(42.42%) |     10      10      10     10 |    "
                        "3.33        1.41\n"
                        "POST     /b,\"x\"                           1     0(0.00%) |     57      57      57     57 |  "
                        "  0.10        0.00\n"
                        "GET      /c                               1   1(100.00%) |      2       2       2      2 |    "
                        "0.10        0.10\n"
                        "--------|--------------------------|-------|-------------|-------|-------|-------|-------|----"
                        "----|-----------\n"
                        "         Aggregated                      35   15(42.86%) |     11       2      57     10 |    "
                        "3.54        1.52\n"
                        "\n";
    std::string percentiles = "Response time percentiles (approximated)\n"
                              "Type     Name                                50%    66%    75%    80%    90%    95%    "
                              "98%    99%  99.9% 99.99%   100% # reqs\n"
                              "--------|------------------------------|--------|------|------|------|------|------|----"
                              "--|------|------|------|------|------\n"
                              "GET      /a                                   10     10     10     10     10     10     "
                              "10     10     10     10     10     33\n"
                              "POST     /b,\"x\"                               57     57     57     57     57     57   "
                              "  57     57     57     57     57      1\n"
                              "GET      /c                                    2      2      2      2      2      2     "
                              " 2      2      2      2      2      1\n"
                              "--------|------------------------------|--------|------|------|------|------|------|----"
                              "--|------|------|------|------|------\n"
                              "         Aggregated                           10     10     10     10     10     10     "
                              "57     57     57     57     57     35\n"
                              "\n";
    std::string errors = "Error report\n"
                         "# occurrences      Error                                                                     "
                         "                          \n"
                         "------------------|--------------------------------------------------------------------------"
                         "-----------------\n"
                         "14                 GET /a: HTTPError('500 Server Error')                                     "
                         "                          \n"
                         "1                  GET /c: ConnectionRefusedError(111, 'Connection refused')                 "
                         "                          \n"
                         "------------------|--------------------------------------------------------------------------"
                         "-----------------\n"
                         "\n";
    auto agg = test::sample_run();
    CHECK(report::stats_table(agg, false, 30) == stats);
    CHECK(report::percentile_table(agg, 30) == percentiles);
    CHECK(report::error_report(agg, 30) == errors);
}

TEST_CASE("rows without requests print zeros and no percentile row")
{
    std::string expected = "Type     Name                                                                          # "
                           "reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "GET      /idle                                                                             "
                           " 0     0(0.00%) |      0       0       0      0 |    0.00        0.00\n"
                           "--------|----------------------------------------------------------------------------|-----"
                           "--|-------------|-------|-------|-------|-------|--------|-----------\n"
                           "         Aggregated                                                                        "
                           " 0     0(0.00%) |      0       0       0      0 |    0.00        0.00\n"
                           "\n";
    auto agg = test::idle_run();
    CHECK(report::stats_table(agg, false, 80) == expected);
    std::string percentiles = report::percentile_table(agg, 80);
    CHECK(percentiles.find("/idle") == std::string::npos);
    CHECK(percentiles.find("Aggregated") == std::string::npos);
}

TEST_CASE("W = 0 (a terminal narrower than 80 columns) reproduces Python's %--4s")
{
    std::string table = report::stats_table(test::sample_run(), false, 0);
    std::string header = table.substr(0, table.find('\n'));
    CHECK(header == "Type     Name  # reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s");
    CHECK(table.find("\n--------||-------|") != std::string::npos);
}

TEST_CASE("names are padded by code points and never truncated")
{
    CHECK(report::display_length("caf\xc3\xa9") == 4);
    CHECK(report::pad_right("caf\xc3\xa9", 6) == "caf\xc3\xa9  ");
    CHECK(report::pad_left("ab", 4) == "  ab");
    CHECK(report::pad_left("abcdef", 4) == "abcdef");
    CHECK(report::name_width() >= 0);
    CHECK(report::name_width() <= 80);
}
