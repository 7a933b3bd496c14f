// hornet: parse the command line, pick a role, run it.
#include "cli/options.hpp"
#include "cluster/master.hpp"
#include "cluster/run_worker.hpp"
#include "core/fd_limit.hpp"
#include "core/log.hpp"
#include "demo/main.hpp"
#include "runtime/headless_run.hpp"
#include "scenario/builtin.hpp"
#include "scenario/json_loader.hpp"
#include "scenario/tag_filter.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
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

// Splits "http://h:1/a?b" into base "http://h:1" and target "/a?b".
std::pair<std::string, std::string> split_url(const std::string& url)
{
    auto slash = url.find('/', url.find("//") + 2);
    if (slash == std::string::npos) return {url, "/"};
    return {url.substr(0, slash), url.substr(slash)};
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "demo-target") == 0) return demo::run_demo_target(argc - 1, argv + 1);

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
    // Every user holds a socket: take all the files the system allows, as Locust does.
    core::raise_fd_limit();

    // cli::parse has validated the level already.
    core::log::set_level(core::parse_log_level(opts.loglevel).value_or(core::log_level::info));
    if (!opts.logfile.empty() && !core::log::set_file(opts.logfile))
        return fail("cannot open log file \"" + opts.logfile + "\"", 1);
    if (!opts.host.empty() && !is_url(opts.host))
        return fail("invalid host \"" + opts.host + "\": expected a URL such as http://127.0.0.1:5000", 1);

    if (opts.list && opts.locustfile.empty()) {
        std::cout << scenario::builtin_list_text();
        return 0;
    }

    // What to run: -f FILE (JSON, plugin .so or built-in name), else ./hornet.json, else quick
    // mode on the -H URL.
    scenario::model model;
    std::string file = opts.locustfile;
    if (file.empty() && std::filesystem::exists("hornet.json")) file = "hornet.json";
    if (!file.empty()) {
        auto loaded = scenario::load_scenario(file);
        if (!loaded.value) return fail(loaded.error.to_string(), 1);
        model = std::move(*loaded.value);
    } else {
        if (opts.host.empty() && !opts.worker) // a worker may get its host from the master
            return fail("nothing to run: pass a scenario with -f FILE, or a URL with -H for quick mode "
                        "(e.g. hornet -H http://127.0.0.1:5000 --headless -u 10 -t 30s)", 1);
        auto [base, target] = opts.host.empty() ? std::make_pair(std::string(), std::string("/")) : split_url(opts.host);
        opts.host = base;
        model = scenario::quick_model(target);
    }

    if (opts.list) {
        for (const auto& u : model.users) std::cout << u.name << "\n";
        return 0;
    }
    if (!opts.user_classes.empty()) {
        std::vector<scenario::user_class> chosen;
        for (const auto& name : opts.user_classes) {
            auto it = std::find_if(model.users.begin(), model.users.end(), [&](const auto& u) { return u.name == name; });
            if (it == model.users.end()) return fail("unknown user class \"" + name + "\" (hornet --list shows them)", 1);
            chosen.push_back(*it);
        }
        model.users = std::move(chosen);
    }
    std::vector<std::string> dropped;
    scenario::filter_tags(model, opts.tags, opts.exclude_tags, dropped);
    for (const auto& name : dropped)
        core::log::warning("hornet.main", "user class " + name + " has no tasks left after tag filtering: it will not run");
    if (model.users.empty()) return fail("no tasks left to run after filtering with -T/--tags and -E/--exclude-tags", 1);

    if (opts.worker) return cluster::run_worker(opts, model);
    if (!opts.headless)
        return fail("the web UI is not available in this version yet: add --headless "
                    "(with -u, -r and -t) to run from the command line", 1);

    if (opts.master) return cluster::run_master(opts, model);
    return runtime::run_headless(opts, model);
}
