// Example 6 in C++ (steady_service.json's twin): every endpoint of a service at a steady rate,
// for a Kubernetes Job. Each user runs 1 task/s, so -u 10 holds about 10 requests/s; the host
// comes from TARGET_HOST (-H still wins).
#include <hornet/hornet.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view search_words[] = {"lamp", "chair", "red", "wireless"};

// JSON's "check": {"status": N}: false, with the failure recorded, when the status is another.
// With no answer at all the default verdict (the connection error) is kept.
bool status_is(hornet::response& r, unsigned expected)
{
    if (r.status() == expected) return true;
    if (r.status() != 0)
        r.failure("expected status " + std::to_string(expected) + ", got " + std::to_string(r.status()));
    return false;
}

class steady_user : public hornet::user
{
public:
    hornet::task<> health()
    {
        auto r = co_await get("/health", {.catch_response = true});
        if (!status_is(r, 200)) co_return;
        // A slow health check counts as a failed one.
        if (r.elapsed_ms() > 1000) {
            char text[64];
            std::snprintf(text, sizeof text, "took %.0f ms, more than 1000 ms", r.elapsed_ms());
            r.failure(text);
        } else {
            r.success();
        }
    }

    hornet::task<> state()
    {
        auto r = co_await get("/state", {.catch_response = true});
        if (!status_is(r, 200)) co_return;
        auto body = nlohmann::json::parse(r.body(), nullptr, false);
        if (body.is_object() && body.contains("uptime_seconds"))
            r.success();
        else
            r.failure("/uptime_seconds not found in the response body");
    }

    hornet::task<> metrics()
    {
        auto r = co_await get("/metrics", {.catch_response = true});
        if (!status_is(r, 200)) co_return;
        if (r.body().find("demo_requests_total") != std::string_view::npos)
            r.success();
        else
            r.failure("body does not contain \"demo_requests_total\"");
    }

    hornet::task<> counter()
    {
        auto r = co_await get("/", {.name = "/ (counter)", .catch_response = true});
        if (status_is(r, 200)) r.success();
    }

    hornet::task<> list_users()
    {
        auto r = co_await get("/api/users?limit=10", {.catch_response = true});
        if (status_is(r, 200)) r.success();
    }

    // Create, read back and delete one user, stopping at the first failed step.
    hornet::task<> create_user()
    {
        nlohmann::json person{{"dni", random_digits(8)}, {"name", random_name()}};
        {
            auto r = co_await post("/api/users/", {.json = person, .catch_response = true});
            if (!status_is(r, 201)) co_return;
            auto body = nlohmann::json::parse(r.body(), nullptr, false);
            if (!body.is_object() || !body.contains("id")) {
                r.failure("/id not found in the response body");
                co_return;
            }
            const auto& id = body["id"];
            user_path_ = "/api/users/" + (id.is_string() ? id.get<std::string>() : id.dump());
            r.success();
        }
        {
            auto r = co_await get(user_path_, {.name = "/api/users/[id]", .catch_response = true});
            if (!status_is(r, 200)) co_return;
            r.success();
        }
        auto r = co_await del(user_path_, {.name = "/api/users/[id]", .catch_response = true});
        if (r.status() == 200 || r.status() == 204)
            r.success();
        else if (r.status() != 0)
            r.failure("expected status 200 or 204, got " + std::to_string(r.status()));
    }

    // No check: recorded as Locust does by default.
    hornet::task<> search()
    {
        co_await get("/products/search?q=" + std::string(random_choice(search_words)), {.name = "/products/search"});
    }

    hornet::task<> read_missing()
    {
        auto r = co_await get("/api/users/0", {.name = "/api/users/[missing]", .catch_response = true});
        if (status_is(r, 404)) r.success();
    }

private:
    std::string user_path_; // the user created last, as the JSON scenario's extracted id
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    // Read once, when the scenario is loaded, as JSON's {{env.TARGET_HOST|...}} in "host": set
    // but empty leaves the host to -H.
    const char* env = std::getenv("TARGET_HOST");
    std::string host = env ? env : "http://127.0.0.1:5000";

    r.describe("Every endpoint of a service at a steady rate, for a Kubernetes Job: each user runs 1 task/s, "
               "so -u 10 holds about 10 requests/s. The host comes from TARGET_HOST (C++ version of "
               "steady_service.json)");
    r.add<steady_user>("SteadyUser")
        .host(host)
        .wait(hornet::constant_throughput(1))
        .task("health", &steady_user::health, 10)
        .task("state", &steady_user::state, 5)
        .task("metrics", &steady_user::metrics, 2)
        .task("counter", &steady_user::counter, 5)
        .task("list users", &steady_user::list_users, 3)
        .task("create user", &steady_user::create_user, 2)
        .task("search", &steady_user::search, 3)
        .task("read missing", &steady_user::read_missing);
    return 0;
}
