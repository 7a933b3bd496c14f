// The HTTP client against in-process servers over real TCP on 127.0.0.1.
#include "http/session.hpp"

#include "http/thread_context.hpp"
#include "test_server.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include <time.h>

namespace hornet::http {
namespace {

using namespace std::chrono_literals;
using test::reply;
using test::test_server;
using test::net::awaitable;

request get(std::string target)
{
    request r;
    r.target = std::move(target);
    return r;
}

// Echoes "METHOD target body" so tests see what arrived.
reply echo(const test::server_request& req)
{
    std::string body = std::string(req.method_string()) + " " + std::string(req.target()) + " " + req.body();
    return {test::ok(body)};
}

TEST_CASE("GET and POST round trips carry status, headers, body and content_length")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/hello?x=1"));
        CHECK(r.ok());
        CHECK(r.status == 200);
        CHECK(r.body == "GET /hello?x=1 ");
        CHECK(r.content_length == r.body.size());
        CHECK(r.header("content-length") == std::optional<std::string_view>(std::to_string(r.body.size())));
        CHECK(r.url == server.url() + "/hello?x=1");
        CHECK(r.error.empty());

        request post;
        post.method = "POST";
        post.target = "/users";
        post.body = R"({"name":"ann"})";
        post.headers.push_back({"Content-Type", "application/json"});
        r = co_await s.send(post);
        CHECK(r.ok());
        CHECK(r.body == R"(POST /users {"name":"ann"})");
        CHECK(server.last()["content-type"] == "application/json");
        CHECK(server.last()["content-length"] == "14");
        CHECK(server.last()["host"] == "127.0.0.1:" + std::to_string(server.port()));
        CHECK(server.last()["user-agent"] == "hornet/" HORNET_VERSION);
    }());
}

TEST_CASE("base URL path prefix is joined with relative targets")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    session s(ctx, server.url() + "/api/");
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/users"));
        CHECK(r.body == "GET /api/users ");
        r = co_await s.send(get("items?q=a b"));
        CHECK(r.body == "GET /api/items?q=a%20b ");
        // An absolute URL bypasses the base path.
        r = co_await s.send(get(server.url() + "/abs"));
        CHECK(r.body == "GET /abs ");
    }());
}

TEST_CASE("keep-alive: 100 requests use one connection, and a reused response allocates nothing new")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) {
        return reply{test::ok("ok", "Server: a-long-enough-server-name/1.0\r\n")};
    });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        request req = get("/");
        response out;
        co_await s.send(req, out);
        REQUIRE(out.ok());
        const char* header_storage = out.headers[0].value.data();
        const auto* headers_storage = out.headers.data();
        for (int i = 1; i < 100; ++i) {
            co_await s.send(req, out);
            REQUIRE(out.ok());
            CHECK(out.body == "ok");
        }
        // Same buffers: the steady state reuses the strings instead of reallocating them.
        CHECK(out.headers.data() == headers_storage);
        CHECK(out.headers[0].value.data() == header_storage);
    }());
    CHECK(server.requests() == 100);
    CHECK(server.connections() == 1);
}

TEST_CASE("between requests a session holds no parser or request head, and shares its base URL's parse")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    session a(ctx, server.url());
    session b(ctx, server.url());
    CHECK(&ctx.base(server.url()) == &ctx.base(server.url()));
    CHECK(ctx.base(server.url()).url.has_value());
    CHECK(ctx.send_states().spare() == 0);
    test::run(io, [&]() -> awaitable<void> {
        response out;
        co_await a.send(get("/one"), out);
        CHECK(out.body == "GET /one ");
        // The state lent for the send is back with the thread, and serves the next session.
        CHECK(ctx.send_states().spare() == 1);
        co_await b.send(get("/two"), out);
        CHECK(out.body == "GET /two ");
        CHECK(ctx.send_states().spare() == 1);
    }());
    CHECK(server.requests() == 2);
}

TEST_CASE("server closing an idle kept-alive connection: transparent reconnect")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{test::ok("ok"), reply::then::close}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 3; ++i) {
            auto r = co_await s.send(get("/"));
            CHECK(r.ok());
            CHECK(r.body == "ok");
            // Give the FIN time to arrive, so the next send meets a closed connection.
            test::net::steady_timer t(io, 20ms);
            co_await t.async_wait(test::net::use_awaitable);
        }
    }());
    CHECK(server.connections() == 3);
    CHECK(server.requests() == 3);
}

TEST_CASE("a connection the server closed while idle, with a parting 408, is not reused")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) {
        return reply{test::ok("ok"), reply::then::late_then_close,
                     "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"};
    });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        CHECK((co_await s.send(get("/"))).ok());
        test::net::steady_timer t(io, 1100ms); // longer than the idle check threshold
        co_await t.async_wait(test::net::use_awaitable);
        auto r = co_await s.send(get("/"));
        CHECK(r.ok());
        CHECK(r.status == 200);
    }());
    CHECK(server.connections() == 2);
}

TEST_CASE("a connection idle for less than its server was seen to keep one open is reused unchecked")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    session s(ctx, server.url());
    auto idle = [&](std::chrono::milliseconds d) -> awaitable<void> {
        test::net::steady_timer t(io, d);
        co_await t.async_wait(test::net::use_awaitable);
    };
    test::run(io, [&]() -> awaitable<void> {
        CHECK((co_await s.send(get("/"))).ok());
        co_await idle(1300ms); // over the 1 s threshold, and never seen before: checked
        CHECK((co_await s.send(get("/"))).ok());
        CHECK(ctx.idle_checks() == 1);
        co_await idle(1100ms); // less than the 1.3 s it was seen to survive: no check
        CHECK((co_await s.send(get("/"))).ok());
        CHECK(ctx.idle_checks() == 1);
        co_await idle(1500ms); // longer than any seen: checked again
        CHECK((co_await s.send(get("/"))).ok());
        CHECK(ctx.idle_checks() == 2);
    }());
    CHECK(server.connections() == 1);
    CHECK(server.requests() == 4);
}

TEST_CASE("Connection: close from the server is honoured")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{test::ok("ok", "Connection: close\r\n")}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 3; ++i) CHECK((co_await s.send(get("/"))).ok());
    }());
    CHECK(server.connections() == 3);
}

TEST_CASE("connection refused")
{
    test::net::io_context io;
    unsigned short port = 0;
    {
        test::tcp::acceptor a(io, test::tcp::endpoint(test::net::ip::make_address("127.0.0.1"), 0));
        port = a.local_endpoint().port();
    }
    thread_context ctx(io, {});
    session s(ctx, "http://127.0.0.1:" + std::to_string(port));
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/refused"));
        CHECK(r.failure == failure_kind::connect_refused);
        CHECK(r.error == "ConnectionRefusedError(111, 'Connection refused')");
        CHECK(r.status == 0);
        CHECK_FALSE(r.ok());
    }());
}

TEST_CASE("request timeout: a server that never answers")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{"", reply::then::hang}; });
    client_config config;
    config.request_timeout = 300ms;
    thread_context ctx(io, config);
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        const auto start = std::chrono::steady_clock::now();
        auto r = co_await s.send(get("/slow"));
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(r.failure == failure_kind::timeout);
        CHECK(r.error == "TimeoutError('request timed out after 0.3 s')");
        CHECK(took >= 300ms);
        CHECK(took < 5s);
        CHECK(ctx.sweeper().watched() == 0);
    }());
}

TEST_CASE("connect timeout: a listener whose accept queue is full drops our SYN")
{
    test::net::io_context io;
    test::tcp::acceptor acceptor(io);
    const test::tcp::endpoint ep(test::net::ip::make_address("127.0.0.1"), 0);
    acceptor.open(ep.protocol());
    acceptor.bind(ep);
    acceptor.listen(0); // room for one queued connection, never accepted
    test::tcp::socket filler(io);
    filler.connect(acceptor.local_endpoint());
    client_config config;
    config.connect_timeout = 300ms;
    thread_context ctx(io, config);
    const auto port = acceptor.local_endpoint().port();
    session s(ctx, "http://127.0.0.1:" + std::to_string(port));
    test::run(io, [&]() -> awaitable<void> {
        const auto start = std::chrono::steady_clock::now();
        auto r = co_await s.send(get("/"));
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(r.failure == failure_kind::timeout);
        CHECK(r.error == "TimeoutError('connection to 127.0.0.1:" + std::to_string(port) + " timed out after 0.3 s')");
        CHECK(took >= 300ms);
        CHECK(took < 5s);
    }());
}

TEST_CASE("sessions resolving the same name at once share one lookup")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    std::vector<std::unique_ptr<session>> sessions;
    for (int i = 0; i < 5; ++i)
        sessions.push_back(std::make_unique<session>(ctx, "http://localhost:" + std::to_string(server.port())));
    int ok = 0;
    for (auto& s : sessions)
        test::net::co_spawn(
            io, [&]() -> awaitable<void> { ok += (co_await s->send(get("/x"))).ok() ? 1 : 0; },
            [](std::exception_ptr) {});
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 200 && ok < 5; ++i) {
            test::net::steady_timer t(io, 10ms);
            co_await t.async_wait(test::net::use_awaitable);
        }
    }());
    CHECK(ok == 5);
    CHECK(ctx.dns().size() == 1);
    CHECK(ctx.dns().lookups() == 1);
}

TEST_CASE("the sweeper does not keep run() alive once requests are done")
{
    test::net::io_context io;
    test_server server(io, echo);
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> { CHECK((co_await s.send(get("/"))).ok()); }());
    server.stop();
    s.close();
    io.restart();
    const auto start = std::chrono::steady_clock::now();
    io.run_for(5s);
    CHECK(std::chrono::steady_clock::now() - start < 2s);
}

TEST_CASE("connection reset by the peer")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{"", reply::then::reset}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/reset"));
        CHECK(r.failure == failure_kind::reset);
        CHECK(r.error == "ConnectionResetError(104, 'Connection reset by peer')");
    }());
}

TEST_CASE("close without any response on a fresh connection")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{"", reply::then::close}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::reset);
        CHECK(r.error == "RemoteDisconnected('Remote end closed connection without response')");
    }());
    CHECK(server.connections() == 1); // no retry on a fresh connection
}

TEST_CASE("malformed responses are bad_response")
{
    test::net::io_context io;
    std::string raw;
    test_server server(io, [&](const test::server_request&) { return reply{raw, reply::then::close}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    for (std::string bad : {"garbage\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n",
                            "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n"}) {
        CAPTURE(bad);
        raw = bad;
        test::run(io, [&]() -> awaitable<void> {
            auto r = co_await s.send(get("/"));
            CHECK(r.failure == failure_kind::bad_response);
            CHECK(r.error.rfind("BadResponse('", 0) == 0);
            CHECK(r.status == 0);
        }());
    }
    raw = "HTTP/1.1 200 OK\r\nContent-Le";
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::bad_response);
        CHECK(r.error == "BadResponse('connection closed inside the response header')");
    }());
    raw = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc";
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::reset);
        CHECK(r.error == "IncompleteRead('connection closed before the end of the response body')");
    }());
}

TEST_CASE("chunked response bodies and read-to-EOF bodies")
{
    test::net::io_context io;
    std::string raw;
    reply::then after = reply::then::keep;
    test_server server(io, [&](const test::server_request&) { return reply{raw, after}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1;ext=1\r\n "
          "\r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n";
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/chunked"));
        CHECK(r.ok());
        CHECK(r.body == "hello world");
        CHECK(r.content_length == 11);
        r = co_await s.send(get("/chunked"));
        CHECK(r.body == "hello world");
    }());
    CHECK(server.connections() == 1);

    raw = "HTTP/1.1 200 OK\r\n\r\nuntil the end";
    after = reply::then::close;
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/eof"));
        CHECK(r.ok());
        CHECK(r.body == "until the end");
    }());
}

TEST_CASE("body over max_body_size")
{
    test::net::io_context io;
    std::string raw;
    test_server server(io, [&](const test::server_request&) { return reply{raw}; });
    client_config config;
    config.max_body_size = 1000;
    thread_context ctx(io, config);
    session s(ctx, server.url());
    raw = test::ok(std::string(5000, 'x'));
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/big"));
        CHECK(r.failure == failure_kind::body_too_large);
        CHECK(r.error == "BodyTooLarge('response body over 1000 bytes, the most kept for a check, an extract or C++ "
                         "code to read (--max-body-size)')");
        CHECK(r.body.empty());
    }());
    raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + std::string(1000, 'y') +
          "\r\n1\r\nz\r\n0\r\n\r\n";
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/big-chunked"));
        CHECK(r.failure == failure_kind::body_too_large);
    }());
    raw = test::ok(std::string(1000, 'x'));
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/exact"));
        CHECK(r.ok());
        CHECK(r.content_length == 1000);
    }());
}

// CPU time of the calling thread.
std::chrono::nanoseconds thread_cpu()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

TEST_CASE("a header that arrives in two parts is waited for, not polled")
{
    // The server (on a thread of its own) sends the status line, then the rest 200 ms later.
    // Reading in a loop until it comes would burn those 200 ms of CPU; waiting takes almost none.
    test::net::io_context server_io;
    test_server server(server_io, [](const test::server_request&) {
        return reply{"HTTP/1.1 200 OK\r\nContent-Le", reply::then::late_then_keep, "ngth: 2\r\n\r\nok"};
    });
    std::thread server_thread([&] { server_io.run_for(std::chrono::seconds(20)); });
    test::net::io_context io;
    thread_context ctx(io, {});
    session s(ctx, server.url());
    std::chrono::nanoseconds cpu{};
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 2; ++i) { // a fresh connection, then a reused one
            const auto before = thread_cpu();
            auto r = co_await s.send(get("/split"));
            cpu += thread_cpu() - before;
            CHECK(r.ok());
            CHECK(r.body == "ok");
        }
    }());
    server_io.stop();
    server_thread.join();
    CHECK(server.connections() == 1);
    CHECK(cpu < 100ms);
}

TEST_CASE("large bodies across many reads")
{
    test::net::io_context io;
    std::string big(3 * 1024 * 1024 + 7, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
    test_server server(io, [&](const test::server_request&) { return reply{test::ok(big)}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 2; ++i) {
            auto r = co_await s.send(get("/large"));
            CHECK(r.ok());
            CHECK(r.body == big);
        }
    }());
}

TEST_CASE("a request body larger than the socket buffer is written completely")
{
    test::net::io_context io;
    test_server server(
        io, [](const test::server_request& req) { return reply{test::ok(std::to_string(req.body().size()))}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        request post;
        post.method = "PUT";
        post.target = "/upload";
        post.body.assign(8 * 1024 * 1024 + 3, 'b');
        for (int i = 0; i < 2; ++i) {
            auto r = co_await s.send(post);
            CHECK(r.ok());
            CHECK(r.body == std::to_string(post.body.size()));
        }
    }());
    CHECK(server.last().body().size() == 8 * 1024 * 1024 + 3);
}

TEST_CASE("redirect chains, method rewriting and too many redirects")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request& req) {
        const std::string_view t = req.target();
        if (t.rfind("/r/", 0) == 0) {
            const int n = std::stoi(std::string(t.substr(3)));
            const std::string next = n > 1 ? "/r/" + std::to_string(n - 1) : "/final";
            return reply{test::make_response(302, "Found", "", "Location: " + next + "\r\n")};
        }
        if (t == "/see-other") return reply{test::make_response(303, "See Other", "", "Location: /final\r\n")};
        if (t == "/temp") return reply{test::make_response(307, "Temporary Redirect", "", "Location: /final\r\n")};
        return echo(req);
    });
    client_config config;
    config.max_redirects = 3;
    thread_context ctx(io, config);
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/r/3"));
        CHECK(r.ok());
        CHECK(r.status == 200);
        CHECK(r.body == "GET /final ");
        CHECK(r.url == server.url() + "/final");

        r = co_await s.send(get("/r/4"), "/r/[n]");
        CHECK(r.failure == failure_kind::too_many_redirects);
        CHECK(r.error == "TooManyRedirects('Exceeded 3 redirects.')");

        request post;
        post.method = "POST";
        post.body = "data";
        post.target = "/see-other";
        r = co_await s.send(post);
        CHECK(r.body == "GET /final ");
        post.target = "/temp";
        r = co_await s.send(post);
        CHECK(r.body == "POST /final data");
    }());
    CHECK(server.connections() == 1);
}

TEST_CASE("a redirect to another origin keeps both connections alive")
{
    test::net::io_context io;
    test_server other(io, echo);
    const std::string other_url = other.url();
    test_server first(io, [&](const test::server_request&) {
        return reply{test::make_response(302, "Found", "", "Location: " + other_url + "/landed\r\n")};
    });
    thread_context ctx(io, {});
    session s(ctx, first.url());
    test::run(io, [&]() -> awaitable<void> {
        for (int i = 0; i < 20; ++i) {
            auto r = co_await s.send(get("/go"));
            CHECK(r.ok());
            CHECK(r.body == "GET /landed ");
        }
        // Absolute URLs to either origin use the same two connections.
        auto r = co_await s.send(get(other_url + "/direct"));
        CHECK(r.body == "GET /direct ");
    }());
    CHECK(first.connections() == 1);
    CHECK(other.connections() == 1);
}

TEST_CASE("a body nobody reads is counted, not kept, whatever the kept-body limit")
{
    test::net::io_context io;
    const std::string big(3 * 1024 * 1024, 'b');
    test_server server(io, [&](const test::server_request& req) {
        if (req.target() == "/chunked")
            return reply{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n300000\r\n" + big + "\r\n0\r\n\r\n"};
        return reply{test::ok(big)};
    });
    client_config config;
    config.max_body_size = 1000;
    thread_context ctx(io, config);
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        for (const char* target : {"/plain", "/chunked"}) {
            request unread = get(target);
            unread.keep_body = false;
            auto r = co_await s.send(unread);
            CHECK(r.ok());
            CHECK(r.body.empty());
            CHECK(r.content_length == big.size());
            r = co_await s.send(get(target)); // kept: over the limit
            CHECK(r.failure == failure_kind::body_too_large);
        }
    }());
}

TEST_CASE("max_redirects = 0 returns the redirect itself")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) {
        return reply{test::make_response(301, "Moved Permanently", "", "Location: /elsewhere\r\n")};
    });
    client_config config;
    config.max_redirects = 0;
    thread_context ctx(io, config);
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.ok());
        CHECK(r.status == 301);
        CHECK(r.header("Location") == std::optional<std::string_view>("/elsewhere"));
    }());
}

TEST_CASE("a request that does not follow redirects gets the redirect; the next one follows again")
{
    test::net::io_context io;
    int served = 0;
    test_server server(io, [&](const test::server_request& req) {
        ++served;
        if (req.target() == "/login")
            return reply{test::make_response(302, "Found", "", "Location: /home\r\nSet-Cookie: sid=1; Path=/\r\n")};
        return reply{test::ok("home")};
    });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto login = get("/login");
        login.follow_redirects = false;
        auto r = co_await s.send(login);
        CHECK(r.ok());
        CHECK(r.status == 302);
        CHECK(r.header("Location") == std::optional<std::string_view>("/home"));
        CHECK(served == 1);
        auto followed = co_await s.send(get("/login"));
        CHECK(followed.status == 200);
        CHECK(followed.body == "home");
        CHECK(served == 3);
    }());
}

TEST_CASE("cookies set by the server are sent back")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request& req) {
        if (req.target() == "/login")
            return reply{
                test::ok("in", "Set-Cookie: sid=abc123; Path=/; HttpOnly\r\nSet-Cookie: other=1; Path=/admin\r\n")};
        if (req.target() == "/logout") return reply{test::ok("out", "Set-Cookie: sid=; Max-Age=0; Path=/\r\n")};
        return reply{test::ok(std::string(req["cookie"]))};
    });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/me"));
        CHECK(r.body.empty());
        co_await s.send(get("/login"));
        CHECK(s.cookies().get("sid") == std::optional<std::string_view>("abc123"));
        r = co_await s.send(get("/me"));
        CHECK(r.body == "sid=abc123");
        r = co_await s.send(get("/admin/x"));
        CHECK(r.body == "sid=abc123; other=1");
        co_await s.send(get("/logout"));
        r = co_await s.send(get("/me"));
        CHECK(r.body.empty());
    }());
}

TEST_CASE("status >= 400 is a failure with requests' HTTPError text")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request& req) {
        if (req.target() == "/missing") return reply{test::make_response(404, "Not Found", "nope")};
        if (req.target() == "/odd") return reply{test::make_response(503, "", "")};
        return reply{test::make_response(500, "Internal Server Error", "boom")};
    });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/missing"));
        CHECK(r.failure == failure_kind::status);
        CHECK(r.status == 404);
        CHECK(r.body == "nope");
        CHECK(r.error == "HTTPError('404 Client Error: Not Found for url: " + server.url() + "/missing')");
        r = co_await s.send(get("/fail"), "/fail [name]");
        CHECK(r.status == 500);
        CHECK(r.error == "HTTPError('500 Server Error: Internal Server Error for url: /fail [name]')");
        r = co_await s.send(get("/odd"));
        // No reason phrase from the server: the standard one.
        CHECK(r.error == "HTTPError('503 Server Error: Service Unavailable for url: " + server.url() + "/odd')");
    }());
    CHECK(server.connections() == 1); // error statuses keep the connection
}

TEST_CASE("bad base URLs and targets fail with a clear error")
{
    test::net::io_context io;
    thread_context ctx(io, {});
    session s(ctx, "localhost:8000");
    CHECK(s.base_error() ==
          "Invalid URL 'localhost:8000': No scheme supplied. Perhaps you meant http://localhost:8000?");
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::connect);
        CHECK(r.error.rfind("InvalidURL(", 0) == 0);
    }());
}

TEST_CASE("unresolvable host names are dns failures")
{
    test::net::io_context io;
    thread_context ctx(io, {});
    session s(ctx, "http://no-such-host.invalid:1");
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::dns);
        CHECK(r.error.rfind("NameResolutionError(\"cannot resolve 'no-such-host.invalid': ", 0) == 0);
    }());
}

TEST_CASE("HEAD responses have no body even with Content-Length")
{
    test::net::io_context io;
    test_server server(
        io, [](const test::server_request&) { return reply{"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::run(io, [&]() -> awaitable<void> {
        request head = get("/");
        head.method = "HEAD";
        for (int i = 0; i < 2; ++i) {
            auto r = co_await s.send(head);
            CHECK(r.ok());
            CHECK(r.body.empty());
        }
    }());
    CHECK(server.connections() == 1);
}

TEST_CASE("session::close during a request ends it as cancelled")
{
    test::net::io_context io;
    test_server server(io, [](const test::server_request&) { return reply{"", reply::then::hang}; });
    thread_context ctx(io, {});
    session s(ctx, server.url());
    test::net::steady_timer t(io, 100ms);
    t.async_wait([&](boost::system::error_code) { s.close(); });
    test::run(io, [&]() -> awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::cancelled);
    }());
}

} // namespace
} // namespace hornet::http
