// URL parsing with Boost.URL; the per-request join is hand-rolled so it does not allocate.
#include "http/url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <array>

namespace hornet::http {

namespace {

bool istarts_with(std::string_view s, std::string_view prefix) noexcept
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

// Bytes allowed verbatim in an origin-form request-target; '%' passes so that already
// encoded targets are not encoded twice (requests' requote_uri does the same).
constexpr std::array<bool, 256> make_target_table()
{
    std::array<bool, 256> t{};
    for (int c = 0x21; c < 0x7f; ++c) t[static_cast<std::size_t>(c)] = true;
    for (char c : std::string_view("\"<>\\^`{|}#")) t[static_cast<unsigned char>(c)] = false;
    return t;
}
constexpr auto target_ok = make_target_table();

void append_encoded(std::string& out, std::string_view s)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (target_ok[c]) continue;
        out.append(s.data() + run, i - run);
        const char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
        out.append(esc, 3);
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

std::string base64(std::string_view in)
{
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string lower(std::string s)
{
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

core::failure invalid(std::string why)
{
    return {core::error::invalid_url, std::move(why)};
}

// Shared by parse_url and parse_base_url; `is_base` decides whether the query is part
// of the result (a target) or an error (a base URL).
core::result<base_url> parse_absolute(std::string_view text, bool is_base)
{
    const std::string shown(text);
    if (text.empty()) return invalid("empty URL");
    if (!istarts_with(text, "http://") && !istarts_with(text, "https://")) {
        const auto colon = text.find("://");
        if (colon == std::string_view::npos)
            return invalid("Invalid URL '" + shown + "': No scheme supplied. Perhaps you meant http://" + shown + "?");
        return invalid("Invalid URL '" + shown + "': unsupported scheme '" + std::string(text.substr(0, colon)) +
                       "' (use http:// or https://)");
    }
    // Encode what a user may type but a URI cannot hold (spaces, quotes) before parsing.
    std::string cleaned;
    append_encoded(cleaned, text.substr(0, text.find('#')));
    auto parsed = boost::urls::parse_uri(cleaned);
    if (!parsed) return invalid("Invalid URL '" + shown + "': " + parsed.error().message());
    const boost::urls::url_view u = *parsed;
    base_url url;
    auto& o = url.origin;
    o.tls = u.scheme_id() == boost::urls::scheme::https;
    std::string host;
    switch (u.host_type()) {
    case boost::urls::host_type::ipv4:
    case boost::urls::host_type::name: host = lower(u.host_address()); break;
    case boost::urls::host_type::ipv6: host = lower(std::string(u.encoded_host_address())); break;
    default: break;
    }
    if (host.empty()) return invalid("Invalid URL '" + shown + "': no host");
    o.host = host;
    const std::uint16_t default_port = o.tls ? 443 : 80;
    o.port = default_port;
    if (u.has_port() && !u.port().empty()) {
        // Boost.URL accepts any digit string as a port; only 1-65535 can be connected to.
        unsigned long port = 0;
        for (char c : u.port()) {
            port = port * 10 + static_cast<unsigned long>(c - '0');
            if (port > 65535) break;
        }
        if (port == 0 || port > 65535)
            return invalid("Invalid URL '" + shown + "': invalid port '" + std::string(u.port()) + "'");
        o.port = static_cast<std::uint16_t>(port);
    }
    const bool ipv6 = u.host_type() == boost::urls::host_type::ipv6;
    url.host_header = ipv6 ? "[" + host + "]" : host;
    if (o.port != default_port) url.host_header += ":" + std::to_string(o.port);
    url.origin_text = (o.tls ? "https://" : "http://") + url.host_header;
    if (u.has_userinfo()) url.authorization = "Basic " + base64(u.user() + ":" + u.password());

    if (is_base) {
        if (u.has_query()) return invalid("Invalid URL '" + shown + "': a base URL cannot have a query");
        std::string_view path = u.encoded_path();
        while (!path.empty() && path.back() == '/') path.remove_suffix(1);
        append_encoded(url.path, path);
    } else {
        append_target(url.path, {}, u.encoded_target());
    }
    return url;
}

} // namespace

core::result<base_url> parse_base_url(std::string_view text)
{
    return parse_absolute(text, true);
}

core::result<base_url> parse_url(std::string_view text)
{
    return parse_absolute(text, false);
}

bool is_absolute_url(std::string_view target) noexcept
{
    return istarts_with(target, "http://") || istarts_with(target, "https://");
}

std::pair<std::string_view, std::string_view> split_origin(std::string_view url) noexcept
{
    if (!is_absolute_url(url)) return {{}, url};
    const auto slash = url.find('/', url.find("//") + 2);
    if (slash == std::string_view::npos) return {url, "/"};
    return {url.substr(0, slash), url.substr(slash)};
}

void append_target(std::string& out, std::string_view prefix, std::string_view target)
{
    if (const auto hash = target.find('#'); hash != std::string_view::npos) target = target.substr(0, hash);
    out.append(prefix);
    if (target.empty() || target.front() == '?') {
        if (prefix.empty()) out += '/';
    } else if (target.front() != '/') {
        out += '/';
    } else if (!prefix.empty()) {
        while (target.size() > 1 && target[1] == '/') target.remove_prefix(1);
    }
    append_encoded(out, target);
}

std::string resolve_location(std::string_view current_url, std::string_view location)
{
    std::string cleaned;
    append_encoded(cleaned, location.substr(0, location.find('#')));
    auto base = boost::urls::parse_uri(current_url);
    auto ref = boost::urls::parse_uri_reference(cleaned);
    if (!base || !ref) return {};
    boost::urls::url dest;
    if (!boost::urls::resolve(*base, *ref, dest)) return {};
    dest.remove_fragment();
    std::string s(dest.buffer());
    return is_absolute_url(s) ? s : std::string();
}

} // namespace hornet::http
