// One OS thread with its own io_context, HTTP state and stats shard; it owns the users it runs.
#pragma once

#include "core/object_pool.hpp"
#include "http/client_config.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/thread_context.hpp"
#include "runtime/wait_ticks.hpp"
#include "stats/shard.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

namespace hornet::runtime {

class arrival_executor;
class stoppable;

/// Everything here is touched only from this thread, except start/stop/post (thread-safe).
class engine_thread
{
public:
    engine_thread(unsigned index, const http::client_config& config);
    ~engine_thread();
    engine_thread(const engine_thread&) = delete;
    engine_thread& operator=(const engine_thread&) = delete;

    void start();
    /// Ends the thread once its users are gone; afterwards the owner may read stats() directly.
    void join();

    unsigned index() const { return index_; }
    boost::asio::io_context& io() { return io_; }
    stats::shard& stats() { return stats_; }
    http::thread_context& http() { return http_; }
    /// The open model's schedule and pool on this thread.
    arrival_executor& arrivals() { return *arrivals_; }
    wait_ticks& ticks() { return ticks_; }
    std::mt19937_64& rng() { return rng_; }

    /// A user's entry in its thread's registry for as long as the user lives.
    class registration
    {
    public:
        registration(engine_thread& t, std::uint64_t id, stoppable* u) : thread_(t), id_(id) { t.add_user(id, u); }
        ~registration() { thread_.remove_user(id_); }
        registration(const registration&) = delete;
        registration& operator=(const registration&) = delete;

    private:
        engine_thread& thread_;
        std::uint64_t id_;
    };

    // Users of this thread, by id, for stop requests (thread-confined).
    void add_user(std::uint64_t id, stoppable* u) { users_.emplace(id, u); }
    void remove_user(std::uint64_t id) { users_.erase(id); }
    stoppable* find_user(std::uint64_t id);

    /// Responses (and scratch requests for templated steps) are lent to users for one request.
    std::unique_ptr<http::response> take_response() { return responses_.take(); }
    void give_back(std::unique_ptr<http::response> r) { responses_.give_back(std::move(r)); }
    std::unique_ptr<http::request> take_request() { return requests_.take(); }
    void give_back(std::unique_ptr<http::request> r) { requests_.give_back(std::move(r)); }
    const std::unordered_map<std::uint64_t, stoppable*>& users() const { return users_; }

private:
    /// An io_context whose queued work can be destroyed before the rest of the thread's state.
    class context : public boost::asio::io_context
    {
    public:
        using execution_context::shutdown;
        using io_context::io_context;
    };

    unsigned index_;
    // One thread runs it: no reactor locking needed.
    context io_{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    stats::shard stats_;
    http::thread_context http_;
    std::mt19937_64 rng_;
    std::unordered_map<std::uint64_t, stoppable*> users_;
    std::unique_ptr<arrival_executor> arrivals_; // its timer is on io_: destroyed first
    wait_ticks ticks_{io_};                      // its timers too
    core::object_pool<http::response> responses_;
    core::object_pool<http::request> requests_;
    std::thread thread_;
};

} // namespace hornet::runtime
