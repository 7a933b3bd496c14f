// A C++ user's random members through the engine's user context: the generators, name lists and
// per-thread generator of the JSON templates, not a copy of them in the public header.
#include "runtime/native_user.hpp"

#include "runtime/compiled_class.hpp"
#include "runtime/engine_thread.hpp"
#include "scenario/generators.hpp"
#include "scenario/registry_model.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

using namespace hornet;

namespace {

// The generators are protected members of hornet::user: opened up for the test.
class generating_user : public hornet::user
{
public:
    hornet::task<> idle() { co_return; }

    using hornet::user::random_digits;
    using hornet::user::random_email;
    using hornet::user::random_first_name;
    using hornet::user::random_int;
    using hornet::user::random_last_name;
    using hornet::user::random_name;
    using hornet::user::random_string;
    using hornet::user::random_uuid;
};

// One C++ class compiled as the runner does, an engine thread (not started: nothing here does
// I/O), and a user bound to a real native_user as its context.
struct engine_user
{
    scenario::model model;
    std::vector<runtime::compiled_class> classes;
    runtime::engine_thread thread{0, {}};
    std::unique_ptr<runtime::native_user> context;
    generating_user user;

    engine_user()
    {
        hornet::registry r;
        r.add<generating_user>("Generating").task("idle", &generating_user::idle);
        auto loaded = scenario::model_from_registry(r, nullptr, "test");
        REQUIRE(loaded.has_value());
        model = std::move(*loaded);
        REQUIRE(runtime::compile(model, "http://127.0.0.1:1", {}, classes).has_value());
        context = std::make_unique<runtime::native_user>(thread, classes[0], 1);
        hornet::detail::bind(user, context.get());
    }
};

bool listed(const std::vector<std::string_view>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string lower(std::string_view s)
{
    std::string out;
    for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

TEST_CASE("a C++ user's random_uuid is a version 4 UUID")
{
    engine_user e;
    const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::vector<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto id = e.user.random_uuid();
        REQUIRE(std::regex_match(id, v4));
        seen.push_back(id);
    }
    std::sort(seen.begin(), seen.end());
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
}

TEST_CASE("a C++ user's random_digits(n) has n digits, the first not 0; random_string(n) n letters and digits")
{
    engine_user e;
    for (std::size_t n : {0, 1, 8, 18, 19, 40}) {
        for (int i = 0; i < 50; ++i) {
            auto d = e.user.random_digits(n);
            REQUIRE(d.size() == n);
            REQUIRE(std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }));
            if (n > 0) REQUIRE(d[0] != '0');
            auto s = e.user.random_string(n);
            REQUIRE(s.size() == n);
            REQUIRE(
                std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
        }
    }
}

TEST_CASE("a C++ user's names and e-mails come from the lists the JSON templates use")
{
    engine_user e;
    const auto& first = scenario::first_names();
    const auto& last = scenario::last_names();
    const std::regex email("([a-z]+)\\.([a-z]+)[1-9][0-9]{3}@example\\.com");
    for (int i = 0; i < 300; ++i) {
        REQUIRE(listed(first, e.user.random_first_name()));
        REQUIRE(listed(last, e.user.random_last_name()));
        auto name = e.user.random_name();
        auto space = name.find(' ');
        REQUIRE(space != std::string::npos);
        REQUIRE(listed(first, std::string_view(name).substr(0, space)));
        REQUIRE(listed(last, std::string_view(name).substr(space + 1)));
        auto address = e.user.random_email();
        std::smatch m;
        REQUIRE(std::regex_match(address, m, email));
        REQUIRE(std::any_of(first.begin(), first.end(), [&](std::string_view f) { return lower(f) == m[1].str(); }));
        REQUIRE(std::any_of(last.begin(), last.end(), [&](std::string_view l) { return lower(l) == m[2].str(); }));
    }
}

TEST_CASE("a C++ user draws from its thread's generator with the JSON templates' code")
{
    engine_user e;
    e.thread.rng().seed(20261129);
    // One statement each: the operands of a + have no evaluation order.
    std::string from_user = e.user.random_uuid();
    from_user += e.user.random_digits(12);
    from_user += e.user.random_email();
    from_user += std::to_string(e.user.random_int(1, 1000));

    std::mt19937_64 rng(20261129);
    std::string from_templates;
    scenario::append_random_uuid(from_templates, rng);
    scenario::append_random_digits(from_templates, rng, 12);
    scenario::append_random_email(from_templates, rng, scenario::escape::none);
    scenario::append_random_int(from_templates, rng, 1, 1000);
    CHECK(from_user == from_templates);
}

TEST_CASE("a C++ user's random_int stays in its bounds and reaches both ends")
{
    engine_user e;
    bool low = false, high = false;
    for (int i = 0; i < 500; ++i) {
        auto v = e.user.random_int(-2, 2);
        REQUIRE(v >= -2);
        REQUIRE(v <= 2);
        low = low || v == -2;
        high = high || v == 2;
    }
    CHECK(low);
    CHECK(high);
    CHECK(e.user.random_int(7, 7) == 7);
    CHECK(e.user.random_int(9, 3) == 9);
}
