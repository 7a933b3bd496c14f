// Mapping of request read errors to the demo target's answers.
#include "demo/request_limits.hpp"

#include <boost/beast/http/error.hpp>

namespace hornet::demo {

namespace http = boost::beast::http;

std::optional<http::status> read_failure_status(const boost::system::error_code& ec)
{
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) {
        return std::nullopt;
    }
    if (ec == http::error::body_limit) {
        return http::status::payload_too_large;
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
        return http::status::request_header_fields_too_large;
    }
    // Any other parser complaint means the bytes were not a valid request; network errors are not ours to answer.
    if (ec.category() == make_error_code(http::error::bad_method).category()) {
        return http::status::bad_request;
    }
    return std::nullopt;
}

} // namespace hornet::demo
