// CSV files on POSIX descriptors: pwrite + ftruncate for the rewritten files, write for history.
#include "report/csv_writer.hpp"

#include "report/csv_tables.hpp"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace hornet::report {

namespace {

// Writes all of `data` at `offset` (pwrite may write less than asked).
int write_all(int fd, const std::string& data, std::uint64_t offset)
{
    std::size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::pwrite(fd, data.data() + done, data.size() - done, static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

} // namespace

csv_writer::csv_writer(std::string prefix, bool full_history, bool corrected)
    : prefix_(std::move(prefix)), full_history_(full_history), with_corrected_(corrected)
{
    open();
}

csv_writer::~csv_writer()
{
    close();
}

std::error_code csv_writer::fail(const file& f, int error)
{
    failed_path_ = f.path;
    return {error, std::system_category()};
}

std::error_code csv_writer::open_file(file& f, std::string path, const std::string& header)
{
    f.path = std::move(path);
    f.fd = ::open(f.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (f.fd < 0) return fail(f, errno);
    if (int e = write_all(f.fd, header, 0)) return fail(f, e);
    f.data_start = f.size = header.size();
    return {};
}

std::error_code csv_writer::open()
{
    close();
    error_.clear();
    failed_path_.clear();
    std::filesystem::path folder = std::filesystem::path(stats_path()).parent_path();
    if (!folder.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec) {
            failed_path_ = folder.string();
            error_ = "Cannot create the CSV folder " + failed_path_ + ": " + ec.message();
            return ec;
        }
    }
    std::error_code ec;
    if (!ec) ec = open_file(stats_, stats_path(), stats_csv_header());
    if (!ec) ec = open_file(history_, history_path(), history_csv_header());
    if (!ec) ec = open_file(failures_, failures_path(), failures_csv_header());
    if (!ec) ec = open_file(exceptions_, exceptions_path(), exceptions_csv_header());
    if (!ec && with_corrected_) ec = open_file(corrected_, corrected_path(), stats_csv_header());
    if (ec) {
        std::string path = failed_path_;
        close();
        failed_path_ = path;
        error_ = "Cannot write the CSV files: " + failed_path_ + ": " + ec.message();
    }
    return ec;
}

std::error_code csv_writer::rewrite(file& f, const std::string& rows)
{
    if (f.fd < 0) return {EBADF, std::system_category()};
    if (int e = write_all(f.fd, rows, f.data_start)) return fail(f, e);
    std::uint64_t end = f.data_start + rows.size();
    if (end < f.size && ::ftruncate(f.fd, static_cast<off_t>(end)) != 0) return fail(f, errno);
    f.size = end;
    return {};
}

std::error_code csv_writer::append(file& f, const std::string& rows)
{
    if (f.fd < 0) return {EBADF, std::system_category()};
    if (int e = write_all(f.fd, rows, f.size)) return fail(f, e);
    f.size += rows.size();
    return {};
}

std::error_code csv_writer::write_stats(const stats::aggregate& stats)
{
    std::error_code ec = rewrite(stats_, stats_csv_rows(stats));
    if (auto e = rewrite(failures_, failures_csv_rows(stats)); !ec) ec = e;
    if (auto e = rewrite(exceptions_, exceptions_csv_rows(stats)); !ec) ec = e;
    if (with_corrected_)
        if (auto e = rewrite(corrected_, stats_csv_rows(stats.corrected())); !ec) ec = e;
    return ec;
}

std::error_code csv_writer::append_history(const stats::aggregate& stats, std::uint64_t user_count,
                                           std::int64_t epoch_second)
{
    return append(history_, history_csv_rows(stats, user_count, epoch_second, full_history_));
}

std::error_code csv_writer::close()
{
    std::error_code ec;
    for (file* f : {&stats_, &history_, &failures_, &exceptions_, &corrected_}) {
        if (f->fd >= 0 && ::close(f->fd) != 0 && !ec) ec = fail(*f, errno);
        f->fd = -1;
    }
    return ec;
}

} // namespace hornet::report
