// One HTTP/1.1 connection of the demo target: read requests, answer them, until the peer leaves.
#pragma once

#include "demo/request_limits.hpp"
#include "demo/router.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace hornet::demo {

/// The socket type of a connection: bound to one io_context's executor, so no type-erased
/// executor sits on the hot path.
using session_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;

/// Serves requests on socket until the peer closes, a request asks to close, or a request cannot
/// be parsed (answered 400/413/431, then closed). Keeps one buffer for the whole connection.
/// Never throws for anything the peer sends.
boost::asio::awaitable<void> run_session(session_socket socket, router& routes);

} // namespace hornet::demo
