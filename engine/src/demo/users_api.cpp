// The users API of the demo target.
#include "demo/users_api.hpp"

#include "demo/query.hpp"

#include <algorithm>
#include <optional>

namespace hornet::demo {

namespace http = boost::beast::http;

namespace {

constexpr std::size_t max_field_size = 4096;

// A field may be sent as a string or a number (a templated "{{random.digits(8)}}" may arrive as either).
std::optional<std::string> field_text(const nlohmann::json& body, const char* name)
{
    const auto it = body.find(name);
    if (it == body.end()) {
        return std::nullopt;
    }
    if (it->is_string()) {
        return it->get<std::string>();
    }
    if (it->is_number()) {
        return it->dump();
    }
    return std::nullopt;
}

bool too_long(const std::optional<std::string>& s)
{
    return s && s->size() > max_field_size;
}

} // namespace

users_api::users_api(std::size_t max_users) : max_users_(std::max<std::size_t>(max_users, 1)) {}

nlohmann::json users_api::to_json(std::uint64_t id, const user& u)
{
    return nlohmann::json{{"id", id}, {"dni", u.dni}, {"name", u.name}};
}

response users_api::create(const request& req)
{
    const auto body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return error_response(http::status::bad_request, "body must be a JSON object {\"dni\": ..., \"name\": ...}");
    }
    auto dni = field_text(body, "dni");
    auto name = field_text(body, "name");
    if (!dni || !name) {
        return error_response(http::status::bad_request, "\"dni\" and \"name\" are required strings");
    }
    if (too_long(dni) || too_long(name)) {
        return error_response(http::status::bad_request, "\"dni\" and \"name\" must be at most 4096 bytes");
    }
    nlohmann::json out;
    {
        std::lock_guard lock(mutex_);
        const auto id = next_id_++;
        auto& u = users_[id];
        u.dni = std::move(*dni);
        u.name = std::move(*name);
        out = to_json(id, u);
        while (users_.size() > max_users_) {
            users_.erase(users_.begin());
        }
    }
    return json_response(http::status::created, out);
}

response users_api::list(std::string_view query) const
{
    std::uint64_t offset = 0;
    std::uint64_t limit = 100;
    if (const auto v = query_param(query, "offset")) {
        offset = parse_uint(*v).value_or(0);
    }
    if (const auto v = query_param(query, "limit")) {
        limit = std::min<std::uint64_t>(parse_uint(*v).value_or(100), 1000);
    }
    auto out = nlohmann::json::array();
    std::size_t total = 0;
    {
        std::lock_guard lock(mutex_);
        total = users_.size();
        if (offset < total) {
            auto it = users_.begin();
            // std::map has no random access; listing is a rare request, so walking is fine.
            std::advance(it, static_cast<std::ptrdiff_t>(offset));
            for (; it != users_.end() && out.size() < limit; ++it) {
                out.push_back(to_json(it->first, it->second));
            }
        }
    }
    auto res = json_response(http::status::ok, out);
    res.set("X-Total-Count", std::to_string(total));
    return res;
}

response users_api::get(std::string_view id) const
{
    const auto key = parse_uint(id);
    if (key) {
        std::lock_guard lock(mutex_);
        if (const auto it = users_.find(*key); it != users_.end()) {
            return json_response(http::status::ok, to_json(it->first, it->second));
        }
    }
    return error_response(http::status::not_found, "user not found");
}

response users_api::update(std::string_view id, const request& req)
{
    const auto key = parse_uint(id);
    const auto body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return error_response(http::status::bad_request, "body must be a JSON object");
    }
    auto dni = field_text(body, "dni");
    auto name = field_text(body, "name");
    if (!dni && !name) {
        return error_response(http::status::bad_request, "give \"dni\" and/or \"name\"");
    }
    if (too_long(dni) || too_long(name)) {
        return error_response(http::status::bad_request, "\"dni\" and \"name\" must be at most 4096 bytes");
    }
    if (key) {
        std::lock_guard lock(mutex_);
        if (const auto it = users_.find(*key); it != users_.end()) {
            if (dni) {
                it->second.dni = std::move(*dni);
            }
            if (name) {
                it->second.name = std::move(*name);
            }
            return json_response(http::status::ok, to_json(it->first, it->second));
        }
    }
    return error_response(http::status::not_found, "user not found");
}

response users_api::remove(std::string_view id)
{
    const auto key = parse_uint(id);
    if (key) {
        std::lock_guard lock(mutex_);
        if (users_.erase(*key) != 0) {
            return response{http::status::no_content, 11};
        }
    }
    return error_response(http::status::not_found, "user not found");
}

std::size_t users_api::size() const
{
    std::lock_guard lock(mutex_);
    return users_.size();
}

} // namespace hornet::demo
