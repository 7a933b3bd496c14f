// Cookie storage and matching; the empty-jar case costs one branch per request.
#include "http/cookie_jar.hpp"

#include "http/response.hpp"

#include <algorithm>
#include <cstdint>

namespace hornet::http {

namespace {

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string to_lower(std::string_view s)
{
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

bool is_ip_literal(std::string_view host) noexcept
{
    if (host.find(':') != std::string_view::npos) return true;
    return !host.empty() &&
           std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

bool domain_matches(std::string_view host, const cookie& c) noexcept
{
    if (c.domain.empty()) return true;
    if (iequals(host, c.domain)) return true;
    if (c.host_only || host.size() <= c.domain.size() || is_ip_literal(host)) return false;
    const auto tail = host.substr(host.size() - c.domain.size());
    return host[host.size() - c.domain.size() - 1] == '.' && iequals(tail, c.domain);
}

std::string_view path_of(std::string_view target) noexcept
{
    target = target.substr(0, target.find_first_of("?#"));
    return target.empty() ? std::string_view("/") : target;
}

bool path_matches(std::string_view request_path, std::string_view cookie_path) noexcept
{
    if (request_path.compare(0, cookie_path.size(), cookie_path) != 0) return false;
    return request_path.size() == cookie_path.size() || cookie_path.back() == '/' ||
           request_path[cookie_path.size()] == '/';
}

std::string default_path(std::string_view request_path)
{
    request_path = path_of(request_path);
    if (request_path.empty() || request_path.front() != '/') return "/";
    const auto slash = request_path.rfind('/');
    if (slash == 0) return "/";
    return std::string(request_path.substr(0, slash));
}

bool is_delimiter(unsigned char c) noexcept
{
    return c == 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
           (c >= 0x7b && c <= 0x7e);
}

// Leading digits of a token: value and count (at most `max` digits are read).
std::pair<int, std::size_t> leading_number(std::string_view t, std::size_t max) noexcept
{
    int v = 0;
    std::size_t n = 0;
    while (n < t.size() && n < max && t[n] >= '0' && t[n] <= '9') v = v * 10 + (t[n++] - '0');
    return {v, n};
}

bool parse_time(std::string_view t, int& h, int& m, int& s) noexcept
{
    int* parts[3] = {&h, &m, &s};
    for (int i = 0; i < 3; ++i) {
        auto [v, n] = leading_number(t, 2);
        if (n == 0) return false;
        *parts[i] = v;
        t.remove_prefix(n);
        if (i < 2) {
            if (t.empty() || t.front() != ':') return false;
            t.remove_prefix(1);
        }
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's well-known formula).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

std::optional<std::chrono::system_clock::time_point> parse_cookie_date(std::string_view text)
{
    static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    bool have_time = false, have_day = false, have_month = false, have_year = false;
    int hour = 0, minute = 0, second = 0, day = 0, month = 0, year = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_delimiter(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_delimiter(static_cast<unsigned char>(text[i]))) ++i;
        const auto token = text.substr(start, i - start);
        if (token.empty()) continue;
        int h, m, s;
        if (!have_time && parse_time(token, h, m, s)) {
            have_time = true;
            hour = h, minute = m, second = s;
            continue;
        }
        if (auto [v, n] = leading_number(token, 2);
            !have_day && n >= 1 && (n == token.size() || token[n] < '0' || token[n] > '9')) {
            have_day = true;
            day = v;
            continue;
        }
        if (!have_month && token.size() >= 3) {
            const auto prefix = to_lower(token.substr(0, 3));
            for (int k = 0; k < 12; ++k)
                if (prefix == months[k]) {
                    have_month = true;
                    month = k + 1;
                }
            if (have_month) continue;
        }
        if (auto [v, n] = leading_number(token, 4);
            !have_year && n >= 2 && (n == token.size() || token[n] < '0' || token[n] > '9')) {
            have_year = true;
            year = v;
        }
    }
    if (!(have_time && have_day && have_month && have_year)) return std::nullopt;
    if (year >= 70 && year <= 99)
        year += 1900;
    else if (year >= 0 && year <= 69)
        year += 2000;
    if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    const auto days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second;
    return std::chrono::system_clock::time_point(std::chrono::seconds(secs));
}

void cookie_jar::set_from_header(std::string_view set_cookie, std::string_view host, std::string_view request_path,
                                 time_point now)
{
    auto semi = set_cookie.find(';');
    const auto pair = set_cookie.substr(0, semi);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) return;
    cookie c;
    c.name = std::string(trim(pair.substr(0, eq)));
    c.value = std::string(trim(pair.substr(eq + 1)));
    if (c.name.empty()) return;
    c.domain = to_lower(host);
    std::optional<time_point> expires, max_age;
    bool have_path = false;

    while (semi != std::string_view::npos) {
        set_cookie.remove_prefix(semi + 1);
        semi = set_cookie.find(';');
        const auto attr = set_cookie.substr(0, semi);
        const auto aeq = attr.find('=');
        const auto key = trim(attr.substr(0, aeq));
        const auto value = aeq == std::string_view::npos ? std::string_view() : trim(attr.substr(aeq + 1));
        if (iequals(key, "expires")) {
            if (auto t = parse_cookie_date(value)) expires = t;
        } else if (iequals(key, "max-age")) {
            auto v = value;
            const bool negative = !v.empty() && v.front() == '-';
            if (negative) v.remove_prefix(1);
            if (v.empty() || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) continue;
            std::int64_t secs = 0;
            for (char ch : v) {
                secs = secs * 10 + (ch - '0');
                if (secs > 400LL * 86400 * 365) // far enough; avoids overflow
                    break;
            }
            max_age = negative || secs == 0 ? time_point::min() : now + std::chrono::seconds(secs);
        } else if (iequals(key, "domain")) {
            auto d = value;
            if (!d.empty() && d.front() == '.') d.remove_prefix(1);
            if (d.empty()) continue;
            auto domain = to_lower(d);
            cookie probe;
            probe.domain = domain;
            probe.host_only = false;
            if (!domain_matches(host, probe)) return; // a server may not set cookies for a foreign domain
            c.domain = std::move(domain);
            c.host_only = false;
        } else if (iequals(key, "path")) {
            if (!value.empty() && value.front() == '/') {
                c.path = std::string(value);
                have_path = true;
            }
        } else if (iequals(key, "secure")) {
            c.secure = true;
        }
    }
    if (!have_path) c.path = default_path(request_path);
    c.expires = max_age ? max_age : expires;
    store(std::move(c), now);
}

void cookie_jar::set(std::string name, std::string value, std::string domain, std::string path)
{
    cookie c;
    c.name = std::move(name);
    c.value = std::move(value);
    c.domain = to_lower(domain);
    c.host_only = false;
    c.path = path.empty() ? "/" : std::move(path);
    store(std::move(c), std::chrono::system_clock::now());
}

void cookie_jar::store(cookie c, time_point now)
{
    auto same = std::find_if(cookies_.begin(), cookies_.end(), [&](const cookie& o) {
        return o.name == c.name && o.domain == c.domain && o.path == c.path;
    });
    const bool expired = c.expires && *c.expires <= now;
    if (same != cookies_.end()) {
        if (same->expires) --expiring_;
        if (expired) {
            cookies_.erase(same);
            return;
        }
        *same = std::move(c);
        if (same->expires) ++expiring_;
        return;
    }
    if (expired) return;
    if (c.expires) ++expiring_;
    cookies_.push_back(std::move(c));
}

void cookie_jar::drop_expired(time_point now) const
{
    const auto end = std::remove_if(cookies_.begin(), cookies_.end(),
                                    [&](const cookie& c) { return c.expires && *c.expires <= now; });
    cookies_.erase(end, cookies_.end());
    expiring_ = static_cast<std::size_t>(
        std::count_if(cookies_.begin(), cookies_.end(), [](const cookie& c) { return c.expires.has_value(); }));
}

bool cookie_jar::append_header(std::string& out, std::string_view host, std::string_view request_path, bool https) const
{
    if (cookies_.empty()) return false;
    if (expiring_ != 0) drop_expired(std::chrono::system_clock::now());
    const auto path = path_of(request_path);
    const auto mark = out.size();
    bool any = false;
    for (const auto& c : cookies_) {
        if ((c.secure && !https) || !domain_matches(host, c) || !path_matches(path, c.path)) continue;
        out.append(any ? "; " : "Cookie: ");
        out.append(c.name);
        out += '=';
        out.append(c.value);
        any = true;
    }
    if (any)
        out.append("\r\n");
    else
        out.resize(mark);
    return any;
}

std::size_t cookie_jar::header_size_bound() const noexcept
{
    std::size_t n = 10; // "Cookie: " and CRLF
    for (const auto& c : cookies_) n += c.name.size() + c.value.size() + 3;
    return n;
}

std::optional<std::string_view> cookie_jar::get(std::string_view name) const
{
    for (const auto& c : cookies_)
        if (c.name == name) return std::string_view(c.value);
    return std::nullopt;
}

std::size_t cookie_jar::remove(std::string_view name)
{
    const auto before = cookies_.size();
    const auto end = std::remove_if(cookies_.begin(), cookies_.end(), [&](const cookie& c) { return c.name == name; });
    cookies_.erase(end, cookies_.end());
    expiring_ = static_cast<std::size_t>(
        std::count_if(cookies_.begin(), cookies_.end(), [](const cookie& c) { return c.expires.has_value(); }));
    return before - cookies_.size();
}

} // namespace hornet::http
