// Registered C++ classes become model classes, and bad registrations are refused with a reason.
#include "scenario/registry_model.hpp" // first: the header is self-contained

#include "scenario/builtin.hpp"
#include "scenario/native_class.hpp"
#include "scenario/plugin_loader.hpp"

#include <doctest/doctest.h>

namespace {

struct shop_user : hornet::user
{
    hornet::task<> browse() { co_return; }
    hornet::task<> buy() { co_return; }
};

int register_shop(hornet::registry& r)
{
    r.describe("a shop");
    r.add<shop_user>("Shop")
        .weight(3)
        .wait(hornet::between(1, 2))
        .host("http://shop")
        .task("browse", &shop_user::browse, 5, {"read"})
        .task("buy", &shop_user::buy);
    r.add<shop_user>("Admin").fixed_count(1).wait(hornet::constant_pacing(4)).task("browse", &shop_user::browse);
    return 0;
}

} // namespace

TEST_CASE("a registry becomes a model of native classes")
{
    auto loaded = hornet::scenario::load_registered(&register_shop, nullptr, "shop");
    REQUIRE(loaded.has_value());
    const auto& m = *loaded;
    CHECK(m.source == "shop");
    REQUIRE(m.users.size() == 2);
    const auto& shop = m.users[0];
    CHECK(shop.name == "Shop");
    CHECK(shop.weight == 3);
    CHECK(shop.host == "http://shop");
    CHECK(shop.wait.type == hornet::scenario::wait_time::kind::between);
    CHECK(shop.wait.a == 1);
    CHECK(shop.wait.b == 2);
    REQUIRE(shop.tasks.size() == 2);
    CHECK(shop.tasks[0].name == "browse");
    CHECK(shop.tasks[0].weight == 5);
    CHECK(shop.tasks[0].tags == std::vector<std::string>{"read"});
    CHECK(shop.tasks[0].steps.empty());
    REQUIRE(shop.native);
    CHECK(shop.native->find_task("buy") == 1);
    CHECK(shop.native->find_task("nope") == hornet::scenario::native_class::npos);
    auto u = shop.native->spec.make();
    REQUIRE(u);
    CHECK(dynamic_cast<shop_user*>(u.get()) != nullptr);
    CHECK(m.users[1].fixed_count == 1);
    CHECK(m.users[1].wait.type == hornet::scenario::wait_time::kind::constant_pacing);
}

TEST_CASE("bad registrations are refused with what to fix")
{
    auto error_of = [](int (*fn)(hornet::registry&)) {
        auto r = hornet::scenario::load_registered(fn, nullptr, "bad");
        CHECK_FALSE(r.has_value());
        return r.error().message;
    };
    CHECK(error_of([](hornet::registry&) { return 0; }).find("no user class") != std::string::npos);
    CHECK(error_of([](hornet::registry& r) {
              r.add<shop_user>("A");
              return 0;
          }).find("no task") != std::string::npos);
    CHECK(error_of([](hornet::registry& r) {
              r.add<shop_user>("A").task("x", &shop_user::buy);
              r.add<shop_user>("A").task("x", &shop_user::buy);
              return 0;
          }).find("two user classes") != std::string::npos);
    CHECK(error_of([](hornet::registry& r) {
              r.add<shop_user>("A").task("x", &shop_user::buy).task("x", &shop_user::browse);
              return 0;
          }).find("two tasks") != std::string::npos);
    CHECK(error_of([](hornet::registry& r) {
              r.add<shop_user>("A").task("x", &shop_user::buy, 0);
              return 0;
          }).find("weight must be >= 1") != std::string::npos);
    CHECK(error_of([](hornet::registry& r) {
              r.add<shop_user>("A").wait(hornet::between(3, 1)).task("x", &shop_user::buy);
              return 0;
          }).find("low <= high") != std::string::npos);
    CHECK(error_of([](hornet::registry&) { return 2; }).find("returned 2") != std::string::npos);
    CHECK(error_of([](hornet::registry&) -> int { throw std::runtime_error("nope"); }).find("threw: nope") !=
          std::string::npos);
}

TEST_CASE("built-in scenarios: the C++ product search and the JSON files are listed and load")
{
    const auto* ps = hornet::scenario::find_builtin("product_search");
    REQUIRE(ps != nullptr);
    CHECK(static_cast<bool>(ps->register_fn));
    auto summary = hornet::scenario::summarize(*ps);
    CHECK(summary.kind == "c++");
    CHECK(summary.classes == std::vector<std::string>{"Shopper"});
    CHECK(!summary.description.empty());
    auto loaded = hornet::scenario::load_builtin(*ps);
    REQUIRE(loaded.has_value());
    CHECK(loaded->users[0].native);

    const auto* service = hornet::scenario::find_builtin("service");
    REQUIRE(service);
    CHECK(hornet::scenario::summarize(*service).kind == "json");
    CHECK(hornet::scenario::summarize(*service).classes == std::vector<std::string>{"ServiceUser"});
    CHECK(!hornet::scenario::find_builtin("no_such_scenario"));

    auto text = hornet::scenario::builtin_list_text();
    CHECK(text.find("product_search") != std::string::npos);
    CHECK(text.find("[c++]") != std::string::npos);
    CHECK(text.find("[json]") != std::string::npos);
}

TEST_CASE("load_scenario: plugin paths, built-in names, and clear errors")
{
    CHECK(hornet::scenario::is_plugin_path("x/my.so"));
    CHECK(!hornet::scenario::is_plugin_path("my.json"));
    auto missing = hornet::scenario::load_scenario("/nonexistent/my.so");
    CHECK_FALSE(missing.has_value());
    CHECK(missing.error().message.find("no such plugin file") != std::string::npos);
    auto builtin = hornet::scenario::load_scenario("product_search");
    CHECK(builtin.has_value());
    auto nothing = hornet::scenario::load_scenario("no_such_scenario_or_file");
    CHECK_FALSE(nothing.has_value());
}
