// One HTTP/1.1 connection of the web server, plain or TLS.
#pragma once

#include "web/router.hpp"
#include "web/server_config.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

#include <set>

namespace hornet::web {

/// The sockets of the sessions alive, so that server::stop can close them.
using open_sockets = std::set<boost::asio::ip::tcp::socket*>;

/// Serves requests on `socket` until the peer closes, a limit or timeout ends it, or the socket
/// is closed from outside (server::stop, through `open`). `tls` non-null: handshake first.
/// Every network error ends the session quietly.
boost::asio::awaitable<void> run_session(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls,
                                         router& routes, const server_config& config, open_sockets& open);

} // namespace hornet::web
