// Response builders shared by the demo endpoints.
#include "demo/reply.hpp"

namespace hornet::demo {

namespace http = boost::beast::http;

std::string json_text(const nlohmann::json& value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

response json_response(http::status status, const nlohmann::json& body)
{
    return text_response(status, "application/json", json_text(body));
}

response error_response(http::status status, std::string_view message)
{
    return json_response(status, nlohmann::json{{"error", message}});
}

response text_response(http::status status, std::string_view content_type, std::string body)
{
    response res{status, 11};
    res.set(http::field::content_type, content_type);
    res.body() = std::move(body);
    return res;
}

} // namespace hornet::demo
