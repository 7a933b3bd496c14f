// Tests for demo/http_tools.hpp: status codes, bytes, redirects, chunked bodies, cookies, echo.
#include "demo/http_tools.hpp"

#include "demo/test_client.hpp"

#include <doctest/doctest.h>

using namespace hornet::demo::test;
namespace demo = hornet::demo;

namespace {

bool is_pattern(const std::string& body)
{
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != static_cast<char>('a' + i % 26)) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("status/{code} answers that status for any method")
{
    running_server s;
    client c(s.srv.port());
    const auto teapot = c.get("/status/418");
    CHECK(teapot.result_int() == 418);
    CHECK(json_of(teapot)["status"] == 418);
    CHECK(c.send(http::verb::post, "/status/503", "{}").result_int() == 503);
    CHECK(c.send(http::verb::delete_, "/status/200").result_int() == 200);
    const auto empty = c.get("/status/204");
    CHECK(empty.result_int() == 204);
    CHECK(empty.body().empty());
    CHECK(c.get("/status/99").result_int() == 400);
    CHECK(c.get("/status/abc").result_int() == 400);
    // The connection survived the bodiless answers.
    CHECK(c.get("/health").result_int() == 200);

    const auto counts = json_of(c.get("/__hornet/counts"));
    CHECK(counts["routes"]["GET /status/{code}"] == 4);
    CHECK(counts["status"]["418"] == 1);
}

TEST_CASE("bytes/{n} sends n bytes; chunked/{n} sends them in several chunks")
{
    running_server s;
    client c(s.srv.port());
    const auto bytes = c.get("/bytes/100000");
    CHECK(bytes.result_int() == 200);
    CHECK(bytes.body().size() == 100000);
    CHECK(is_pattern(bytes.body()));
    CHECK(bytes[http::field::content_type] == "application/octet-stream");
    CHECK(c.get("/bytes/0").body().empty());
    CHECK(c.get("/bytes/-1").result_int() == 400);

    c.write_raw("GET /chunked/40000 HTTP/1.1\r\nHost: x\r\n\r\n");
    std::size_t chunks = 0;
    const auto chunked = c.read(&chunks);
    CHECK(chunked.result_int() == 200);
    CHECK(chunked.chunked());
    CHECK(chunked.body().size() == 40000);
    CHECK(is_pattern(chunked.body()));
    CHECK(chunks >= 2);
    CHECK(c.get("/chunked/0").body().empty());
    CHECK(c.get("/health").result_int() == 200);
}

TEST_CASE("bytes are clamped to 64 MiB")
{
    const auto r = demo::bytes_reply("99999999999", false);
    CHECK(r.res.body().size() == demo::max_generated_bytes);
    CHECK(r.res.body()[demo::max_generated_bytes - 1] == static_cast<char>('a' + (demo::max_generated_bytes - 1) % 26));
}

TEST_CASE("redirect/{n} is a chain of 302s ending in 200")
{
    running_server s;
    client c(s.srv.port());
    std::string target = "/redirect/3";
    int hops = 0;
    for (; hops < 10; ++hops) {
        const auto res = c.get(target);
        if (res.result_int() != 302) {
            CHECK(res.result_int() == 200);
            break;
        }
        target = std::string(res[http::field::location]);
    }
    CHECK(hops == 3);
    CHECK(target == "/redirect/0");
}

TEST_CASE("set-cookie sets cookies; cookies lists the ones received")
{
    running_server s;
    client c(s.srv.port());
    const auto set = c.get("/set-cookie?flavour=oat&size=large");
    CHECK(set.result_int() == 200);
    std::vector<std::string> headers;
    for (auto [it, end] = set.equal_range(http::field::set_cookie); it != end; ++it) {
        headers.emplace_back(it->value());
    }
    CHECK(headers == std::vector<std::string>{"flavour=oat; Path=/", "size=large; Path=/"});
    CHECK(c.get("/set-cookie?bad=a%3Bb").result_int() == 400);
    CHECK(c.get("/set-cookie?x=a%0D%0AInjected:%201").result_int() == 400);

    const auto cookies = json_of(c.get("/cookies", {{"Cookie", "flavour=oat; size=large"}}));
    CHECK(cookies["cookies"] == nlohmann::json{{"flavour", "oat"}, {"size", "large"}});
    CHECK(json_of(c.get("/cookies"))["cookies"].empty());
}

TEST_CASE("echo returns method, target, headers and body")
{
    running_server s;
    client c(s.srv.port());
    const auto res = c.send(http::verb::patch, "/echo?x=1", "payload", {{"X-Test", "yes"}});
    CHECK(res.result_int() == 200);
    const auto echo = json_of(res);
    CHECK(echo["method"] == "PATCH");
    CHECK(echo["target"] == "/echo?x=1");
    CHECK(echo["version"] == "1.1");
    CHECK(echo["body"] == "payload");
    CHECK(echo["headers"]["X-Test"] == "yes");
    CHECK(echo["json"].is_null()); // "payload" is not JSON

    // A JSON body comes back parsed too, with its types.
    const auto typed = json_of(c.send(http::verb::post, "/echo", R"({"id":7,"ok":true,"name":"7"})"));
    CHECK(typed["json"] == nlohmann::json{{"id", 7}, {"ok", true}, {"name", "7"}});

    // Bytes that are not UTF-8 are replaced, not a reason to fail.
    const auto binary = c.send(http::verb::post, "/echo", std::string("\xff\xfe\x01", 3));
    CHECK(binary.result_int() == 200);
    CHECK(json_of(binary)["body"].is_string());
}
