// `hornet demo-target`: option parsing, signals, and the URL line for whoever started us.
#include "demo/main.hpp"

#include "demo/query.hpp"
#include "demo/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace hornet::demo {

namespace {

constexpr std::string_view usage =
    "usage: hornet demo-target [--port N] [--host HOST] [--threads N]\n"
    "\n"
    "Runs the built-in demo target, an in-memory HTTP/1.1 service for examples, tests and benchmarks.\n"
    "Prints the URL it serves on as the first line of stdout, then serves until SIGTERM or SIGINT.\n"
    "\n"
    "  --port N      port to listen on; 0 (the default) picks a free one\n"
    "  --host HOST   address to listen on (default 127.0.0.1)\n"
    "  --threads N   threads serving connections (default 1)\n"
    "  -h, --help    show this help\n";

int bad_option(const std::string& message)
{
    std::fprintf(stderr, "hornet demo-target: %s\n%.*s", message.c_str(), static_cast<int>(usage.size()), usage.data());
    return 2;
}

} // namespace

int run_demo_target(int argc, const char* const* argv)
{
    server_config config;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::fwrite(usage.data(), 1, usage.size(), stdout);
            std::fflush(stdout);
            return 0;
        }
        // Both "--port 80" and "--port=80".
        std::optional<std::string_view> value;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
            value = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        if (arg != "--port" && arg != "--host" && arg != "--threads") {
            return bad_option("unknown option '" + std::string(argv[i]) + "'");
        }
        if (!value) {
            if (i + 1 >= argc) {
                return bad_option(std::string(arg) + " needs a value");
            }
            value = argv[++i];
        }
        if (arg == "--host") {
            if (value->empty()) {
                return bad_option("--host needs a value");
            }
            config.host = std::string(*value);
            continue;
        }
        const auto number = parse_uint(*value);
        if (arg == "--port") {
            if (!number || *number > 65535) {
                return bad_option("--port must be a number from 0 to 65535, not '" + std::string(*value) + "'");
            }
            config.port = static_cast<std::uint16_t>(*number);
        } else {
            if (!number || *number < 1 || *number > 1024) {
                return bad_option("--threads must be a number from 1 to 1024, not '" + std::string(*value) + "'");
            }
            config.threads = static_cast<unsigned>(*number);
        }
    }

    // Signals are caught from here on, before the URL tells anyone we are up: a harness that
    // sends SIGTERM as soon as it reads the line must get a clean exit.
    boost::asio::io_context signals_context(1);
    boost::asio::signal_set signals(signals_context, SIGINT, SIGTERM);

    std::optional<server> srv;
    try {
        srv.emplace(config);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hornet demo-target: %s\n", e.what());
        return 1;
    }

    signals.async_wait([&srv](const boost::system::error_code& ec, int) {
        if (!ec) {
            srv->stop();
        }
    });
    std::thread signal_thread([&signals_context] { signals_context.run(); });

    const auto url = srv->url() + "\n";
    std::fwrite(url.data(), 1, url.size(), stdout);
    std::fflush(stdout);

    srv->run();
    // run() only returns after the signal handler's stop(); the cancel is for safety, and posted
    // because the signal context belongs to its own thread.
    boost::asio::post(signals_context, [&signals] { signals.cancel(); });
    signal_thread.join();
    return 0;
}

} // namespace hornet::demo
