// What a session needs only while a request is in flight: its thread lends it for the send
// (core::object_pool), so the thousands of users waiting between tasks hold none of it.
#pragma once

#include "http/response_parser.hpp"

#include <string>

namespace hornet::http {

struct send_state
{
    response_parser parser;
    std::string head; ///< the serialized request head, its capacity kept for the next request
};

} // namespace hornet::http
