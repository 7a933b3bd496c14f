// The bounds a request to the demo target must stay within, and the answer when reading one fails.
#pragma once

#include <boost/beast/http/status.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <optional>

namespace hornet::demo {

/// Largest request head (request line and header fields); beyond it the answer is 431.
inline constexpr std::size_t max_header_bytes = 64 * 1024;
/// Largest request body; beyond it the answer is 413.
inline constexpr std::size_t max_body_bytes = 1024 * 1024;

/// The status a failed request read deserves (400, 413, 431), or nullopt when the peer just went
/// away or the network failed, and there is nobody to answer.
std::optional<boost::beast::http::status> read_failure_status(const boost::system::error_code& ec);

} // namespace hornet::demo
