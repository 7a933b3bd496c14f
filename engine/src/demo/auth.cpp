// Accounts, sessions and profiles of the demo target.
#include "demo/auth.hpp"

#include "demo/query.hpp"

#include <boost/beast/http/field.hpp>

#include <algorithm>
#include <cctype>

namespace hornet::demo {

namespace http = boost::beast::http;

namespace {

constexpr std::size_t max_name_size = 256;
constexpr std::size_t max_profile_fields = 32;
constexpr std::size_t max_profile_value = 64 * 1024;

struct credentials
{
    std::string username;
    std::string password;
};

std::optional<credentials> read_credentials(const request& req)
{
    const auto body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return std::nullopt;
    }
    const auto user = body.find("username");
    const auto pass = body.find("password");
    if (user == body.end() || pass == body.end() || !user->is_string() || !pass->is_string()) {
        return std::nullopt;
    }
    credentials c{user->get<std::string>(), pass->get<std::string>()};
    if (c.username.empty() || c.username.size() > max_name_size || c.password.size() > max_name_size) {
        return std::nullopt;
    }
    return c;
}

bool iequals_prefix(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

auth::auth(std::size_t max_accounts, std::size_t max_sessions)
    : rng_(std::random_device{}()), max_accounts_(max_accounts), max_sessions_(std::max<std::size_t>(max_sessions, 1))
{}

std::string auth::new_token()
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string token;
    token.reserve(32);
    for (int word = 0; word < 2; ++word) {
        auto bits = rng_();
        for (int i = 0; i < 16; ++i, bits >>= 4) {
            token.push_back(digits[bits & 0xf]);
        }
    }
    return token;
}

nlohmann::json auth::profile_json(const std::string& username, const account& a)
{
    auto out = a.profile;
    out["username"] = username;
    return out;
}

response auth::register_user(const request& req)
{
    auto c = read_credentials(req);
    if (!c) {
        return error_response(
            http::status::bad_request,
            "body must be {\"username\": non-empty string, \"password\": string}, each at most 256 bytes");
    }
    std::lock_guard lock(mutex_);
    if (accounts_.count(c->username) != 0) {
        return error_response(http::status::conflict, "username already taken");
    }
    if (accounts_.size() >= max_accounts_) {
        return error_response(http::status::insufficient_storage, "account limit reached");
    }
    accounts_[c->username].password = std::move(c->password);
    return json_response(http::status::created, nlohmann::json{{"username", c->username}});
}

response auth::login(const request& req)
{
    const auto c = read_credentials(req);
    if (!c) {
        return error_response(http::status::bad_request, "body must be {\"username\": string, \"password\": string}");
    }
    std::string token;
    {
        std::lock_guard lock(mutex_);
        const auto it = accounts_.find(c->username);
        if (it == accounts_.end() || it->second.password != c->password) {
            return error_response(http::status::unauthorized, "bad username or password");
        }
        token = new_token();
        sessions_[token] = c->username;
        session_order_.push_back(token);
        while (session_order_.size() > max_sessions_) {
            sessions_.erase(session_order_.front());
            session_order_.pop_front();
        }
    }
    auto res = json_response(http::status::ok, nlohmann::json{{"token", token}});
    res.set(http::field::set_cookie, "session=" + token + "; Path=/");
    return res;
}

std::optional<std::string> auth::presented_token(const request& req)
{
    if (const auto it = req.find(http::field::authorization); it != req.end()) {
        auto value = it->value();
        if (iequals_prefix(value, "bearer ")) {
            value.remove_prefix(7);
            while (!value.empty() && value.front() == ' ') {
                value.remove_prefix(1);
            }
            if (!value.empty()) {
                return std::string(value);
            }
        }
    }
    // Several Cookie headers may arrive (HTTP/2 proxies split them); look at all of them.
    for (auto [it, end] = req.equal_range(http::field::cookie); it != end; ++it) {
        for (auto& [name, value] : parse_cookies(it->value())) {
            if (name == "session") {
                return std::move(value);
            }
        }
    }
    return std::nullopt;
}

std::optional<response> auth::refuse(std::string_view username, const request& req) const
{
    const auto token = presented_token(req);
    if (!token) {
        return error_response(http::status::unauthorized,
                              "credentials required (Authorization: Bearer or session cookie)");
    }
    const auto it = sessions_.find(*token);
    if (it == sessions_.end()) {
        return error_response(http::status::unauthorized, "unknown or expired token");
    }
    if (it->second != username) {
        return error_response(http::status::forbidden, "this profile belongs to another user");
    }
    return std::nullopt;
}

response auth::get_profile(std::string_view username, const request& req) const
{
    std::lock_guard lock(mutex_);
    if (auto no = refuse(username, req)) {
        return std::move(*no);
    }
    const auto it = accounts_.find(std::string(username));
    if (it == accounts_.end()) {
        return error_response(http::status::not_found, "no such user");
    }
    return json_response(http::status::ok, profile_json(it->first, it->second));
}

response auth::update_profile(std::string_view username, const request& req)
{
    const auto body = nlohmann::json::parse(req.body(), nullptr, false);
    std::lock_guard lock(mutex_);
    // Credentials first: a stranger learns nothing about what a valid body would be.
    if (auto no = refuse(username, req)) {
        return std::move(*no);
    }
    const auto it = accounts_.find(std::string(username));
    if (it == accounts_.end()) {
        return error_response(http::status::not_found, "no such user");
    }
    if (body.is_discarded() || !body.is_object()) {
        return error_response(http::status::bad_request, "body must be a JSON object of string fields");
    }
    auto updated = it->second.profile;
    for (const auto& [key, value] : body.items()) {
        if (key == "username") {
            continue; // the name is the account's identity, not a profile field
        }
        if (!value.is_string() || value.get_ref<const std::string&>().size() > max_profile_value) {
            return error_response(http::status::bad_request, "profile fields must be strings of at most 64 KiB");
        }
        updated[key] = value;
    }
    if (updated.size() > max_profile_fields) {
        return error_response(http::status::bad_request, "a profile has at most 32 fields");
    }
    it->second.profile = std::move(updated);
    return json_response(http::status::ok, profile_json(it->first, it->second));
}

std::size_t auth::accounts() const
{
    std::lock_guard lock(mutex_);
    return accounts_.size();
}

} // namespace hornet::demo
