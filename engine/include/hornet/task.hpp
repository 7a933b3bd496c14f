// hornet::task<T>: the coroutine type of C++ scenario code (tasks, helpers, on_start/on_stop).
#pragma once

#include "hornet/detail/frame_pool.hpp"

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace hornet {

template <class T = void>
class task;

namespace detail {

struct promise_base
{
    std::coroutine_handle<> continuation = std::noop_coroutine();
    std::exception_ptr error;

    static void* operator new(std::size_t size) { return frame_pool::allocate(size); }
    static void operator delete(void* p) noexcept { frame_pool::deallocate(p); }

    std::suspend_always initial_suspend() noexcept { return {}; }

    struct final_awaiter
    {
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) noexcept
        {
            // Symmetric transfer: the awaiting coroutine resumes without growing the stack.
            return h.promise().continuation;
        }
        void await_resume() const noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <class T>
struct promise : promise_base
{
    std::optional<T> value;
    task<T> get_return_object() noexcept;
    template <class U>
    void return_value(U&& v)
    {
        value.emplace(std::forward<U>(v));
    }
    T take()
    {
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }
};

template <>
struct promise<void> : promise_base
{
    task<void> get_return_object() noexcept;
    void return_void() noexcept {}
    void take()
    {
        if (error) std::rethrow_exception(error);
    }
};

} // namespace detail

/// A lazy coroutine: it starts when awaited and resumes its awaiter when done (symmetric
/// transfer). An exception escaping it is rethrown to the awaiter. Move-only; destroying a
/// task destroys its frame. Frames are recycled per thread, so starting one costs no malloc
/// in the steady state.
template <class T>
class [[nodiscard]] task
{
public:
    using promise_type = detail::promise<T>;
    using handle_type = std::coroutine_handle<promise_type>;

    task() noexcept = default;
    explicit task(handle_type h) noexcept : h_(h) {}
    task(task&& other) noexcept : h_(std::exchange(other.h_, {})) {}
    task& operator=(task&& other) noexcept
    {
        if (this != &other) {
            if (h_) h_.destroy();
            h_ = std::exchange(other.h_, {});
        }
        return *this;
    }
    ~task()
    {
        if (h_) h_.destroy();
    }

    bool valid() const noexcept { return static_cast<bool>(h_); }
    bool done() const noexcept { return !h_ || h_.done(); }

    auto operator co_await() && noexcept
    {
        struct awaiter
        {
            handle_type h;
            bool await_ready() const noexcept { return !h || h.done(); }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept
            {
                h.promise().continuation = caller;
                return h;
            }
            T await_resume() { return h.promise().take(); }
        };
        return awaiter{h_};
    }
    auto operator co_await() & noexcept { return std::move(*this).operator co_await(); }

    /// For the engine's driver: the frame, to start it and read its outcome.
    handle_type handle() const noexcept { return h_; }

private:
    handle_type h_;
};

namespace detail {

template <class T>
task<T> promise<T>::get_return_object() noexcept
{
    return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}

inline task<void> promise<void>::get_return_object() noexcept
{
    return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}

} // namespace detail

} // namespace hornet
