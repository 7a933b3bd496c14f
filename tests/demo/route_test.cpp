// Tests for demo/route.hpp: the route table.
#include "demo/route.hpp"

#include <doctest/doctest.h>

namespace demo = hornet::demo;
using demo::route;

TEST_CASE("fixed routes match with and without a trailing slash")
{
    CHECK(demo::match_route("/").which == route::root);
    CHECK(demo::match_route("/health").which == route::health);
    CHECK(demo::match_route("/api/users").which == route::users);
    const auto slash = demo::match_route("/api/users/");
    CHECK(slash.which == route::users);
    CHECK(slash.trailing_slash);
    CHECK_FALSE(demo::match_route("/api/users").trailing_slash);
    CHECK_FALSE(demo::match_route("/").trailing_slash);
}

TEST_CASE("parameter segments are captured and percent-decoded")
{
    const auto user = demo::match_route("/api/users/42?verbose=1");
    CHECK(user.which == route::user_item);
    CHECK(user.param == "42");
    CHECK(user.query == "verbose=1");

    const auto profile = demo::match_route("/profile/ann%20lee/");
    CHECK(profile.which == route::profile);
    CHECK(profile.param == "ann lee");
    CHECK(profile.trailing_slash);

    CHECK(demo::match_route("/status/418").param == "418");
    CHECK(demo::match_route("/products/search?q=red+lamp").query == "q=red+lamp");
}

TEST_CASE("anything else is unknown, and /__hornet/* is recognised as internal")
{
    CHECK(demo::match_route("").which == route::unknown);
    CHECK(demo::match_route("*").which == route::unknown);
    CHECK(demo::match_route("http://example.com/").which == route::unknown);
    CHECK(demo::match_route("//").which == route::unknown);
    CHECK(demo::match_route("/api//users").which == route::unknown);
    CHECK(demo::match_route("/api/users/1/2").which == route::unknown);
    CHECK(demo::match_route("/a/b/c/d/e/f").which == route::unknown);
    CHECK(demo::match_route("/nope").which == route::unknown);

    CHECK(demo::match_route("/__hornet/counts").which == route::hornet_counts);
    CHECK(demo::match_route("/__hornet/reset").which == route::hornet_reset);
    CHECK(demo::match_route("/__hornet/other").which == route::hornet_unknown);
    CHECK(demo::match_route("/__hornet/a/b/c/d/e").which == route::hornet_unknown);
    CHECK(demo::is_uncounted(route::hornet_unknown));
    CHECK_FALSE(demo::is_uncounted(route::unknown));
}

TEST_CASE("route patterns name the parameters")
{
    CHECK(demo::route_pattern(route::user_item) == "/api/users/{id}");
    CHECK(demo::route_pattern(route::profile) == "/profile/{username}");
    CHECK(demo::route_pattern(route::root) == "/");
}
