// Writes Locust's four CSV files for --csv PREFIX: rewritten stats/failures/exceptions, appended history.
#pragma once

#include "stats/aggregate.hpp"

#include <cstdint>
#include <string>
#include <system_error>

namespace hornet::report {

/// Owns PREFIX_stats.csv, PREFIX_stats_history.csv, PREFIX_failures.csv, PREFIX_exceptions.csv.
/// Writes go straight to the files (no user-space buffer), so nothing is lost at exit, unlike
/// Locust 2.12 which flushes every 10 s and never closes. Not thread-safe.
class csv_writer
{
public:
    /// Opens the files at once (see open()); check error() afterwards. `corrected`: an open-model
    /// run also gets PREFIX_corrected_stats.csv, the stats file's columns over the times measured
    /// from each iteration's intended start.
    csv_writer(std::string prefix, bool full_history, bool corrected = false);
    ~csv_writer();
    csv_writer(const csv_writer&) = delete;
    csv_writer& operator=(const csv_writer&) = delete;

    /// Creates PREFIX's folder if missing, creates (truncates) the four files and writes their
    /// headers. On failure returns the error; failed_path() names the file or folder concerned.
    std::error_code open();

    /// "" when the files are open, else a sentence for the log naming the path and the reason.
    const std::string& error() const noexcept { return error_; }

    /// Rewrites the data rows of the stats, failures and exceptions files (every second, and at the end).
    std::error_code write_stats(const stats::aggregate& stats);

    /// Appends one tick of history rows (every second from process start, also while idle).
    std::error_code append_history(const stats::aggregate& stats, std::uint64_t user_count, std::int64_t epoch_second);

    /// Closes the files; the data is on disk afterwards. Also done by the destructor.
    std::error_code close();

    bool is_open() const noexcept { return stats_.fd >= 0; }
    const std::string& failed_path() const noexcept { return failed_path_; }
    std::string stats_path() const { return prefix_ + "_stats.csv"; }
    std::string history_path() const { return prefix_ + "_stats_history.csv"; }
    std::string failures_path() const { return prefix_ + "_failures.csv"; }
    std::string exceptions_path() const { return prefix_ + "_exceptions.csv"; }
    std::string corrected_path() const { return prefix_ + "_corrected_stats.csv"; }

private:
    struct file
    {
        std::string path;
        int fd = -1;
        std::uint64_t data_start = 0; // size of the header: rewrites start here
        std::uint64_t size = 0;
    };

    std::error_code open_file(file& f, std::string path, const std::string& header);
    std::error_code rewrite(file& f, const std::string& rows);
    std::error_code append(file& f, const std::string& rows);
    std::error_code fail(const file& f, int error);

    std::string prefix_;
    bool full_history_;
    bool with_corrected_;
    std::string failed_path_;
    std::string error_;
    file stats_, history_, failures_, exceptions_, corrected_;
};

} // namespace hornet::report
