// Request serialization: a handful of appends into one string.
#include "http/request_head.hpp"

#include "http/response.hpp"

#include <charconv>

namespace hornet::http {

namespace {

// Bits for the defaults a user header replaces (or, for framing headers, that we drop).
enum : unsigned {
    has_host = 1,
    has_user_agent = 2,
    has_accept = 4,
    has_cookie = 8,
    has_authorization = 16,
};

// Header values must not smuggle a line break into the head.
void append_field_value(std::string& out, std::string_view value)
{
    for (char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
}

} // namespace

head_layout write_request_head(std::string& out, const request_head& head, const cookie_jar& jar)
{
    out.clear();
    out.append(head.method);
    out += ' ';
    head_layout layout;
    layout.target_begin = out.size();
    if (head.full_target)
        out.append(head.target);
    else
        append_target(out, head.base->path, head.target);
    layout.target_end = out.size();
    out.append(" HTTP/1.1\r\n");

    unsigned present = 0;
    if (head.headers != nullptr) {
        for (const auto& h : *head.headers) {
            const std::string_view n = h.name;
            // An empty name or one that would break the head (CR, LF, colon) cannot be sent.
            if (n.empty() || n.find_first_of("\r\n:") != std::string_view::npos) continue;
            // Framing is ours: a user Content-Length or Transfer-Encoding would lie about the body.
            if (iequals(n, "content-length") || iequals(n, "transfer-encoding")) continue;
            if (head.drop_body_headers && iequals(n, "content-type")) continue;
            if (iequals(n, "authorization")) {
                if (head.drop_authorization) continue;
                present |= has_authorization;
            } else if (iequals(n, "host")) {
                present |= has_host;
            } else if (iequals(n, "user-agent")) {
                present |= has_user_agent;
            } else if (iequals(n, "accept")) {
                present |= has_accept;
            } else if (iequals(n, "cookie")) {
                present |= has_cookie;
            }
            out.append(n);
            out.append(": ");
            append_field_value(out, h.value);
            out.append("\r\n");
        }
    }
    if (!(present & has_host)) {
        out.append("Host: ");
        out.append(head.base->host_header);
        out.append("\r\n");
    }
    if (!(present & has_user_agent) && !head.user_agent.empty()) {
        out.append("User-Agent: ");
        out.append(head.user_agent);
        out.append("\r\n");
    }
    if (!(present & has_accept)) out.append("Accept: */*\r\n");
    if (!(present & has_authorization) && !head.drop_authorization && !head.base->authorization.empty()) {
        out.append("Authorization: ");
        out.append(head.base->authorization);
        out.append("\r\n");
    }
    if (!(present & has_cookie) && !jar.empty()) {
        // The path below is a view into `out`: reserve first so appending cannot move it.
        out.reserve(out.size() + jar.header_size_bound());
        jar.append_header(out, head.base->origin.host,
                          std::string_view(out).substr(layout.target_begin, layout.target_end - layout.target_begin),
                          head.base->origin.tls);
    }
    const bool bodyless_method = head.method == "GET" || head.method == "HEAD";
    if (head.body_size > 0 || !bodyless_method) {
        char digits[24];
        const auto r = std::to_chars(digits, digits + sizeof digits, head.body_size);
        out.append("Content-Length: ");
        out.append(digits, r.ptr);
        out.append("\r\n");
    }
    out.append("\r\n");
    return layout;
}

} // namespace hornet::http
