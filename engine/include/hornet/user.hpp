// hornet::user: the base class of a simulated user written in C++; its members are its state.
#pragma once

#include "hornet/detail/name_lists.hpp"
#include "hornet/detail/user_context.hpp"
#include "hornet/request_options.hpp"
#include "hornet/response.hpp"
#include "hornet/task.hpp"

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace hornet {

class user;

namespace detail {
void bind(user& u, user_context* ctx) noexcept;
} // namespace detail

static_assert(std::is_trivially_destructible_v<request_options>,
              "GCC 12 mishandles non-trivial temporaries of a co_await expression");

/// Awaitable of one request; co_await it in the expression that makes it.
class [[nodiscard]] request_awaiter
{
public:
    request_awaiter(detail::user_context* ctx, std::string_view method, std::string_view path, request_options&& o)
        : ctx_(ctx), method_(method), path_(path), options_(std::move(o))
    {
    }

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h)
    {
        detail::request_data d;
        d.method = method_;
        d.path = path_;
        d.name = options_.name;
        d.body = options_.body;
        d.headers = options_.headers.begin();
        d.header_count = options_.headers.size();
        d.catch_response = options_.catch_response;
        if (options_.json) {
            json_text_ = options_.json->dump();
            d.body = json_text_;
            d.json = true;
        }
        ctx_->start_request(d, h);
    }
    response await_resume()
    {
        detail::response_data data;
        std::uint32_t slot = ctx_->take_response(data);
        return response(ctx_, slot, data);
    }

private:
    detail::user_context* ctx_;
    std::string_view method_;
    std::string_view path_;
    request_options options_;
    std::string json_text_;
};

/// Awaitable of a pause inside a task.
class [[nodiscard]] sleep_awaiter
{
public:
    sleep_awaiter(detail::user_context* ctx, double seconds) : ctx_(ctx), seconds_(seconds) {}
    bool await_ready() const noexcept { return seconds_ <= 0; }
    void await_suspend(std::coroutine_handle<> h) { ctx_->start_sleep(seconds_, h); }
    void await_resume() const noexcept {}

private:
    detail::user_context* ctx_;
    double seconds_;
};

/// Derive from it, add tasks (member functions returning hornet::task<>) and register the class
/// (hornet::registry). One object per simulated user: members are the user's own state. The
/// engine creates it, then runs on_start, weighted tasks with waits between them, and on_stop.
/// Requests and sleeps work from on_start on (not in the constructor).
class user
{
public:
    user() = default;
    user(const user&) = delete;
    user& operator=(const user&) = delete;
    virtual ~user() = default;

    virtual task<> on_start() { co_return; }
    virtual task<> on_stop() { co_return; }

protected:
    request_awaiter request(std::string_view method, std::string_view path, request_options o = {})
    {
        return request_awaiter(ctx_, method, path, std::move(o));
    }
    request_awaiter get(std::string_view path, request_options o = {}) { return request("GET", path, std::move(o)); }
    request_awaiter post(std::string_view path, request_options o = {}) { return request("POST", path, std::move(o)); }
    request_awaiter put(std::string_view path, request_options o = {}) { return request("PUT", path, std::move(o)); }
    request_awaiter patch(std::string_view path, request_options o = {}) { return request("PATCH", path, std::move(o)); }
    request_awaiter del(std::string_view path, request_options o = {}) { return request("DELETE", path, std::move(o)); }
    request_awaiter head(std::string_view path, request_options o = {}) { return request("HEAD", path, std::move(o)); }

    /// Pauses this user (not the thread).
    sleep_awaiter sleep(double seconds) { return sleep_awaiter(ctx_, seconds); }

    /// Uniform in [0, 1).
    double random() { return ctx_->random(); }
    /// Uniform in [lo, hi], both included.
    std::int64_t random_int(std::int64_t lo, std::int64_t hi)
    {
        if (hi <= lo) return lo;
        auto span = static_cast<double>(hi - lo + 1);
        auto v = lo + static_cast<std::int64_t>(ctx_->random() * span);
        return v > hi ? hi : v;
    }
    /// One element of a non-empty array or container, uniformly ({{random.choice(a, b)}} in JSON).
    template <class Range>
    const auto& random_choice(const Range& values)
    {
        auto n = static_cast<std::int64_t>(std::size(values));
        return *std::next(std::begin(values), random_int(0, n - 1));
    }
    /// `n` decimal digits, the first not 0, as JSON's {{random.digits(n)}} (an id number, a dni).
    std::string random_digits(std::size_t n)
    {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('0' + random_int(i == 0 ? 1 : 0, 9));
        return s;
    }
    /// `n` ASCII letters and digits, as JSON's {{random.string(n)}}.
    std::string random_string(std::size_t n)
    {
        static constexpr std::string_view alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += random_choice(alnum);
        return s;
    }
    /// A version-4 UUID in lower-case hex, as JSON's {{random.uuid}}.
    std::string random_uuid()
    {
        static constexpr std::string_view hex = "0123456789abcdef";
        std::string s;
        for (int i = 0; i < 32; ++i) {
            if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
            if (i == 12) s += '4';                              // version 4
            else if (i == 16) s += hex[8 + random_int(0, 3)];  // RFC 4122 variant: 8, 9, a or b
            else s += random_choice(hex);
        }
        return s;
    }
    /// A given name, a surname, or both ("Ada Bauer"), from the lists JSON's
    /// {{random.first_name}}, {{random.last_name}} and {{random.name}} use.
    std::string random_first_name() { return std::string(random_choice(detail::first_names)); }
    std::string random_last_name() { return std::string(random_choice(detail::last_names)); }
    std::string random_name() { return random_first_name() + ' ' + random_last_name(); }
    /// This user's id (unique in the process).
    std::uint64_t user_id() const { return ctx_->user_id(); }
    /// The base URL requests go to (-H or the class's host).
    std::string_view host() const { return ctx_->host(); }
    /// True once the runner asked this user to stop: a long task may end early.
    bool stopping() const { return ctx_->stopping(); }
    void log_debug(std::string_view text) { ctx_->log(0, text); }
    void log_info(std::string_view text) { ctx_->log(1, text); }
    void log_warning(std::string_view text) { ctx_->log(2, text); }

private:
    friend void detail::bind(user& u, detail::user_context* ctx) noexcept;
    detail::user_context* ctx_ = nullptr;
};

namespace detail {
inline void bind(user& u, user_context* ctx) noexcept { u.ctx_ = ctx; }
} // namespace detail

} // namespace hornet
