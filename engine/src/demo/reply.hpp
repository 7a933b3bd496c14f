// What a demo endpoint answers: a Beast response plus how to send it (after a delay, or chunked).
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace hornet::demo {

using request = boost::beast::http::request<boost::beast::http::string_body>;
using response = boost::beast::http::response<boost::beast::http::string_body>;

struct reply
{
    response res;
    /// Send the response only after this long, without blocking the thread (GET /slow).
    std::chrono::milliseconds delay{0};
    /// Send the body in several chunks with Transfer-Encoding: chunked (GET /chunked/{n}).
    bool chunked = false;
};

/// Serialises JSON for a response body. Invalid UTF-8 coming from a request (echoed headers,
/// bodies, cookies) is replaced rather than thrown on.
std::string json_text(const nlohmann::json& value);

/// A response with a JSON body and Content-Type: application/json.
response json_response(boost::beast::http::status status, const nlohmann::json& body);

/// A JSON error response: {"error": message}.
response error_response(boost::beast::http::status status, std::string_view message);

/// A response with the given body and Content-Type.
response text_response(boost::beast::http::status status, std::string_view content_type, std::string body);

} // namespace hornet::demo
