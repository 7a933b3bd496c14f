// Objects lent for one request (a response, a rendered request, a session's parser and request
// head): a waiting user holds none, and reuse keeps the steady state free of allocation.
// Thread-confined.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace hornet::core {

template <class T>
class object_pool
{
public:
    std::unique_ptr<T> take()
    {
        ++lent_;
        if (spare_.empty()) return std::make_unique<T>();
        auto p = std::move(spare_.back());
        spare_.pop_back();
        return p;
    }

    void give_back(std::unique_ptr<T> p)
    {
        if (!p) return;
        --lent_;
        // Enough for the requests in flight at once in steady state; a burst beyond (a ramp step
        // starts thousands of users at once) is freed, not kept by a list that never shrinks.
        constexpr std::size_t max_spare = 256;
        if (spare_.size() < max_spare) spare_.push_back(std::move(p));
    }

    /// Objects taken and not given back: the requests in flight on this thread.
    std::size_t lent() const noexcept { return lent_; }
    std::size_t spare() const noexcept { return spare_.size(); }

private:
    std::vector<std::unique_ptr<T>> spare_;
    std::size_t lent_ = 0;
};

} // namespace hornet::core
