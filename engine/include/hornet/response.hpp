// hornet::response: what a co_awaited request gives back, and the user's verdict on it.
#pragma once

#include "hornet/detail/user_context.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace hornet {

/// The final response of one request (after redirects). Move-only; the views it returns are
/// valid while it lives.
///
/// Recording follows Locust: a plain request is recorded when it completes (failed when the
/// connection failed or the status is >= 400). With `.catch_response = true` the user decides:
/// the request is recorded at the first success() or failure(reason), or, if neither was
/// called, when the response is destroyed, with the default verdict (Locust's context manager
/// exit). success()/failure() on a plain request do nothing.
class response
{
public:
    response(detail::user_context* ctx, std::uint32_t slot, const detail::response_data& data) noexcept
        : ctx_(ctx), slot_(slot), data_(data)
    {}
    response(response&& other) noexcept
        : ctx_(std::exchange(other.ctx_, nullptr)), slot_(other.slot_), data_(other.data_)
    {}
    response& operator=(response&& other) noexcept
    {
        if (this != &other) {
            reset();
            ctx_ = std::exchange(other.ctx_, nullptr);
            slot_ = other.slot_;
            data_ = other.data_;
        }
        return *this;
    }
    ~response() { reset(); }

    /// HTTP status; 0 when no response came (connection refused, timeout, ...).
    unsigned status() const noexcept { return data_.status; }
    std::string_view body() const noexcept { return data_.body; }
    /// First header with this name (case-insensitive).
    std::optional<std::string_view> header(std::string_view name) const
    {
        std::string_view v;
        if (ctx_ && ctx_->find_header(slot_, name, v)) return v;
        return std::nullopt;
    }
    /// The body parsed as JSON; throws nlohmann::json::parse_error when it is not JSON
    /// (escaping a task, that is recorded as an exception and the user goes on).
    nlohmann::json json() const { return nlohmann::json::parse(data_.body); }
    double elapsed_ms() const noexcept { return data_.elapsed_ms; }
    std::uint64_t content_length() const noexcept { return data_.content_length; }
    std::string_view url() const noexcept { return data_.url; }
    /// No network error and a status below 400 (Locust's default verdict).
    bool ok() const noexcept { return data_.error.empty(); }
    /// Why the request failed by default, e.g. "HTTPError('404 Client Error: ...')".
    std::string_view error() const noexcept { return data_.error; }

    /// catch_response only: record the request as a success.
    void success()
    {
        if (ctx_) ctx_->verdict(slot_, true, {});
    }
    /// catch_response only: record the request as a failure with this reason.
    void failure(std::string_view reason)
    {
        if (ctx_) ctx_->verdict(slot_, false, reason);
    }

private:
    void reset() noexcept
    {
        if (ctx_) ctx_->release(slot_);
        ctx_ = nullptr;
    }

    detail::user_context* ctx_;
    std::uint32_t slot_;
    detail::response_data data_;
};

} // namespace hornet
