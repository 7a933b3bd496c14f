// What a session needs only while a request is in flight: its thread lends it for the send, so
// the thousands of users waiting between tasks hold none of it.
#pragma once

#include "http/response_parser.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace hornet::http {

struct send_state
{
    response_parser parser;
    std::string head; ///< the serialized request head, its capacity kept for the next request
};

/// Per-thread free list of send states. Keeps at most `max_kept`: a burst of users sending at once
/// (a ramp step starts thousands) leaves memory to malloc, not to a list that never shrinks.
class send_state_pool
{
public:
    explicit send_state_pool(std::size_t max_kept = 256) : max_kept_(max_kept) {}

    std::unique_ptr<send_state> acquire()
    {
        if (free_.empty()) return std::make_unique<send_state>();
        auto s = std::move(free_.back());
        free_.pop_back();
        return s;
    }

    void release(std::unique_ptr<send_state> s)
    {
        if (s && free_.size() < max_kept_) free_.push_back(std::move(s));
    }

    std::size_t kept() const noexcept { return free_.size(); }

private:
    std::size_t max_kept_;
    std::vector<std::unique_ptr<send_state>> free_;
};

} // namespace hornet::http
