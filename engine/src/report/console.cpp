// Console tables, formatted as Locust 2.12's stats.py formats them.
#include "report/console.hpp"

#include "core/py_format.hpp"
#include "report/text_columns.hpp"
#include "stats/percentiles.hpp"

#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>

namespace hornet::report {

namespace {

constexpr std::size_t type_width = 8;

std::string dashes(int n)
{
    return std::string(n > 0 ? static_cast<std::size_t>(n) : 0, '-');
}

// Python's "%-" + str(w) + "s" with a negative w reads as "%--Ns": left-aligned in |w|.
std::size_t python_width(int w)
{
    return static_cast<std::size_t>(std::abs(w));
}

std::string int_text(std::int64_t v)
{
    return std::to_string(v);
}

// Python's "%d" of a float truncates toward zero.
std::string trunc_text(double v)
{
    return std::to_string(static_cast<std::int64_t>(v));
}

std::string stats_line(const std::string& type, const std::string& name, const std::string& reqs,
                       const std::string& fails, const std::string& avg, const std::string& min, const std::string& max,
                       const std::string& med, const std::string& rps, const std::string& fail_s, int name_column)
{
    std::string line = pad_right(type, type_width);
    line += ' ';
    line += pad_right(name, python_width(name_column));
    line += ' ';
    line += pad_left(reqs, 7);
    line += ' ';
    line += pad_left(fails, 12);
    line += " |";
    line += pad_left(avg, 7);
    line += ' ';
    line += pad_left(min, 7);
    line += ' ';
    line += pad_left(max, 7);
    line += pad_left(med, 7);
    line += " | ";
    line += pad_left(rps, 7);
    line += ' ';
    line += pad_left(fail_s, 11);
    line += '\n';
    return line;
}

std::string stats_row(const stats::aggregate& agg, const stats::entry& e, bool current, int name_column)
{
    double rps = current ? agg.current_rps(e) : agg.total_rps(e);
    double fail_s = current ? agg.current_fail_per_sec(e) : agg.total_fail_per_sec(e);
    std::string fails = std::to_string(e.num_failures) + "(" + core::fixed(e.fail_ratio() * 100.0, 2) + "%)";
    return stats_line(e.method.empty() ? "" : e.method + " ", e.name, std::to_string(e.num_requests), fails,
                      trunc_text(e.avg_response_time()), trunc_text(e.min_response_time.value_or(0.0)),
                      trunc_text(e.max_response_time), int_text(e.median_response_time()), core::fixed(rps, 2),
                      core::fixed(fail_s, 2), name_column);
}

std::string percentile_line(const std::string& type, const std::string& name, const std::string (&cells)[12],
                            int name_width)
{
    std::string line = pad_right(type, type_width);
    line += ' ';
    line += pad_right(name, python_width(name_width));
    line += ' ';
    line += pad_left(cells[0], 8);
    line += ' ';
    for (std::size_t i = 1; i < 12; ++i) {
        if (i > 1) line += ' ';
        line += pad_left(cells[i], 6);
    }
    line += '\n';
    return line;
}

std::string percentile_row(const stats::entry& e, int name_width)
{
    std::string cells[12];
    auto values = e.percentiles();
    for (std::size_t i = 0; i < values.size(); ++i) cells[i] = int_text(values[i]);
    cells[11] = std::to_string(e.num_requests);
    return percentile_line(e.method, e.name, cells, name_width);
}

} // namespace

int name_width()
{
    if (!::isatty(STDERR_FILENO)) return 80;
    winsize ws{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) != 0) return 80;
    int columns = ws.ws_col;
    int w = columns - 80;
    if (w > 80) w = 80;
    return w < 0 ? 0 : w;
}

std::string stats_table(const stats::aggregate& agg, bool current, int name_width)
{
    int name_column = name_width - static_cast<int>(type_width) + 4; // Locust's compacted name column
    std::string out =
        stats_line("Type", "Name", "# reqs", "# fails", "Avg", "Min", "Max", "Med", "req/s", "failures/s", name_column);
    std::string separator = dashes(static_cast<int>(type_width)) + "|" + dashes(name_column) + "|" + dashes(7) + "|" +
                            dashes(13) + "|" + dashes(7) + "|" + dashes(7) + "|" + dashes(7) + "|" + dashes(7) + "|" +
                            dashes(8) + "|" + dashes(11) + "\n";
    out += separator;
    for (const stats::entry* e : agg.entries()) out += stats_row(agg, *e, current, name_column);
    out += separator;
    out += stats_row(agg, agg.total(), current, name_column);
    out += '\n';
    return out;
}

std::string percentile_table(const stats::aggregate& agg, int name_width, std::string_view title)
{
    std::string out = std::string(title) + "\n";
    std::string header[12];
    for (std::size_t i = 0; i < stats::reported_percentiles.size(); ++i)
        header[i] = stats::percentile_label(stats::reported_percentiles[i]);
    header[11] = "# reqs";
    out += percentile_line("Type", "Name", header, name_width);

    std::string separator = dashes(static_cast<int>(type_width)) + "|" + dashes(name_width) + "|" + dashes(8);
    for (std::size_t i = 0; i < stats::reported_percentiles.size(); ++i) separator += "|" + dashes(6);
    separator += '\n';
    out += separator;
    for (const stats::entry* e : agg.entries())
        if (!e->response_times.empty()) out += percentile_row(*e, name_width);
    out += separator;
    if (!agg.total().response_times.empty()) out += percentile_row(agg.total(), name_width);
    out += '\n';
    return out;
}

std::string iterations_line(const stats::iteration_counts& it, double late_tolerance)
{
    return "Iterations: " + std::to_string(it.started) + " started (" + std::to_string(it.late) +
           " late by more than " + core::seconds_text(late_tolerance) + " s), " + std::to_string(it.dropped) +
           " dropped\n";
}

std::string error_report(const stats::aggregate& agg, int name_width)
{
    if (agg.errors().empty()) return {};
    std::string out = "Error report\n";
    out += pad_right("# occurrences", 18) + " " + pad_right("Error", 100) + "\n";
    std::string separator = dashes(18) + "|" + dashes(80 + name_width - 19) + "\n";
    out += separator;
    for (const auto& row : agg.errors().rows()) {
        out += pad_right(std::to_string(row.occurrences), 18) + " " +
               pad_right(row.method + " " + row.name + ": " + row.error, 100) + "\n";
    }
    out += separator;
    out += '\n';
    return out;
}

} // namespace hornet::report
