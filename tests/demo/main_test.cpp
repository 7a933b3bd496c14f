// Tests for demo/main.hpp: `hornet demo-target` prints its URL first and exits 0 on SIGTERM.
#include "demo/main.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <future>
#include <string>

using namespace hornet::demo::test;

namespace {

// Runs f with stdout sent into a pipe; returns the pipe's read end.
struct stdout_capture
{
    stdout_capture()
    {
        REQUIRE(::pipe(fds) == 0);
        std::fflush(stdout);
        saved = ::dup(STDOUT_FILENO);
        ::dup2(fds[1], STDOUT_FILENO);
    }
    void restore()
    {
        if (saved >= 0) {
            std::fflush(stdout);
            ::dup2(saved, STDOUT_FILENO);
            ::close(saved);
            ::close(fds[1]);
            saved = -1;
        }
    }
    ~stdout_capture()
    {
        restore();
        ::close(fds[0]);
    }
    // Reads until a newline, at most 10 s.
    std::string read_line()
    {
        std::string line;
        pollfd p{fds[0], POLLIN, 0};
        while (line.find('\n') == std::string::npos && ::poll(&p, 1, 10'000) == 1) {
            char buf[256];
            const auto n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0) {
                break;
            }
            line.append(buf, static_cast<std::size_t>(n));
        }
        return line;
    }

    int fds[2]{-1, -1};
    int saved = -1;
};

} // namespace

TEST_CASE("demo-target prints the URL as the first stdout line, serves, and exits 0 on SIGTERM")
{
    stdout_capture capture;
    auto exit_code = std::async(std::launch::async, [] {
        const char* argv[] = {"demo-target", "--port", "0", "--threads=2"};
        return hornet::demo::run_demo_target(4, argv);
    });
    const auto line = capture.read_line();
    capture.restore();

    REQUIRE(line.size() > 1);
    CHECK(line.back() == '\n');
    const auto url = line.substr(0, line.size() - 1);
    REQUIRE(url.starts_with("http://127.0.0.1:"));
    const auto port = static_cast<std::uint16_t>(std::stoi(url.substr(std::string("http://127.0.0.1:").size())));
    CHECK(port != 0);
    {
        client c(port);
        CHECK(c.get("/health").result_int() == 200);
    }

    ::kill(::getpid(), SIGTERM); // handled by run_demo_target's signal set
    REQUIRE(exit_code.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    CHECK(exit_code.get() == 0);
}

TEST_CASE("demo-target rejects bad options with exit code 2")
{
    const char* unknown[] = {"demo-target", "--nope"};
    CHECK(hornet::demo::run_demo_target(2, unknown) == 2);
    const char* missing[] = {"demo-target", "--port"};
    CHECK(hornet::demo::run_demo_target(2, missing) == 2);
    const char* bad_port[] = {"demo-target", "--port", "70000"};
    CHECK(hornet::demo::run_demo_target(3, bad_port) == 2);
    const char* bad_threads[] = {"demo-target", "--threads=0"};
    CHECK(hornet::demo::run_demo_target(2, bad_threads) == 2);
}

TEST_CASE("demo-target exits 1 when it cannot listen")
{
    hornet::demo::server taken{hornet::demo::server_config{}};
    const auto port = std::to_string(taken.port());
    const char* argv[] = {"demo-target", "--port", port.c_str()};
    CHECK(hornet::demo::run_demo_target(3, argv) == 1);
}
