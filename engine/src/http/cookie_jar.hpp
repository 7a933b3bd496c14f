// Per-session cookies: Set-Cookie parsing (RFC 6265 basics) and the Cookie request header.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::http {

/// One stored cookie.
struct cookie
{
    std::string name;
    std::string value;
    /// Lower case, without a leading dot; empty matches every host (cookies set by hand).
    std::string domain;
    std::string path = "/";
    /// false when the server gave a Domain attribute (then subdomains match too).
    bool host_only = true;
    bool secure = false;
    /// Absent for a session cookie.
    std::optional<std::chrono::system_clock::time_point> expires;
};

/// The cookies of one session (one user), like a requests.Session's jar. Not thread-safe;
/// a session belongs to one thread.
class cookie_jar
{
public:
    using time_point = std::chrono::system_clock::time_point;

    /// Applies one Set-Cookie header value received in answer to a request for `host` and
    /// `request_path` (the path, query allowed). Malformed or foreign-domain cookies are
    /// ignored; an expired one deletes the stored cookie of the same name, domain and path.
    void set_from_header(std::string_view set_cookie, std::string_view host, std::string_view request_path,
                         time_point now = std::chrono::system_clock::now());

    /// Stores a cookie directly (as requests' `session.cookies.set`); an empty domain matches
    /// every host.
    void set(std::string name, std::string value, std::string domain = {}, std::string path = "/");

    /// Appends "Cookie: a=1; b=2\r\n" for a request to `host`/`request_path` when at least one
    /// cookie matches; appends nothing otherwise. Returns whether it appended.
    bool append_header(std::string& out, std::string_view host, std::string_view request_path, bool https) const;

    /// Upper bound of what append_header() can append.
    std::size_t header_size_bound() const noexcept;

    /// Value of the first cookie with this name, whatever its domain.
    std::optional<std::string_view> get(std::string_view name) const;
    /// Removes every cookie with this name; returns how many.
    std::size_t remove(std::string_view name);

    const std::vector<cookie>& all() const noexcept { return cookies_; }
    bool empty() const noexcept { return cookies_.empty(); }
    std::size_t size() const noexcept { return cookies_.size(); }
    void clear() noexcept
    {
        cookies_.clear();
        expiring_ = 0;
    }

private:
    void store(cookie c, time_point now);
    void drop_expired(time_point now) const;

    mutable std::vector<cookie> cookies_;
    mutable std::size_t expiring_ = 0; ///< cookies with an expiry: only then read the clock
};

/// Parses a cookie date (RFC 6265 §5.1.1: "Wed, 21 Oct 2015 07:28:00 GMT" and the old
/// variants). Returns nothing for an invalid date.
std::optional<std::chrono::system_clock::time_point> parse_cookie_date(std::string_view text);

} // namespace hornet::http
