// Accounts, sessions and profiles of the demo target: /register, /login, /profile/{username}.
#pragma once

#include "demo/reply.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hornet::demo {

/// Registration, login and per-user profiles. A login hands out a fresh random token, valid as
/// `Authorization: Bearer <token>` or as the `session` cookie. Passwords are kept in clear:
/// this is a test target, not a real service.
///
/// Thread safety: all members may be called concurrently (one mutex; not a hot path).
class auth
{
public:
    /// Past max_sessions the oldest tokens stop working; past max_accounts /register answers 507.
    explicit auth(std::size_t max_accounts = 2'000'000, std::size_t max_sessions = 1'000'000);

    /// POST /register {"username", "password"}: 201, 400 on a bad body, 409 if the name is taken.
    response register_user(const request& req);
    /// POST /login {"username", "password"}: 200 {"token"} and Set-Cookie: session=<token>; Path=/,
    /// 400 on a bad body, 401 on bad credentials.
    response login(const request& req);
    /// GET /profile/{username}: 401 without valid credentials, 403 for another user's, 200 otherwise.
    response get_profile(std::string_view username, const request& req) const;
    /// PUT or PATCH /profile/{username} with string fields ({"email", "bio", ...}): as GET, plus 400.
    response update_profile(std::string_view username, const request& req);

    std::size_t accounts() const;

private:
    struct account
    {
        std::string password;
        nlohmann::json profile = nlohmann::json::object(); // string fields only
    };

    // The token a request presents (Bearer first, then the session cookie), if any.
    static std::optional<std::string> presented_token(const request& req);
    // 401/403 for a request that may not touch username's profile; nullopt when it may.
    std::optional<response> refuse(std::string_view username, const request& req) const;
    std::string new_token();
    static nlohmann::json profile_json(const std::string& username, const account& a);

    mutable std::mutex mutex_;
    std::unordered_map<std::string, account> accounts_;
    std::unordered_map<std::string, std::string> sessions_; // token -> username
    std::deque<std::string> session_order_;                 // oldest token first
    std::mt19937_64 rng_;
    std::size_t max_accounts_;
    std::size_t max_sessions_;
};

} // namespace hornet::demo
