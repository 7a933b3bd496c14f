#include "app/stop_signals.hpp"

#include "core/exit_code.hpp"

#include <csignal>
#include <utility>

namespace hornet::app {

stop_signals::stop_signals(boost::asio::io_context& io) : signals_(io, SIGINT, SIGTERM) {}

void stop_signals::listen(std::function<void()> stop, std::function<void()> hurry)
{
    stop_ = std::move(stop);
    hurry_ = std::move(hurry);
    wait();
}

void stop_signals::wait()
{
    signals_.async_wait([this](boost::system::error_code ec, int sig) { on_signal(ec, sig); });
}

void stop_signals::cancel()
{
    signals_.cancel();
}

void stop_signals::on_signal(boost::system::error_code ec, int sig)
{
    if (ec) return; // cancelled: the run is over
    core::log_signal(sig);
    if (requested_ || stopping_) {
        hurry_();
    } else {
        requested_ = true;
        stop_();
    }
    wait();
}

} // namespace hornet::app
