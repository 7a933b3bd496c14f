// Plain files written whole at the end; a failure names the file and the system's reason.
#include "app/report_files.hpp"

#include "core/log.hpp"
#include "report/html_report.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/markdown_summary.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace hornet::app {

namespace {

// Opens `path` as write() will, creating its folder; "" or why not.
std::string open_check(const std::string& path, bool append)
{
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(path).parent_path();
    if (!folder.empty()) {
        std::error_code ec;
        fs::create_directories(folder, ec);
        if (ec) return "Cannot create the folder " + folder.string() + " for " + path + ": " + ec.message();
    }
    std::ofstream out(path, append ? std::ios::app : std::ios::trunc);
    if (!out) return "Cannot write " + path + ": " + std::strerror(errno);
    return {};
}

} // namespace

report_files::report_files(const cli::options& opts)
{
    add(opts.json_report, report::to_json);
    add(opts.html_report, report::to_html);
    add(opts.junit_report, report::to_junit);
    const auto markdown = [](const report::run_record& r) { return report::to_markdown(r); };
    // GitHub Actions names one file per step for its job summary; other commands of the step may
    // have written to it already, so the summary is added, never written over.
    const char* step_summary = std::getenv("GITHUB_STEP_SUMMARY");
    const std::string step_path = step_summary ? step_summary : "";
    if (opts.summary_md != step_path) add(opts.summary_md, markdown);
    add(step_path, markdown, true);
}

void report_files::add(const std::string& path, renderer render, bool append)
{
    if (!path.empty()) targets_.push_back({path, render, append});
}

std::string report_files::prepare() const
{
    for (const auto& t : targets_)
        if (auto why = open_check(t.path, t.append); !why.empty()) return why;
    return {};
}

bool report_files::write(const report::run_record& record) const
{
    bool ok = true;
    for (const auto& t : targets_) {
        const std::string text = t.render(record);
        std::ofstream out(t.path, t.append ? std::ios::app : std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            core::log::error("hornet.main", "Cannot write the report " + t.path + ": " + std::strerror(errno));
            ok = false;
            continue;
        }
        core::log::info("hornet.main", "Report written to " + t.path);
    }
    return ok;
}

} // namespace hornet::app
