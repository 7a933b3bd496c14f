// Test helpers for the demo target: a server running on its own thread, and a small blocking HTTP client.
#pragma once

#include "demo/server.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <nlohmann/json.hpp>

#include <sys/socket.h>
#include <sys/time.h>

#include <cstdint>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace hornet::demo::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

using client_response = http::response<http::string_body>;
using header_list = std::vector<std::pair<std::string, std::string>>;

/// A demo server on 127.0.0.1, a free port, served by a thread; stopped and joined on destruction.
struct running_server
{
    explicit running_server(server_config config = {}) : srv(std::move(config)), thread([this] { srv.run(); }) {}
    ~running_server()
    {
        srv.stop();
        thread.join();
    }

    server srv;
    std::thread thread;
};

/// One keep-alive connection. Every socket operation gives up after 10 s, so a broken server
/// fails the test instead of hanging it.
class client
{
public:
    explicit client(std::uint16_t port) : socket_(ctx_)
    {
        socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        timeval timeout{10, 0};
        ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }

    client_response send(http::verb method, const std::string& target, const std::string& body = {},
                         const header_list& headers = {})
    {
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        for (const auto& [name, value] : headers) {
            req.insert(name, value);
        }
        if (!body.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
        }
        req.prepare_payload();
        http::write(socket_, req);
        return read();
    }

    client_response get(const std::string& target, const header_list& headers = {})
    {
        return send(http::verb::get, target, {}, headers);
    }

    client_response post(const std::string& target, const nlohmann::json& body, const header_list& headers = {})
    {
        return send(http::verb::post, target, body.dump(), headers);
    }

    /// Writes bytes as they are, for requests a well-behaved client would not send.
    void write_raw(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }

    /// Reads one response; chunk_count, when given, receives the number of body chunks seen.
    client_response read(std::size_t* chunk_count = nullptr)
    {
        http::response_parser<http::string_body> parser;
        parser.body_limit(128 * 1024 * 1024);
        std::size_t chunks = 0;
        auto on_chunk = [&chunks](std::uint64_t size, std::string_view, boost::system::error_code&) {
            if (size != 0) {
                ++chunks;
            }
        };
        parser.on_chunk_header(on_chunk);
        http::read(socket_, buffer_, parser);
        if (chunk_count != nullptr) {
            *chunk_count = chunks;
        }
        return parser.release();
    }

    /// True when the server has closed the connection (the next read sees end of file).
    bool closed_by_peer()
    {
        if (buffer_.size() != 0) {
            return false;
        }
        char byte;
        boost::system::error_code ec;
        socket_.read_some(net::buffer(&byte, 1), ec);
        return ec == net::error::eof || ec == net::error::connection_reset;
    }

private:
    net::io_context ctx_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

inline nlohmann::json json_of(const client_response& res)
{
    return nlohmann::json::parse(res.body());
}

} // namespace hornet::demo::test
