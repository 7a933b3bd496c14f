// hornet::user: the base class of a simulated user written in C++; its members are its state.
#pragma once

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
    {}

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
    request_awaiter patch(std::string_view path, request_options o = {})
    {
        return request("PATCH", path, std::move(o));
    }
    request_awaiter del(std::string_view path, request_options o = {}) { return request("DELETE", path, std::move(o)); }
    request_awaiter head(std::string_view path, request_options o = {}) { return request("HEAD", path, std::move(o)); }

    /// Pauses this user (not the thread).
    sleep_awaiter sleep(double seconds) { return sleep_awaiter(ctx_, seconds); }

    /// Uniform in [0, 1).
    double random() { return ctx_->random(); }
    /// Uniform in [lo, hi], both included (lo when hi < lo), as JSON's {{random.int(lo, hi)}}.
    std::int64_t random_int(std::int64_t lo, std::int64_t hi) { return hi <= lo ? lo : ctx_->random_int(lo, hi); }
    /// One element of a non-empty array or container, uniformly ({{random.choice(a, b)}} in JSON).
    template <class Range>
    const auto& random_choice(const Range& values)
    {
        auto n = static_cast<std::int64_t>(std::size(values));
        return *std::next(std::begin(values), random_int(0, n - 1));
    }
    // The generators below are the engine's own, those of JSON's {{random.…}} templates: the same
    // code, name lists and per-thread generator, so C++ and JSON users send the same data.
    /// `n` decimal digits, the first not 0, as {{random.digits(n)}} (an id number, a dni).
    std::string random_digits(std::size_t n) { return generated(detail::generator::digits, n); }
    /// `n` ASCII letters and digits, as {{random.string(n)}}.
    std::string random_string(std::size_t n) { return generated(detail::generator::string, n); }
    /// A version-4 UUID in lower-case hex, as {{random.uuid}}.
    std::string random_uuid() { return generated(detail::generator::uuid); }
    /// A given name, a surname, or both ("Ada Bauer"), as {{random.first_name}},
    /// {{random.last_name}} and {{random.name}}.
    std::string random_first_name() { return generated(detail::generator::first_name); }
    std::string random_last_name() { return generated(detail::generator::last_name); }
    std::string random_name() { return generated(detail::generator::name); }
    /// "first.last1234@example.com" in lower case, as {{random.email}}.
    std::string random_email() { return generated(detail::generator::email); }
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
    std::string generated(detail::generator g, std::size_t n = 0)
    {
        std::string s;
        ctx_->append_random(g, n, s);
        return s;
    }

    friend void detail::bind(user& u, detail::user_context* ctx) noexcept;
    detail::user_context* ctx_ = nullptr;
};

namespace detail {
inline void bind(user& u, user_context* ctx) noexcept
{
    u.ctx_ = ctx;
}
} // namespace detail

} // namespace hornet
