// SIGINT and SIGTERM for every run (headless, web UI, master, worker): the first asks for a
// graceful stop, any later one — or one arriving while the run already stops by itself — for a
// quick one. A pod deletion is a SIGTERM to PID 1, which is us: no init process forwards it.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <functional>

namespace hornet::app {

class stop_signals
{
public:
    explicit stop_signals(boost::asio::io_context& io);

    /// Starts listening; call once, before the io_context runs.
    /// `stop`: stop the users, write the reports, exit with the verdict (Locust's first Ctrl-C).
    /// `hurry`: end that stop at once, reports still written (Locust exits at the second).
    void listen(std::function<void()> stop, std::function<void()> hurry);

    /// The run is stopping by itself (run time, shape, autoquit): the next signal hurries it.
    void stopping() { stopping_ = true; }

    /// A signal has asked for the stop.
    bool requested() const { return requested_; }

    /// Stops listening, so the io_context can run out of work.
    void cancel();

private:
    void wait();
    void on_signal(boost::system::error_code ec, int sig);

    boost::asio::signal_set signals_;
    std::function<void()> stop_;
    std::function<void()> hurry_;
    bool requested_ = false;
    bool stopping_ = false;
};

} // namespace hornet::app
