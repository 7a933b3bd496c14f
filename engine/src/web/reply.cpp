// Response builders.
#include "web/reply.hpp"

namespace hornet::web {

namespace http = boost::beast::http;

response json_reply(const nlohmann::json& body, status code)
{
    // Strings come from scenarios and peers: replace invalid UTF-8 rather than throw on dump().
    return text_reply(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json", code);
}

response error_reply(status code, std::string_view why)
{
    return json_reply({{"success", false}, {"message", why}}, code);
}

response text_reply(std::string body, std::string_view content_type, status code)
{
    return text_reply(text_body::value_type(std::move(body)), content_type, code);
}

response text_reply(text_body::value_type body, std::string_view content_type, status code)
{
    response res{code, 11};
    res.set(http::field::content_type, content_type);
    res.body() = std::move(body);
    return res;
}

response attachment_reply(std::string body, std::string_view content_type, std::string_view filename)
{
    auto res = text_reply(std::move(body), content_type);
    res.set(http::field::content_disposition, "attachment;filename=" + std::string(filename));
    return res;
}

} // namespace hornet::web
