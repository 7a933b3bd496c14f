// Engine threads.
#include "runtime/engine_thread.hpp"

#include "runtime/arrival_executor.hpp"

namespace hornet::runtime {

engine_thread::engine_thread(unsigned index, const http::client_config& config)
    : index_(index), http_(io_, config), rng_(std::random_device{}() ^ (std::uint64_t{index} << 32)),
      arrivals_(std::make_unique<arrival_executor>(*this))
{}

engine_thread::~engine_thread()
{
    if (thread_.joinable()) {
        io_.stop();
        thread_.join();
    }
    // Users abandoned at exit (still in on_stop when shutdown() gave up on them) are coroutine
    // frames queued on io_. Destroy them now, while the HTTP state and the registry their
    // destructors touch still exist: io_context's own destructor would run after those members.
    io_.shutdown();
}

void engine_thread::start()
{
    work_.emplace(io_.get_executor());
    http_.start();
    thread_ = std::thread([this] { io_.run(); });
}

void engine_thread::join()
{
    boost::asio::post(io_, [this] {
        http_.stop();
        work_.reset();
    });
    if (thread_.joinable()) thread_.join();
}

stoppable* engine_thread::find_user(std::uint64_t id)
{
    auto it = users_.find(id);
    return it == users_.end() ? nullptr : it->second;
}

} // namespace hornet::runtime
