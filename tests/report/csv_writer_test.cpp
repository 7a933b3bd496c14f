// Proves report/csv_writer.hpp is self-contained; checks the four files on disk.
#include "report/csv_writer.hpp"

#include "report/csv_tables.hpp"
#include "report/sample_run.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace hornet;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct temp_folder
{
    fs::path path = fs::temp_directory_path() / ("hornet-csv-test-" + std::to_string(::getpid()));
    temp_folder() { fs::remove_all(path); }
    ~temp_folder() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("open creates the missing folder and the four files with their headers")
{
    temp_folder tmp;
    std::string prefix = (tmp.path / "deep" / "er" / "run").string();
    report::csv_writer w(prefix, false); // opens at construction
    REQUIRE(w.error() == "");
    CHECK(w.is_open());
    CHECK(slurp(prefix + "_stats.csv") == report::stats_csv_header());
    CHECK(slurp(prefix + "_stats_history.csv") == report::history_csv_header());
    CHECK(slurp(prefix + "_failures.csv") == "Method,Name,Error,Occurrences\r\n");
    CHECK(slurp(prefix + "_exceptions.csv") == "Count,Message,Traceback,Nodes\r\n");
}

TEST_CASE("stats files are rewritten in place, history is appended, nothing is lost at close")
{
    temp_folder tmp;
    std::string prefix = (tmp.path / "run").string();
    auto agg = test::sample_run();
    {
        report::csv_writer w(prefix, false);
        REQUIRE(!w.open());
        CHECK(!w.write_stats(agg));
        CHECK(!w.append_history(agg, 4, 1010));
        CHECK(slurp(prefix + "_stats.csv") == report::stats_csv_header() + report::stats_csv_rows(agg));

        // Fewer rows after a reset: the file must shrink, not keep stale bytes.
        agg.clear(1011.0);
        CHECK(!w.write_stats(agg));
        CHECK(!w.append_history(agg, 0, 1011));
        CHECK(slurp(prefix + "_stats.csv") == report::stats_csv_header() + report::stats_csv_rows(agg));
        CHECK(slurp(prefix + "_failures.csv") == report::failures_csv_header());
        CHECK(slurp(prefix + "_exceptions.csv") == report::exceptions_csv_header());
        // destructor closes
    }
    std::string history = slurp(prefix + "_stats_history.csv");
    CHECK(history == report::history_csv_header() +
                         "1010,4,,Aggregated,3.428571,2.000000,10,10,10,10,10,10,57,57,57,57,57,35,15,10,"
                         "11.114285714285714,2.0,57.0,94.6\r\n"
                         "1011,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,"
                         "0.0,0,0,0\r\n");
}

TEST_CASE("full history writes every row")
{
    temp_folder tmp;
    std::string prefix = (tmp.path / "full").string();
    auto agg = test::sample_run();
    report::csv_writer w(prefix, true);
    REQUIRE(!w.open());
    CHECK(!w.append_history(agg, 4, 1010));
    CHECK(!w.close());
    CHECK(!w.is_open());
    CHECK(slurp(prefix + "_stats_history.csv") ==
          report::history_csv_header() + report::history_csv_rows(agg, 4, 1010, true));
    CHECK(w.write_stats(agg)); // closed: an error, not a crash
}

TEST_CASE("a prefix that cannot be created is reported with its path")
{
    temp_folder tmp;
    fs::create_directories(tmp.path);
    std::ofstream(tmp.path / "file").put('x'); // a file where a folder is needed
    report::csv_writer w((tmp.path / "file" / "run").string(), false);
    CHECK(!w.is_open());
    CHECK(w.failed_path() == (tmp.path / "file").string());
    CHECK(w.error().find(w.failed_path()) != std::string::npos);
    std::error_code ec = w.open(); // retrying reports the same
    CHECK(ec);
    CHECK(!w.is_open());

    fs::remove(tmp.path / "file");
    CHECK(!w.open()); // the obstacle is gone: open() succeeds and clears the error
    CHECK(w.error().empty());
    CHECK(w.is_open());
}
