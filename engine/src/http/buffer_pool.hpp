// Read buffers lent to sessions only while a response is being read: a user that waits between
// tasks holds none, so memory follows the requests in flight, not the number of users.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace hornet::http {

/// Per thread; not thread-safe. Keeps released buffers of `buffer_size` for reuse (up to
/// `max_kept`), so the steady state allocates nothing.
class buffer_pool
{
public:
    static constexpr std::size_t buffer_size = 4 * 1024;

    explicit buffer_pool(std::size_t max_kept = 64) : max_kept_(max_kept) {}

    std::unique_ptr<char[]> acquire()
    {
        ++lent_;
        if (free_.empty()) return std::make_unique_for_overwrite<char[]>(buffer_size);
        auto b = std::move(free_.back());
        free_.pop_back();
        return b;
    }

    /// Takes back a buffer of `capacity` bytes; larger (grown) buffers are simply freed.
    void release(std::unique_ptr<char[]> b, std::size_t capacity)
    {
        if (b) --lent_;
        if (b && capacity == buffer_size && free_.size() < max_kept_) free_.push_back(std::move(b));
    }

    std::size_t kept() const noexcept { return free_.size(); }
    /// Buffers acquired and not yet released: the responses being read on this thread.
    std::size_t lent() const noexcept { return lent_; }

private:
    std::size_t max_kept_;
    std::size_t lent_ = 0;
    std::vector<std::unique_ptr<char[]>> free_;
};

} // namespace hornet::http
