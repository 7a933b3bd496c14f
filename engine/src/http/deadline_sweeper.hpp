// Timeouts for a whole thread with one periodic timer instead of one timer per operation.
#pragma once

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>

namespace hornet::http {

/// Something with a deadline, linked into a deadline_sweeper while an operation is in flight.
/// Linking and unlinking are a few pointer writes, so a request pays no timer syscall.
class deadline_node
{
public:
    deadline_node() = default;
    deadline_node(const deadline_node&) = delete;
    deadline_node& operator=(const deadline_node&) = delete;

    bool watched() const noexcept { return prev_ != nullptr; }

protected:
    ~deadline_node() = default;

private:
    friend class deadline_sweeper;
    /// Called once by the sweeper, after unlinking, when the deadline has passed. Must not
    /// resume the waiting coroutine inline (closing a socket only queues its completions).
    virtual void on_deadline() noexcept = 0;

    deadline_node* prev_ = nullptr;
    deadline_node* next_ = nullptr;
    std::chrono::steady_clock::time_point deadline_{};
};

/// Walks the watched nodes every `period` and expires those past their deadline, so a
/// timeout fires between `timeout` and `timeout + period` after it was armed.
///
/// The timer is only armed while something is watched: an idle thread's io_context::run()
/// returns normally. stop() disables expiry (for shutdown), start() enables it again; a new
/// sweeper starts enabled. One per thread; not thread-safe.
class deadline_sweeper
{
public:
    explicit deadline_sweeper(boost::asio::any_io_executor executor,
                              std::chrono::milliseconds period = std::chrono::milliseconds(100));
    ~deadline_sweeper();
    deadline_sweeper(const deadline_sweeper&) = delete;
    deadline_sweeper& operator=(const deadline_sweeper&) = delete;

    /// Links `node` (re-linking is fine) with the given deadline.
    void watch(deadline_node& node, std::chrono::steady_clock::time_point deadline);
    /// Unlinks `node` if linked.
    void unwatch(deadline_node& node) noexcept;

    void start();
    void stop();
    bool running() const noexcept;
    /// Number of watched nodes (tests, diagnostics).
    std::size_t watched() const noexcept;
    /// Expires every node whose deadline is <= now (called by the timer; public for tests).
    void sweep(std::chrono::steady_clock::time_point now);

private:
    struct state;
    std::shared_ptr<state> state_;
};

} // namespace hornet::http
