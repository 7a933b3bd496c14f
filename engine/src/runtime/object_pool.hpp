// Objects lent for one request: a waiting user holds none, and reuse keeps the steady state
// free of allocation. Thread-confined.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace hornet::runtime {

template <class T>
class object_pool
{
public:
    std::unique_ptr<T> take()
    {
        if (spare_.empty()) return std::make_unique<T>();
        auto p = std::move(spare_.back());
        spare_.pop_back();
        return p;
    }

    void give_back(std::unique_ptr<T> p)
    {
        // Enough for the requests in flight at once in steady state; a burst beyond is freed.
        constexpr std::size_t max_spare = 256;
        if (spare_.size() < max_spare) spare_.push_back(std::move(p));
    }

private:
    std::vector<std::unique_ptr<T>> spare_;
};

} // namespace hornet::runtime
