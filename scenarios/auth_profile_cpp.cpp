// Example 4 in C++ (auth_profile.json's twin): register, log in, read and change your own profile
// with the bearer token from the login answer; a second account must get 403 on the first one's
// profile.
#include <hornet/hornet.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace {

constexpr std::string_view password = "correct horse battery staple";

void fail_status(hornet::response& r, unsigned expected)
{
    // With no answer at all the default verdict (the connection error) is kept.
    if (r.status() != 0)
        r.failure("expected status " + std::to_string(expected) + ", got " + std::to_string(r.status()));
}

// A string field of a JSON answer; records the failure when it is missing.
std::optional<std::string> string_field(hornet::response& r, const char* field)
{
    auto body = nlohmann::json::parse(r.body(), nullptr, false);
    if (body.is_discarded()) {
        r.failure("the response body is not JSON");
    } else if (!body.is_object() || !body.contains(field) || !body[field].is_string()) {
        r.failure(std::string("/") + field + " not found in the response body");
    } else {
        return body[field].get<std::string>();
    }
    return std::nullopt;
}

// The value of cookie `name` set by this response ("session=abc; Path=/").
std::optional<std::string> cookie(const hornet::response& r, std::string_view name)
{
    auto set = r.header("Set-Cookie");
    if (!set) return std::nullopt;
    auto pair = set->substr(0, set->find(';'));
    auto eq = pair.find('=');
    if (eq == std::string_view::npos || pair.substr(0, eq) != name) return std::nullopt;
    return std::string(pair.substr(eq + 1));
}

class profile_user : public hornet::user
{
public:
    // Two accounts, each registered and logged in. The first one's token comes from the login
    // answer, the second one's from its session cookie, as the JSON scenario does.
    hornet::task<> on_start() override
    {
        auto me = co_await register_account("user", "/register");
        if (!me) co_return; // recorded; the tasks then fail visibly with 401s
        username_ = *me;
        {
            auto r = co_await log_in(username_, "/login");
            if (!r) co_return;
            auto token = string_field(*r, "token");
            if (!token) co_return;
            bearer_ = "Bearer " + *token;
            r->success();
        }

        auto other = co_await register_account("other", "/register (second account)");
        if (!other) co_return;
        auto r = co_await log_in(*other, "/login (second account)");
        if (!r) co_return;
        auto token = cookie(*r, "session");
        if (!token) {
            r->failure("no cookie session in the response");
            co_return;
        }
        other_bearer_ = "Bearer " + *token;
        r->success();
        // Once per user for sure, then now and then as a task.
        co_await read_as_other();
    }

    hornet::task<> read_own()
    {
        auto r = co_await get(
            profile(),
            {.name = "/profile/[username]", .headers = {{"Authorization", bearer_}}, .catch_response = true});
        if (auto name = checked_field(r, "username"); name && *name != username_)
            r.failure("/username is \"" + *name + "\", expected \"" + username_ + "\"");
        else if (name)
            r.success();
    }

    // A change, then a read that must show it; skipped when the change failed.
    hornet::task<> change_own()
    {
        nlohmann::json change{{"bio", "edit " + std::to_string(++edits_) + " by " + random_first_name()}};
        std::string bio;
        {
            auto r = co_await put(profile(), {.name = "/profile/[username]",
                                              .headers = {{"Authorization", bearer_}},
                                              .json = change,
                                              .catch_response = true});
            auto field = checked_field(r, "bio");
            if (!field) co_return;
            bio = *field;
            r.success();
        }
        auto r = co_await get(
            profile(),
            {.name = "/profile/[username]", .headers = {{"Authorization", bearer_}}, .catch_response = true});
        if (auto now = checked_field(r, "bio"); now && *now != bio)
            r.failure("/bio is \"" + *now + "\", expected \"" + bio + "\"");
        else if (now)
            r.success();
    }

    // The second account's token on the first account's profile: 403 is the right answer.
    hornet::task<> read_as_other()
    {
        auto r = co_await get(profile(), {.name = "/profile/[username] (other account)",
                                          .headers = {{"Authorization", other_bearer_}},
                                          .catch_response = true});
        if (r.status() == 403)
            r.success();
        else
            fail_status(r, 403);
    }

private:
    // A fresh account named prefix<user id>-<8 random characters>; its name as the answer gives it.
    hornet::task<std::optional<std::string>> register_account(std::string prefix, std::string_view stats_name)
    {
        nlohmann::json body{{"username", prefix + std::to_string(user_id()) + "-" + random_string(8)},
                            {"password", password}};
        auto r = co_await post("/register", {.name = stats_name, .json = body, .catch_response = true});
        if (r.status() != 201) {
            fail_status(r, 201);
            co_return std::nullopt;
        }
        auto name = string_field(r, "username");
        if (name) r.success();
        co_return name;
    }

    // The login answer, for the caller to take the token from and judge; nullopt when not 200.
    hornet::task<std::optional<hornet::response>> log_in(std::string username, std::string_view stats_name)
    {
        nlohmann::json body{{"username", username}, {"password", password}};
        auto r = co_await post("/login", {.name = stats_name, .json = body, .catch_response = true});
        if (r.status() != 200) {
            fail_status(r, 200);
            co_return std::nullopt;
        }
        co_return std::move(r);
    }

    std::string profile() const { return "/profile/" + username_; }

    // A 200 answer's string field, or nullopt with the failure recorded.
    static std::optional<std::string> checked_field(hornet::response& r, const char* field)
    {
        if (r.status() != 200) {
            fail_status(r, 200);
            return std::nullopt;
        }
        return string_field(r, field);
    }

    // Per-user state: the account, its credentials and the second account's.
    std::string username_;
    std::string bearer_;
    std::string other_bearer_;
    unsigned edits_ = 0;
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("Register, log in, read and change your own profile with the bearer token from the login "
               "answer; a second account must get 403 on the first one's profile (C++ version of auth_profile.json)");
    r.add<profile_user>("ProfileUser")
        .wait(hornet::between(1, 2))
        .task("read own profile", &profile_user::read_own, 4)
        .task("change own profile", &profile_user::change_own, 2)
        .task("read it as the other account", &profile_user::read_as_other);
    return 0;
}
