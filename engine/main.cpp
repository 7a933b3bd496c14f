// hornet: parse the command line, pick a role, run it.
#include "demo/main.hpp"
#include "app/convert_command.hpp"
#include "app/headless_run.hpp"
#include "app/healthcheck.hpp"
#include "app/run_master.hpp"
#include "app/run_worker.hpp"
#include "app/saved_runs.hpp"
#include "app/scenario_choice.hpp"
#include "app/web_run.hpp"
#include "cli/options.hpp"
#include "core/fd_limit.hpp"
#include "core/log.hpp"
#include "scenario/builtin.hpp"

#include <cstdio>
#include <cstring>
#include <iostream>

namespace {

using namespace hornet;

int fail(const std::string& message, int code)
{
    std::fprintf(stderr, "hornet: error: %s\n", message.c_str());
    return code;
}

bool is_url(const std::string& s)
{
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "demo-target") == 0) return demo::run_demo_target(argc - 1, argv + 1);
    if (argc > 1 && std::strcmp(argv[1], "report") == 0) return app::run_report_command(argc - 1, argv + 1);
    if (argc > 1 && std::strcmp(argv[1], "compare") == 0) return app::run_compare_command(argc - 1, argv + 1);
    if (argc > 1 && std::strcmp(argv[1], "convert") == 0) return app::run_convert_command(argc - 1, argv + 1);
    if (argc > 1 && std::strcmp(argv[1], "healthcheck") == 0) return app::run_healthcheck_command(argc - 1, argv + 1);

    auto parsed = cli::parse(argc, argv);
    if (!parsed.opts) {
        if (!parsed.message.empty()) {
            std::FILE* out = parsed.exit_code == 0 ? stdout : stderr;
            std::fputs(parsed.message.c_str(), out);
            if (parsed.message.back() != '\n') std::fputc('\n', out);
        }
        return parsed.exit_code;
    }
    cli::options opts = *parsed.opts;
    // cli::parse has validated the level already.
    core::log::set_level(core::parse_log_level(opts.loglevel).value_or(core::log_level::info));
    if (!opts.logfile.empty() && !core::log::set_file(opts.logfile))
        return fail("cannot open log file \"" + opts.logfile + "\"", 1);
    // Every user holds a socket: take all the files the system allows, as Locust does (after the
    // log is set up, so that the raise and any shortfall land where the user reads).
    core::raise_fd_limit();
    if (!opts.host.empty() && !is_url(opts.host))
        return fail("invalid host \"" + opts.host + "\": expected a URL such as http://127.0.0.1:5000", 1);

    if (opts.list && app::default_scenario_file(opts.locustfile).empty()) {
        std::cout << scenario::builtin_list_text();
        return 0;
    }

    auto choice = app::choose_scenario(opts, !opts.list);
    if (!choice.error.empty()) return fail(choice.error, 1);
    if (opts.list) {
        // Locust's exact shape: a heading, then each class indented by four spaces.
        std::cout << "Available Users:\n";
        for (const auto& u : choice.model.users) std::cout << "    " << u.name << "\n";
        return 0;
    }
    for (const auto& name : choice.emptied_classes)
        core::log::warning("hornet.main",
                           "user class " + name + " has no tasks left after tag filtering: it will not run");
    opts.host = choice.host;

    if (opts.worker) return app::run_worker(opts, choice.model);
    if (opts.master) return app::run_master(opts, choice.model);
    if (!opts.headless) return app::run_web(opts, choice.model);
    return app::run_headless(opts, choice.model);
}
