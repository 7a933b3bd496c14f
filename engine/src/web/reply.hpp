// The responses the routes build: JSON, text, attachments and Locust-style errors.
#pragma once

#include "web/text_body.hpp"
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <nlohmann/json.hpp>

#include <memory>

#include <string>
#include <string_view>

namespace hornet::web {

using request = boost::beast::http::request<boost::beast::http::string_body>;
using response = boost::beast::http::response<text_body>;
using status = boost::beast::http::status;

/// `body` as JSON with `code`.
response json_reply(const nlohmann::json& body, status code = status::ok);
/// {"success": false, "message": why} with a 4xx `code`.
response error_reply(status code, std::string_view why);
response text_reply(std::string body, std::string_view content_type, status code = status::ok);
/// The same with a body built elsewhere and shared or lasting (see text_body).
response text_reply(text_body::value_type body, std::string_view content_type, status code = status::ok);
/// A download: Content-Disposition names the file.
response attachment_reply(std::string body, std::string_view content_type, std::string_view filename);

} // namespace hornet::web
