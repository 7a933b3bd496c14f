// run_worker: io_context, signals and settings around cluster::worker.
#include "app/run_worker.hpp"

#include "app/client_options.hpp"
#include "app/stop_signals.hpp"
#include "cli/value_text.hpp"
#include "cluster/worker.hpp"
#include "core/exit_code.hpp"
#include "core/log.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdlib>
#include <thread>

namespace hornet::app {

namespace net = boost::asio;

int run_worker(const cli::options& opts, const scenario::model& model)
{
    cluster::worker_settings s;
    s.master_host = opts.master_host;
    s.master_port = opts.master_port;
    s.threads = opts.threads ? opts.threads : std::max(1u, std::thread::hardware_concurrency());
    s.host = opts.host;
    s.http = client_config_of(opts);
    s.master_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(opts.master_timeout * 1000));
    if (const char* extra = std::getenv("LOCUST_WORKER_ADDITIONAL_WAIT_BEFORE_READY_AFTER_STOP")) {
        if (auto n = cli::parse_int(extra); n && *n > 0) s.extra_wait_after_stop = std::chrono::seconds(*n);
    }

    net::io_context io{1};
    cluster::worker w(io, model, std::move(s));
    // The first signal stops the users gracefully; a second one ends the stop at once (the worker
    // tells them apart itself).
    stop_signals signals(io);
    signals.listen([&w] { w.request_quit(); }, [&w] { w.request_quit(); });
    int exit_code = cluster::worker_done;
    net::co_spawn(io, w.run(), [&](std::exception_ptr e, int code) {
        exit_code = core::exit_code_of(e, code);
        signals.cancel();
        w.close();
        io.stop(); // the runner's last posts are moot now
    });
    io.run();
    return exit_code;
}

} // namespace hornet::app
