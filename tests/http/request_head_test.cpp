// Request serialization.
#include "http/request_head.hpp"

#include <doctest/doctest.h>

namespace hornet::http {
namespace {

TEST_CASE("a plain GET")
{
    const auto base = parse_base_url("http://h:8000/api").value();
    std::vector<header> headers;
    request_head head{"GET", &base, "/users?x=1", false, &headers, "hornet/1", 0};
    cookie_jar jar;
    std::string out;
    const auto layout = write_request_head(out, head, jar);
    CHECK(out == "GET /api/users?x=1 HTTP/1.1\r\nHost: h:8000\r\nUser-Agent: hornet/1\r\nAccept: */*\r\n\r\n");
    CHECK(out.substr(layout.target_begin, layout.target_end - layout.target_begin) == "/api/users?x=1");
}

TEST_CASE("user headers replace defaults; framing headers are ours")
{
    const auto base = parse_base_url("https://user:pw@h/").value();
    std::vector<header> headers{
        {"host", "virtual"},        {"User-Agent", "custom"}, {"Content-Length", "999"}, {"X-Multi", "a\r\nb"},
        {"Content-Type", "text/x"}, {"", "ignored"},          {"Bad\r\nName", "x"},      {"a:b", "x"}};
    cookie_jar jar;
    jar.set("sid", "1");
    request_head head{"POST", &base, "submit", false, &headers, "hornet/1", 4};
    std::string out;
    write_request_head(out, head, jar);
    CHECK(out == "POST /submit HTTP/1.1\r\nhost: virtual\r\nUser-Agent: custom\r\nX-Multi: a  b\r\n"
                 "Content-Type: text/x\r\nAccept: */*\r\nAuthorization: Basic dXNlcjpwdw==\r\nCookie: sid=1\r\n"
                 "Content-Length: 4\r\n\r\n");

    headers = {{"Cookie", "mine=1"}, {"Authorization", "Bearer t"}};
    head.method = "DELETE";
    head.body_size = 0;
    write_request_head(out, head, jar);
    CHECK(out == "DELETE /submit HTTP/1.1\r\nCookie: mine=1\r\nAuthorization: Bearer t\r\nHost: h\r\n"
                 "User-Agent: hornet/1\r\nAccept: */*\r\nContent-Length: 0\r\n\r\n");
}

TEST_CASE("after a redirect: full target, dropped body headers and credentials")
{
    const auto base = parse_url("http://u:p@o:81/next?q").value();
    std::vector<header> headers{{"Content-Type", "application/json"}, {"Authorization", "secret"}};
    request_head head{"GET", &base, base.path, true, &headers, "", 0, true, true};
    cookie_jar jar;
    std::string out;
    write_request_head(out, head, jar);
    CHECK(out == "GET /next?q HTTP/1.1\r\nHost: o:81\r\nAccept: */*\r\n\r\n");
}

TEST_CASE("a long cookie header does not invalidate the target view")
{
    const auto base = parse_base_url("http://h").value();
    cookie_jar jar;
    for (int i = 0; i < 50; ++i) jar.set("name" + std::to_string(i), std::string(100, 'v'), "", "/p");
    request_head head{"GET", &base, "/p/q", false, nullptr, "", 0};
    std::string out;
    out.shrink_to_fit();
    write_request_head(out, head, jar);
    CHECK(out.find("Cookie: name0=") != std::string::npos);
    CHECK(out.find("name49=") != std::string::npos);
}

} // namespace
} // namespace hornet::http
