// Example 2 in C++ (users_api.json's twin): create users with a random dni and name, list them,
// read one back by the id the POST returned, and expect a 404 for an id that does not exist.
#include <hornet/hornet.hpp>

#include <string>

namespace {

// The failure a status check records; with no answer at all the default verdict (the
// connection error) is kept, as the JSON format does.
void fail_status(hornet::response& r, unsigned expected)
{
    if (r.status() != 0)
        r.failure("expected status " + std::to_string(expected) + ", got " + std::to_string(r.status()));
}

// A JSON scalar as it appears in a URL: strings bare, numbers as written.
std::string as_text(const nlohmann::json& v)
{
    return v.is_string() ? v.get<std::string>() : v.dump();
}

class users_api_user : public hornet::user
{
public:
    // Two requests; the second is skipped when the first failed (JSON's "on_failure": "skip_task").
    hornet::task<> create_and_read_back()
    {
        nlohmann::json person{{"dni", random_digits(8)}, {"name", random_name()}};
        {
            auto r = co_await post("/api/users/", {.json = person, .catch_response = true});
            if (r.status() != 201) {
                fail_status(r, 201);
                co_return;
            }
            auto body = nlohmann::json::parse(r.body(), nullptr, false);
            if (!body.is_object() || !body.contains("id")) {
                r.failure("/id not found in the response body");
                co_return;
            }
            if (!body.contains("dni")) {
                r.failure("/dni not found in the response body");
                co_return;
            }
            id_ = as_text(body["id"]);
            dni_ = body["dni"];
            r.success();
        }

        auto r = co_await get("/api/users/" + id_, {.name = "/api/users/[id]", .catch_response = true});
        if (r.status() != 200) {
            fail_status(r, 200);
            co_return;
        }
        auto body = nlohmann::json::parse(r.body(), nullptr, false);
        if (!body.is_object()) {
            r.failure("the response body is not JSON");
        } else if (!body.contains("id") || as_text(body["id"]) != id_) {
            r.failure("/id is " + body.value("id", nlohmann::json()).dump() + ", expected " + id_);
        } else if (body.value("dni", nlohmann::json()) != dni_) {
            r.failure("/dni is " + body.value("dni", nlohmann::json()).dump() + ", expected " + dni_.dump());
        } else {
            r.success();
        }
    }

    hornet::task<> list()
    {
        auto r = co_await get("/api/users?limit=20", {.name = "/api/users", .catch_response = true});
        if (r.status() == 200)
            r.success();
        else
            fail_status(r, 200);
    }

    // A missing user is the right answer here: the 404 is recorded as a success.
    hornet::task<> read_missing()
    {
        auto r = co_await get("/api/users/missing-" + random_uuid(),
                              {.name = "/api/users/[missing]", .catch_response = true});
        if (r.status() == 404)
            r.success();
        else
            fail_status(r, 404);
    }

private:
    // The user created last, as the JSON scenario's extracted variables.
    std::string id_;
    nlohmann::json dni_;
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("A users API: create users with random dni and name, list them, read one back by the id the "
               "POST returned, and expect a 404 for an id that does not exist (C++ version of users_api.json)");
    r.add<users_api_user>("UsersApiUser")
        .wait(hornet::between(0.5, 1.5))
        .task("create and read back", &users_api_user::create_and_read_back, 3)
        .task("list", &users_api_user::list, 2)
        .task("read missing", &users_api_user::read_missing);
    return 0;
}
