// Proves the quick-mode hot path (same GET, reused request and response) does not allocate.
#include "http/session.hpp"

#include "http/thread_context.hpp"
#include "test_server.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

// Counting malloc for the client thread only. Interposing malloc is not possible next to a
// sanitizer's allocator, so the test is skipped in sanitizer builds.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define HORNET_COUNT_ALLOCATIONS 1
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
}
namespace {
thread_local bool counting = false;
thread_local long allocations = 0;
} // namespace
extern "C" void* malloc(std::size_t n)
{
    if (counting) ++allocations;
    return __libc_malloc(n);
}
extern "C" void* calloc(std::size_t a, std::size_t b)
{
    if (counting) ++allocations;
    return __libc_calloc(a, b);
}
extern "C" void* realloc(void* p, std::size_t n)
{
    if (counting) ++allocations;
    return __libc_realloc(p, n);
}
extern "C" void* aligned_alloc(std::size_t align, std::size_t n)
{
    if (counting) ++allocations;
    return __libc_memalign(align, n);
}
#endif

namespace hornet::http {
namespace {

#ifdef HORNET_COUNT_ALLOCATIONS
TEST_CASE("steady-state GET with a reused request and response allocates nothing")
{
    // The server runs on its own thread so that its allocations are not counted.
    test::net::io_context server_io;
    test::test_server server(server_io, [](const test::server_request&) {
        return test::reply{
            test::ok("ok", "Server: nginx\r\nDate: Sun, 22 Nov 2026 02:56:55 GMT\r\nContent-Type: text/plain\r\n")};
    });
    auto guard = test::net::make_work_guard(server_io);
    std::thread server_thread([&] { server_io.run_for(std::chrono::seconds(30)); });

    test::net::io_context io;
    thread_context ctx(io, {});
    session s(ctx, server.url() + "/base");
    long during = -1;
    test::run(io, [&]() -> test::net::awaitable<void> {
        request req;
        req.target = "/";
        response out;
        for (int i = 0; i < 20; ++i) // warm up: connection, buffers, strings, Asio's caches
            co_await s.send(req, out);
        REQUIRE(out.ok());
        allocations = 0;
        counting = true;
        for (int i = 0; i < 500; ++i) co_await s.send(req, out);
        counting = false;
        during = allocations;
        CHECK(out.ok());
        CHECK(out.body == "ok");
        // The counter itself works: a fresh response per send must allocate its strings.
        allocations = 0;
        counting = true;
        auto fresh = co_await s.send(req);
        counting = false;
        CHECK(fresh.ok());
        CHECK(allocations > 0);
    }());
    CHECK(during == 0);
    CHECK(server.connections() == 1);

    test::net::post(server_io, [&] { server.stop(); });
    guard.reset();
    server_thread.join();
}
#endif

} // namespace
} // namespace hornet::http
