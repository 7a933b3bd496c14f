// The local runner as the test loop drives it (runtime::run_control): standalone runs, headless
// or from the web UI.
#pragma once

#include "runtime/compiled_class.hpp"
#include "runtime/local_runner.hpp"
#include "runtime/run_control.hpp"

#include <boost/asio/io_context.hpp>

#include <memory>
#include <string>
#include <vector>

namespace hornet::app {

class local_control final : public runtime::run_control
{
public:
    local_control(boost::asio::io_context& io, std::vector<runtime::compiled_class> classes, unsigned threads,
                  const http::client_config& config);

    boost::asio::awaitable<bool> prepare() override
    {
        runner_->start_threads();
        co_return true;
    }
    void start(std::int64_t user_count, double spawn_rate) override { runner_->start(user_count, spawn_rate); }
    void start_rate(const runtime::open_model& model) override { runner_->start_rate(model); }
    boost::asio::awaitable<std::int64_t> collect(std::chrono::steady_clock::time_point deadline) override
    {
        co_return co_await runner_->collect(deadline);
    }
    boost::asio::awaitable<void> stop(double stop_timeout) override { co_await runner_->stop(stop_timeout); }
    void hurry() override { runner_->hurry(); }
    void shutdown() override { runner_->shutdown(); }
    stats::aggregate& stats() override { return runner_->stats(); }
    std::int64_t user_count() const override { return runner_->user_count(); }
    std::map<std::string, std::int64_t> class_counts() const override { return runner_->class_counts(); }
    void reset_stats() override { runner_->reset_stats(); }
    void set_on_spawning_complete(std::function<void()> f) override
    {
        spawning_complete_ = std::move(f);
        runner_->on_spawning_complete = spawning_complete_;
    }

    /// The web UI's class picker: from the next start on, only the named classes run (empty: all).
    /// Only between tests (after prepare()): the runner is rebuilt, with new engine threads.
    void select_classes(const std::vector<std::string>& names);
    /// The web UI's start form named another host: the classes compiled against it replace
    /// these, from the next start on (the runner is rebuilt as for select_classes).
    void replace_classes(std::vector<runtime::compiled_class> classes);

private:
    void stop_runner();
    void rebuild();

    boost::asio::io_context& io_;
    std::vector<runtime::compiled_class> all_;
    unsigned threads_;
    http::client_config config_;
    std::vector<runtime::compiled_class> selected_; // the runner's classes when not all_
    std::vector<std::string> selected_names_;
    std::function<void()> spawning_complete_;
    std::unique_ptr<runtime::local_runner> runner_;
};

} // namespace hornet::app
