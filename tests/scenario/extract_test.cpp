// Proves scenario/extract.hpp is self-contained; checks each extract source on built responses.
#include "scenario/extract.hpp"

#include "result_printing.hpp"

#include <doctest/doctest.h>

using namespace hornet::scenario;
using hornet::http::response;

namespace {

struct fixture
{
    user_state user;
    std::optional<nlohmann::json> body_json;
    std::string error;

    fixture()
    {
        user.values.resize(1);
        user.is_set.assign(1, false);
    }

    bool run(const extract& e, const response& r)
    {
        body_json.reset();
        auto applied = apply(e, r, user, body_json);
        error = applied ? std::string() : applied.error().detail;
        return applied.has_value();
    }
};

extract make(extract::source from, std::string argument)
{
    extract e;
    e.slot = 0;
    e.variable = "v";
    e.from = from;
    e.argument = argument;
    if (from == extract::source::regex)
        e.pattern = std::make_shared<const std::regex>(argument, std::regex::ECMAScript);
    return e;
}

response with_body(std::string body)
{
    response r;
    r.status = 200;
    r.body = std::move(body);
    return r;
}

} // namespace

TEST_CASE("json: strings without quotes, other values as JSON text")
{
    fixture f;
    auto r = with_body(R"({"id": 42, "name": "Ann \"A\"", "tags": ["a", 1], "ok": true, "none": null, "f": 1.5})");
    CHECK(f.run(make(extract::source::json, "/id"), r));
    CHECK(f.user.is_set[0]);
    CHECK(f.user.values[0] == "42");
    CHECK(f.run(make(extract::source::json, "/name"), r));
    CHECK(f.user.values[0] == "Ann \"A\"");
    CHECK(f.run(make(extract::source::json, "/tags"), r));
    CHECK(f.user.values[0] == R"(["a",1])");
    CHECK(f.run(make(extract::source::json, "/tags/0"), r));
    CHECK(f.user.values[0] == "a");
    CHECK(f.run(make(extract::source::json, "/ok"), r));
    CHECK(f.user.values[0] == "true");
    CHECK(f.run(make(extract::source::json, "/none"), r));
    CHECK(f.user.values[0] == "null");
    CHECK(f.run(make(extract::source::json, "/f"), r));
    CHECK(f.user.values[0] == "1.5");
}

TEST_CASE("json: a missing value fails and keeps the old value")
{
    fixture f;
    f.user.values[0] = "old";
    f.user.is_set[0] = true;
    CHECK_FALSE(f.run(make(extract::source::json, "/id"), with_body(R"({"x": 1})")));
    CHECK(f.error == "no /id in the response body");
    CHECK(f.user.values[0] == "old");
    CHECK_FALSE(f.run(make(extract::source::json, "/tags/x"), with_body(R"({"tags": [1]})")));
    CHECK(f.error == "no /tags/x in the response body");
    CHECK_FALSE(f.run(make(extract::source::json, "/id"), with_body("<html>")));
    CHECK(f.error == "the response body is not JSON");
    CHECK(f.user.values[0] == "old");
}

TEST_CASE("json: the parsed body is cached and reused")
{
    fixture f;
    std::optional<nlohmann::json> cache = nlohmann::json{{"id", "cached"}};
    REQUIRE(apply(make(extract::source::json, "/id"), with_body(R"({"id": "body"})"), f.user, cache));
    CHECK(f.user.values[0] == "cached");
}

TEST_CASE("header: case-insensitive, first match")
{
    fixture f;
    response r = with_body("");
    r.headers = {{"X-Other", "1"}, {"location", "/first"}, {"Location", "/second"}};
    CHECK(f.run(make(extract::source::header, "LOCATION"), r));
    CHECK(f.user.values[0] == "/first");
    CHECK_FALSE(f.run(make(extract::source::header, "X-Missing"), r));
    CHECK(f.error == "no header X-Missing");
}

TEST_CASE("cookie: from the Set-Cookie headers, value up to ';'")
{
    fixture f;
    response r = with_body("");
    r.headers = {{"Set-Cookie", "theme=dark; Path=/"},
                 {"set-cookie", "session=abc123; HttpOnly; Path=/"},
                 {"Set-Cookie", "empty=; Max-Age=0"},
                 {"X-Session", "session=wrong"}};
    CHECK(f.run(make(extract::source::cookie, "session"), r));
    CHECK(f.user.values[0] == "abc123");
    CHECK(f.run(make(extract::source::cookie, "theme"), r));
    CHECK(f.user.values[0] == "dark");
    CHECK(f.run(make(extract::source::cookie, "empty"), r));
    CHECK(f.user.values[0] == "");
    CHECK_FALSE(f.run(make(extract::source::cookie, "Session"), r));
    CHECK(f.error == "no cookie Session in the response");
    CHECK_FALSE(f.run(make(extract::source::cookie, "Path"), r));
}

TEST_CASE("regex: group 1, or the whole match without groups")
{
    fixture f;
    auto r = with_body(R"(<input name="csrf" value="t0k3n"> order #123 and #456)");
    CHECK(f.run(make(extract::source::regex, R"re(value="([^"]*)")re"), r));
    CHECK(f.user.values[0] == "t0k3n");
    CHECK(f.run(make(extract::source::regex, R"(#\d+)"), r));
    CHECK(f.user.values[0] == "#123");
    CHECK(f.run(make(extract::source::regex, R"((?:order) #(\d+))"), r));
    CHECK(f.user.values[0] == "123");
    CHECK_FALSE(f.run(make(extract::source::regex, R"(token=(\w+))"), r));
    CHECK(f.error == R"(no match for regex token=(\w+) in the response body)");

    // Without a compiled pattern the text is compiled on the spot.
    extract raw = make(extract::source::header, "");
    raw.from = extract::source::regex;
    raw.argument = R"(#(\d)\d\d)";
    CHECK(f.run(raw, r));
    CHECK(f.user.values[0] == "1");
}
