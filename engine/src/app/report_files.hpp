// The report files a run leaves behind (--json, and the other formats as they are asked for):
// checked before the test, written once after it from one run_record.
#pragma once

#include "cli/options.hpp"
#include "report/run_record.hpp"

#include <string>
#include <vector>

namespace hornet::app {

class report_files
{
public:
    explicit report_files(const cli::options& opts);

    /// Before the test: creates missing folders and opens each file for writing, so a path that
    /// cannot be written fails the run in a second rather than after it. "" when all can be
    /// written, else a sentence naming the path and the reason.
    std::string prepare() const;

    /// After the test: renders and writes every file. Logs each failure; false if any.
    bool write(const report::run_record& record) const;

    bool empty() const noexcept { return targets_.empty(); }

private:
    using renderer = std::string (*)(const report::run_record&);
    struct target
    {
        std::string path;
        renderer render;
        bool append; // added to what the file holds ($GITHUB_STEP_SUMMARY gathers every step's)
    };

    void add(const std::string& path, renderer render, bool append = false);

    std::vector<target> targets_;
};

} // namespace hornet::app
