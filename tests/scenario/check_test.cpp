// Proves scenario/check.hpp is self-contained; checks verdicts and their Locust-style reasons.
#include "scenario/check.hpp"

#include <doctest/doctest.h>

using namespace hornet::scenario;
using hornet::http::failure_kind;
using hornet::http::response;

namespace {

response make(unsigned status, std::string body = "")
{
    response r;
    r.status = status;
    r.body = std::move(body);
    r.content_length = r.body.size();
    if (status >= 400) {
        r.failure = failure_kind::status;
        r.error = "HTTPError('" + std::to_string(status) + " Client Error: Not Found for url: /x')";
    }
    return r;
}

response network_error()
{
    response r;
    r.failure = failure_kind::connect_refused;
    r.error = "ConnectionRefusedError(111, 'Connection refused')";
    return r;
}

struct fixture
{
    std::mt19937_64 rng{1};
    shared_state shared;
    template_scope scope;
    user_state user;
    std::optional<nlohmann::json> body_json;

    fixture()
    {
        scope.variables = {"id"};
        user = make_user_state(1, scope.variables, {}, shared, rng);
    }

    template_text parse(std::string_view text)
    {
        auto r = parse_template(text, scope);
        REQUIRE(r.has_value());
        return *r;
    }

    check_result run(const check& c, const response& r, double ms = 10)
    {
        body_json.reset();
        return evaluate(c, r, ms, user, shared, body_json);
    }

    json_expectation expect_text(std::string pointer, std::string_view text)
    {
        json_expectation e;
        e.pointer = std::move(pointer);
        e.expected = std::string(text);
        e.expected_text = parse(text);
        return e;
    }
};

json_expectation expect_value(std::string pointer, nlohmann::json v)
{
    json_expectation e;
    e.pointer = std::move(pointer);
    e.expected = std::move(v);
    return e;
}

} // namespace

TEST_CASE("empty() is true only for a check with nothing in it")
{
    check c;
    CHECK(c.empty());
    c.max_ms = 5;
    CHECK_FALSE(c.empty());
    check s;
    s.status = {200};
    CHECK_FALSE(s.empty());
    check e;
    e.json_exists = {"/id"};
    CHECK_FALSE(e.empty());
}

TEST_CASE("without a status list, Locust's default verdict applies and keeps the HTTP error text")
{
    fixture f;
    check c;
    auto ok = f.run(c, make(302));
    CHECK(ok.ok);
    CHECK(ok.reason.empty());
    CHECK_FALSE(ok.http_error);

    auto bad = f.run(c, make(404));
    CHECK_FALSE(bad.ok);
    CHECK(bad.http_error);
    CHECK(bad.reason == "HTTPError('404 Client Error: Not Found for url: /x')");

    auto net = f.run(c, network_error());
    CHECK_FALSE(net.ok);
    CHECK(net.http_error);
    CHECK(net.reason == "ConnectionRefusedError(111, 'Connection refused')");
}

TEST_CASE("a status list decides: listed statuses succeed, even 404")
{
    fixture f;
    check c;
    c.status = {200};
    CHECK(f.run(c, make(200)).ok);
    auto r = f.run(c, make(404));
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.http_error);
    CHECK(r.reason == "expected status 200, got 404");

    c.status = {200, 201};
    CHECK(f.run(c, make(500)).reason == "expected status 200 or 201, got 500");
    c.status = {200, 201, 204};
    CHECK(f.run(c, make(302)).reason == "expected status 200, 201 or 204, got 302");

    c.status = {404};
    auto missing = f.run(c, make(404));
    CHECK(missing.ok);
    CHECK(f.run(c, make(200)).reason == "expected status 404, got 200");

    auto net = f.run(c, network_error());
    CHECK_FALSE(net.ok);
    CHECK(net.http_error);
    CHECK(net.reason == "ConnectionRefusedError(111, 'Connection refused')");
}

TEST_CASE("body_contains is rendered and searched")
{
    fixture f;
    check c;
    c.body_contains = {f.parse("ok"), f.parse("id={{id}}")};
    f.user.set(0, "5");
    CHECK(f.run(c, make(200, "ok id=5")).ok);
    CHECK(f.run(c, make(200, "fail id=5")).reason == "body does not contain \"ok\"");
    CHECK(f.run(c, make(200, "ok id=6")).reason == "body does not contain \"id=5\"");

    fixture unset;
    check u;
    u.body_contains = {unset.parse("{{id}}")};
    auto r = unset.run(u, make(200, "x"));
    CHECK_FALSE(r.ok);
    CHECK(r.reason == "variable \"id\" has no value yet (extract it first)");
}

TEST_CASE("json equality: templated text matches strings and scalars by their JSON text")
{
    fixture f;
    f.user.set(0, "5");
    check c;
    c.json_equals = {f.expect_text("/id", "{{id}}")};
    CHECK(f.run(c, make(200, R"({"id": 5})")).ok);
    CHECK(f.run(c, make(200, R"({"id": "5"})")).ok);
    CHECK(f.run(c, make(200, R"({"id": 7})")).reason == "/id is 7, expected 5");
    CHECK(f.run(c, make(200, R"({"id": "7"})")).reason == "/id is \"7\", expected \"5\"");
    CHECK(f.run(c, make(200, R"({"id": [5]})")).reason == "/id is [5], expected 5");
    f.user.set(0, "a b");
    CHECK(f.run(c, make(200, R"({"id": 1})")).reason == "/id is 1, expected \"a b\"");
    CHECK(f.run(c, make(200, R"({"other": 5})")).reason == "/id not found in the response body");
    CHECK(f.run(c, make(200, "<html>")).reason == "the response body is not JSON");

    check b;
    b.json_equals = {f.expect_text("/ok", "true")};
    CHECK(f.run(b, make(200, R"({"ok": true})")).ok);
    CHECK(f.run(b, make(200, R"({"ok": false})")).reason == "/ok is false, expected true");
}

TEST_CASE("json equality with non-string expected values")
{
    fixture f;
    check c;
    c.json_equals = {expect_value("/n", 5), expect_value("/a/1/name", nlohmann::json{{"x", 1}})};
    CHECK(f.run(c, make(200, R"({"n": 5.0, "a": [0, {"name": {"x": 1}}]})")).ok);
    CHECK(f.run(c, make(200, R"({"n": 6, "a": [0, {"name": {"x": 1}}]})")).reason == "/n is 6, expected 5");
    CHECK(f.run(c, make(200, R"({"n": 5, "a": [0, {"name": {"x": 2}}]})")).reason ==
          "/a/1/name is {\"x\":2}, expected {\"x\":1}");
    CHECK(f.run(c, make(200, R"({"n": 5, "a": {"1": 3}})")).reason == "/a/1/name not found in the response body");
}

TEST_CASE("json_exists, and the parsed body is cached")
{
    fixture f;
    check c;
    c.json_exists = {"/id", "/items/0"};
    CHECK(f.run(c, make(200, R"({"id": null, "items": [1]})")).ok);
    CHECK(f.run(c, make(200, R"({"id": 1, "items": []})")).reason == "/items/0 not found in the response body");
    CHECK(f.run(c, make(200, R"({"id": 1, "items": {"a": 1}})")).reason == "/items/0 not found in the response body");
    CHECK(f.run(c, make(200, "")).reason == "the response body is not JSON");

    std::optional<nlohmann::json> cache = nlohmann::json{{"id", 1}, {"items", {1}}};
    // The cached document is used, not the (different) body.
    CHECK(evaluate(c, make(200, "not json"), 1, f.user, f.shared, cache).ok);
    std::optional<nlohmann::json> empty_cache;
    CHECK(evaluate(c, make(200, R"({"id":1,"items":[2]})"), 1, f.user, f.shared, empty_cache).ok);
    REQUIRE(empty_cache);
    CHECK((*empty_cache)["items"][0] == 2);
}

TEST_CASE("max_ms fails slow responses")
{
    fixture f;
    check c;
    c.max_ms = 500;
    CHECK(f.run(c, make(200), 499.9).ok);
    CHECK(f.run(c, make(200), 500).ok);
    CHECK(f.run(c, make(200), 812.2).reason == "took 812 ms, more than 500 ms");
    c.max_ms = 0.5;
    CHECK(f.run(c, make(200), 1.25).reason == "took 1.25 ms, more than 0.5 ms");
}

TEST_CASE("the status is judged before the body")
{
    fixture f;
    check c;
    c.status = {200};
    c.body_contains = {f.parse("ok")};
    CHECK(f.run(c, make(500, "nope")).reason == "expected status 200, got 500");
}

TEST_CASE("a message is the recorded text of a failed check, judged before Locust's default rule")
{
    fixture f;
    check c;
    c.body_contains = {f.parse("Welcome")};
    c.message = f.parse("no welcome for {{id}}");
    f.user.set(0, "7");
    CHECK(f.run(c, make(200, "Welcome")).ok);
    auto r = f.run(c, make(200, "Go away"));
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.http_error);
    CHECK(r.reason == "no welcome for 7");
    // A 500 without the text: the locustfile's failure() ran, so its text is recorded...
    auto both = f.run(c, make(500, "Go away"));
    CHECK_FALSE(both.http_error);
    CHECK(both.reason == "no welcome for 7");
    // ...and with the text, Locust's raise_for_status decides: the HTTP error.
    auto status_only = f.run(c, make(500, "Welcome"));
    CHECK_FALSE(status_only.ok);
    CHECK(status_only.http_error);
    CHECK(status_only.reason == "HTTPError('500 Client Error: Not Found for url: /x')");

    // A listed status: any miss, a network error included, records the message.
    check s;
    s.status = {200};
    s.message = f.parse("Wrong status");
    CHECK(f.run(s, make(200)).ok);
    CHECK(f.run(s, make(404)).reason == "Wrong status");
    auto net = f.run(s, network_error());
    CHECK_FALSE(net.http_error);
    CHECK(net.reason == "Wrong status");

    // A message that cannot render keeps Hornet's reason rather than recording nothing.
    fixture unset;
    check u;
    u.status = {200};
    u.message = unset.parse("bad {{id}}");
    CHECK(unset.run(u, make(404)).reason == "expected status 200, got 404");
}
