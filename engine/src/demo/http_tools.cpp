// httpbin-style endpoints of the demo target.
#include "demo/http_tools.hpp"

#include "demo/query.hpp"

#include <boost/beast/http/field.hpp>

#include <algorithm>
#include <cstring>

namespace hornet::demo {

namespace http = boost::beast::http;

namespace {

// RFC 6265 cookie-name (an RFC 7230 token) and cookie-octet; checked so nothing from the query
// string can break out of the Set-Cookie header.
bool is_token_char(unsigned char c)
{
    if (c <= 0x20 || c >= 0x7f) {
        return false;
    }
    return std::string_view("()<>@,;:\\\"/[]?={}").find(static_cast<char>(c)) == std::string_view::npos;
}

bool is_cookie_octet(unsigned char c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
           (c >= 0x5d && c <= 0x7e);
}

template <class Pred>
bool all_of(std::string_view s, Pred pred)
{
    return std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); });
}

} // namespace

reply slow_reply(std::string_view query)
{
    std::uint64_t ms = 1000;
    if (const auto text = query_param(query, "ms")) {
        const auto value = parse_uint(*text);
        if (!value) {
            return {error_response(http::status::bad_request, "ms must be a non-negative integer")};
        }
        ms = std::min(*value, max_slow_ms);
    }
    reply r{json_response(http::status::ok, nlohmann::json{{"slept_ms", ms}})};
    r.delay = std::chrono::milliseconds(ms);
    return r;
}

reply stall_reply(std::string_view query, std::uint64_t seen)
{
    std::uint64_t at = 1;
    std::uint64_t ms = 1000;
    for (auto [name, value] : {std::pair{"at", &at}, std::pair{"ms", &ms}}) {
        if (const auto text = query_param(query, name)) {
            const auto parsed = parse_uint(*text);
            if (!parsed) {
                return {
                    error_response(http::status::bad_request, std::string(name) + " must be a non-negative integer")};
            }
            *value = *parsed;
        }
    }
    const std::uint64_t slept = seen == at ? std::min(ms, max_slow_ms) : 0;
    reply r{json_response(http::status::ok, nlohmann::json{{"seen", seen}, {"slept_ms", slept}})};
    r.delay = std::chrono::milliseconds(slept);
    return r;
}

response status_reply(std::string_view code)
{
    const auto value = parse_uint(code);
    if (!value || *value < 200 || *value > 599) {
        return error_response(http::status::bad_request, "status code must be between 200 and 599");
    }
    const auto status = static_cast<unsigned>(*value);
    if (status == 204 || status == 304) {
        response res;
        res.result(status);
        return res;
    }
    auto res = json_response(http::status::ok, nlohmann::json{{"status", status}});
    res.result(status);
    return res;
}

reply bytes_reply(std::string_view n, bool chunked)
{
    const auto value = parse_uint(n);
    if (!value) {
        return {error_response(http::status::bad_request, "n must be a non-negative integer")};
    }
    const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(*value, max_generated_bytes));
    std::string body(size, '\0');
    for (std::size_t i = 0; i < size && i < 26; ++i) {
        body[i] = static_cast<char>('a' + i);
    }
    // Doubling copies keep 64 MiB cheap; each copy starts at a multiple of 26, so the pattern holds.
    for (std::size_t filled = 26; filled < size; filled *= 2) {
        std::memcpy(body.data() + filled, body.data(), std::min(filled, size - filled));
    }
    reply r{text_response(http::status::ok, "application/octet-stream", std::move(body))};
    r.chunked = chunked;
    return r;
}

response redirect_reply(std::string_view n)
{
    const auto value = parse_uint(n);
    if (!value) {
        return error_response(http::status::bad_request, "n must be a non-negative integer");
    }
    if (*value == 0) {
        return json_response(http::status::ok, nlohmann::json{{"redirects", 0}});
    }
    const auto location = "/redirect/" + std::to_string(*value - 1);
    auto res = json_response(http::status::found, nlohmann::json{{"location", location}});
    res.set(http::field::location, location);
    return res;
}

response set_cookie_reply(std::string_view query)
{
    const auto pairs = parse_query(query);
    auto set = nlohmann::json::object();
    for (const auto& [name, value] : pairs) {
        if (name.empty() || !all_of(name, is_token_char) || !all_of(value, is_cookie_octet)) {
            return error_response(http::status::bad_request, "cookie names must be tokens and values cookie-octets");
        }
        set[name] = value;
    }
    auto res = json_response(http::status::ok, nlohmann::json{{"cookies", set}});
    for (const auto& [name, value] : pairs) {
        res.insert(http::field::set_cookie, name + '=' + value + "; Path=/");
    }
    return res;
}

response cookies_reply(const request& req)
{
    auto cookies = nlohmann::json::object();
    for (auto [it, end] = req.equal_range(http::field::cookie); it != end; ++it) {
        for (auto& [name, value] : parse_cookies(it->value())) {
            cookies[name] = std::move(value);
        }
    }
    return json_response(http::status::ok, nlohmann::json{{"cookies", std::move(cookies)}});
}

response echo_reply(const request& req)
{
    auto headers = nlohmann::json::object();
    for (const auto& field : req) {
        const std::string name(field.name_string());
        auto& slot = headers[name];
        if (slot.is_null()) {
            slot = std::string(field.value());
        } else {
            slot = slot.get<std::string>() + ", " + std::string(field.value());
        }
    }
    auto parsed = nlohmann::json::parse(req.body(), nullptr, false);
    if (parsed.is_discarded()) parsed = nullptr;
    const auto version = std::to_string(req.version() / 10) + '.' + std::to_string(req.version() % 10);
    return json_response(http::status::ok, nlohmann::json{{"method", std::string(req.method_string())},
                                                          {"target", std::string(req.target())},
                                                          {"version", version},
                                                          {"headers", std::move(headers)},
                                                          {"body", req.body()},
                                                          {"json", std::move(parsed)}});
}

} // namespace hornet::demo
