// CSV rows with Python str() formatting of every value, as Locust 2.12's StatsCSV writes them.
#include "report/csv_tables.hpp"

#include "core/py_format.hpp"
#include "stats/percentiles.hpp"

namespace hornet::report {

namespace {

const std::vector<std::string> percentile_columns = [] {
    std::vector<std::string> labels;
    for (double p : stats::reported_percentiles) labels.push_back(stats::percentile_label(p));
    return labels;
}();

// Locust prints `value or 0`: an int 0 for a missing or zero float, else str(float).
std::string float_or_zero(double v)
{
    return v == 0.0 ? "0" : core::py_float(v);
}

void append_percentiles(std::vector<std::string>& fields, const stats::percentile_values* values)
{
    for (std::size_t i = 0; i < stats::reported_percentiles.size(); ++i)
        fields.push_back(values ? std::to_string((*values)[i]) : "N/A");
}

std::string stats_row(const stats::aggregate& agg, const stats::entry& e)
{
    std::vector<std::string> fields{
        e.method,
        e.name,
        std::to_string(e.num_requests),
        std::to_string(e.num_failures),
        std::to_string(e.median_response_time()),
        core::py_float(e.avg_response_time()),
        float_or_zero(e.min_response_time.value_or(0.0)),
        float_or_zero(e.max_response_time),
        e.num_requests ? core::py_float(e.avg_content_length()) : "0",
        core::py_float(agg.total_rps(e)),
        core::py_float(agg.total_fail_per_sec(e)),
    };
    stats::percentile_values values{};
    if (e.num_requests) values = e.percentiles();
    append_percentiles(fields, e.num_requests ? &values : nullptr);
    return csv_row(fields);
}

std::string history_row(const stats::aggregate& agg, const stats::entry& e, std::uint64_t user_count,
                        std::int64_t epoch_second, bool current_percentiles)
{
    std::vector<std::string> fields{
        std::to_string(epoch_second),
        std::to_string(user_count),
        e.method,
        e.name,
        core::fixed(agg.current_rps(e), 6),
        core::fixed(agg.current_fail_per_sec(e), 6),
    };
    stats::percentile_values values{};
    if (e.num_requests) values = current_percentiles ? agg.current_percentiles(e, epoch_second) : e.percentiles();
    append_percentiles(fields, e.num_requests ? &values : nullptr);
    fields.push_back(std::to_string(e.num_requests));
    fields.push_back(std::to_string(e.num_failures));
    fields.push_back(std::to_string(e.median_response_time()));
    fields.push_back(core::py_float(e.avg_response_time()));
    fields.push_back(float_or_zero(e.min_response_time.value_or(0.0)));
    fields.push_back(float_or_zero(e.max_response_time));
    fields.push_back(e.num_requests ? core::py_float(e.avg_content_length()) : "0");
    return csv_row(fields);
}

} // namespace

std::string csv_field(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const std::vector<std::string>& fields)
{
    std::string out;
    // Python quotes a row made of one empty field, or it would read back as no field at all.
    if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

std::string stats_csv_header()
{
    std::vector<std::string> columns{"Type",
                                     "Name",
                                     "Request Count",
                                     "Failure Count",
                                     "Median Response Time",
                                     "Average Response Time",
                                     "Min Response Time",
                                     "Max Response Time",
                                     "Average Content Size",
                                     "Requests/s",
                                     "Failures/s"};
    columns.insert(columns.end(), percentile_columns.begin(), percentile_columns.end());
    return csv_row(columns);
}

std::string stats_csv_rows(const stats::aggregate& agg)
{
    std::string out;
    for (const stats::entry* e : agg.entries()) out += stats_row(agg, *e);
    out += stats_row(agg, agg.total());
    return out;
}

std::string history_csv_header()
{
    std::vector<std::string> columns{"Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s"};
    columns.insert(columns.end(), percentile_columns.begin(), percentile_columns.end());
    for (const char* c :
         {"Total Request Count", "Total Failure Count", "Total Median Response Time", "Total Average Response Time",
          "Total Min Response Time", "Total Max Response Time", "Total Average Content Size"})
        columns.emplace_back(c);
    return csv_row(columns);
}

std::string history_csv_rows(const stats::aggregate& agg, std::uint64_t user_count, std::int64_t epoch_second,
                             bool full_history)
{
    std::string out;
    if (full_history)
        for (const stats::entry* e : agg.entries()) out += history_row(agg, *e, user_count, epoch_second, true);
    out += history_row(agg, agg.total(), user_count, epoch_second, full_history);
    return out;
}

std::string failures_csv_header()
{
    return csv_row({"Method", "Name", "Error", "Occurrences"});
}

std::string failures_csv_rows(const stats::aggregate& agg)
{
    std::string out;
    for (const auto& row : agg.errors().rows())
        out += csv_row({row.method, row.name, row.error, std::to_string(row.occurrences)});
    return out;
}

std::string exceptions_csv_header()
{
    return csv_row({"Count", "Message", "Traceback", "Nodes"});
}

std::string exceptions_csv_rows(const stats::aggregate& agg)
{
    std::string out;
    for (const auto& x : agg.exceptions()) {
        std::string nodes;
        for (const auto& node : x.nodes) {
            if (!nodes.empty()) nodes += ", ";
            nodes += node;
        }
        out += csv_row({std::to_string(x.count), x.message, x.traceback, nodes});
    }
    return out;
}

} // namespace hornet::report
