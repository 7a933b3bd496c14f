// The web mode: `hornet` without --headless serves the UI and API on --web-port and runs the
// tests started from it (or at once with --autostart), until Ctrl-C, SIGTERM or --autoquit.
#pragma once

#include "cli/options.hpp"
#include "runtime/run_control.hpp"
#include "scenario/model.hpp"
#include "web/test_control.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hornet::app {

/// Runs the web UI over a local runner. Returns the process exit code.
int run_web(const cli::options& opts, const scenario::model& model);

/// What the next test started from the web UI runs: only the named classes (--class-picker;
/// empty = all) against `host`. "" when set, else why not (the test does not start).
using test_setup = std::function<std::string(const std::vector<std::string>& classes, const std::string& host)>;

/// What a master shows of its workers: their rows in /stats/requests, their log lines at /logs.
struct cluster_view
{
    std::function<std::vector<web::worker_row>()> workers;
    std::function<std::map<std::string, std::vector<std::string>>()> logs;
};

/// The same over any load (a master shows its workers); `control` lives on `io`. Without
/// `setup`, a /swarm that picks classes or another host is refused.
int run_web(const cli::options& opts, const scenario::model& model, boost::asio::io_context& io,
            runtime::run_control& control, cluster_view cluster = {}, test_setup setup = {});

} // namespace hornet::app
