// Tests for demo/server.hpp: the demo target over real loopback connections.
#include "demo/server.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <system_error>

using namespace hornet::demo::test;
namespace demo = hornet::demo;

TEST_CASE("the server binds at construction and reports its URL")
{
    demo::server srv{demo::server_config{}};
    CHECK(srv.port() != 0);
    CHECK(srv.url() == "http://127.0.0.1:" + std::to_string(srv.port()));

    // The port is taken now, so a second server on it must fail with a message naming it.
    demo::server_config same;
    same.port = srv.port();
    try {
        demo::server second{same};
        FAIL("a second server bound the same port");
    } catch (const std::system_error& e) {
        CHECK(std::string(e.what()).find(std::to_string(srv.port())) != std::string::npos);
    }

    demo::server_config bad_host;
    bad_host.host = "no-such-host.invalid";
    CHECK_THROWS_AS(demo::server{bad_host}, std::system_error);
}

TEST_CASE("the counter app increments across requests and connections")
{
    running_server s;
    client a(s.srv.port());
    client b(s.srv.port());
    CHECK(json_of(a.get("/"))["count"] == 1);
    CHECK(json_of(a.get("/"))["count"] == 2);
    const auto res = b.get("/");
    CHECK(res.result_int() == 200);
    CHECK(res[http::field::content_type] == "application/json");
    CHECK(json_of(res)["count"] == 3);
    CHECK(json_of(a.get("/health")) == nlohmann::json{{"status", "ok"}});
    const auto state = json_of(a.get("/state"));
    CHECK(state["counter"] == 3);
}

TEST_CASE("unknown routes are 404 JSON and keep the connection")
{
    running_server s;
    client c(s.srv.port());
    const auto res = c.get("/does/not/exist");
    CHECK(res.result_int() == 404);
    CHECK(json_of(res).contains("error"));
    CHECK(c.get("/health").result_int() == 200);
}

TEST_CASE("pipelined requests are answered in order")
{
    running_server s;
    client c(s.srv.port());
    c.write_raw(
        "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(json_of(c.read())["count"] == 1);
    CHECK(json_of(c.read())["status"] == "ok");
    CHECK(json_of(c.read())["count"] == 2);
}

TEST_CASE("Connection: close and HTTP/1.0 end the connection after the answer")
{
    running_server s;
    {
        client c(s.srv.port());
        const auto res = c.get("/health", {{"Connection", "close"}});
        CHECK(res.result_int() == 200);
        CHECK(c.closed_by_peer());
    }
    {
        client c(s.srv.port());
        c.write_raw("GET /state HTTP/1.0\r\n\r\n");
        const auto res = c.read();
        CHECK(res.result_int() == 200);
        CHECK(res.version() == 10);
        CHECK(c.closed_by_peer());
    }
}

TEST_CASE("a malformed request gets 400 and the connection is closed")
{
    running_server s;
    client c(s.srv.port());
    c.write_raw("THIS IS NOT HTTP\r\n\r\n");
    const auto res = c.read();
    CHECK(res.result_int() == 400);
    CHECK(json_of(res).contains("error"));
    CHECK(c.closed_by_peer());

    client bad_length(s.srv.port());
    bad_length.write_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
    CHECK(bad_length.read().result_int() == 400);

    // The server is still fine, and counted both under <malformed>.
    client after(s.srv.port());
    const auto counts = json_of(after.get("/__hornet/counts"));
    CHECK(counts["routes"]["<malformed>"] == 2);
    CHECK(counts["status"]["400"] == 2);
}

TEST_CASE("oversized bodies get 413 and oversized heads 431")
{
    running_server s;
    {
        client c(s.srv.port());
        c.write_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
        CHECK(c.read().result_int() == 413);
    }
    {
        client c(s.srv.port());
        c.write_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70 * 1024, 'a') + "\r\n\r\n");
        CHECK(c.read().result_int() == 431);
    }
    {
        // Just under the limit is fine.
        client c(s.srv.port());
        const auto res = c.send(http::verb::post, "/echo", std::string(1024 * 1024 - 1, 'b'));
        CHECK(res.result_int() == 200);
        CHECK(json_of(res)["body"].get<std::string>().size() == 1024 * 1024 - 1);
    }
}

TEST_CASE("Expect: 100-continue gets its interim answer")
{
    running_server s;
    client c(s.srv.port());
    c.write_raw("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    // Beast's response parser skips a 1xx and returns it on its own; read it, then send the body.
    const auto interim = c.read();
    CHECK(interim.result_int() == 100);
    c.write_raw("hello");
    const auto res = c.read();
    CHECK(res.result_int() == 200);
    CHECK(json_of(res)["body"] == "hello");
}

TEST_CASE("slow waits at least the time asked, without blocking other connections")
{
    running_server s; // one thread
    std::atomic<bool> slow_done{false};
    auto slow = std::async(std::launch::async, [&] {
        client c(s.srv.port());
        const auto start = std::chrono::steady_clock::now();
        const auto res = c.get("/slow?ms=600");
        const auto waited = std::chrono::steady_clock::now() - start;
        slow_done = true;
        return std::make_pair(res, waited);
    });
    // Wait until the slow request has been received, then a fast one must be served before it ends.
    client fast(s.srv.port());
    for (int i = 0; i < 200; ++i) {
        const auto counts = json_of(fast.get("/__hornet/counts"));
        if (counts["total"] == 1) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(fast.get("/health").result_int() == 200);
    CHECK_FALSE(slow_done.load());

    const auto [res, waited] = slow.get();
    CHECK(res.result_int() == 200);
    CHECK(json_of(res)["slept_ms"] == 600);
    CHECK(waited >= std::chrono::milliseconds(600));

    client c(s.srv.port());
    CHECK(c.get("/slow?ms=abc").result_int() == 400);
}

TEST_CASE("several threads serve connections")
{
    demo::server_config config;
    config.threads = 3;
    running_server s{config};
    std::vector<std::unique_ptr<client>> clients;
    for (int i = 0; i < 6; ++i) {
        clients.push_back(std::make_unique<client>(s.srv.port()));
    }
    for (int round = 0; round < 5; ++round) {
        for (auto& c : clients) {
            CHECK(c->get("/").result_int() == 200);
        }
    }
    CHECK(json_of(clients.front()->get("/state"))["counter"] == 30);
}

TEST_CASE("stop() makes run() return, also with open connections and several threads")
{
    demo::server_config config;
    config.threads = 2;
    demo::server srv{config};
    auto running = std::async(std::launch::async, [&] { srv.run(); });
    client idle(srv.port());
    CHECK(idle.get("/health").result_int() == 200);
    srv.stop();
    REQUIRE(running.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    running.get();

    // stop() before run(): run() returns at once.
    demo::server early{demo::server_config{}};
    early.stop();
    auto early_run = std::async(std::launch::async, [&] { early.run(); });
    REQUIRE(early_run.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
}
