// Query-string and cookie parsing for the demo target.
#include "demo/query.hpp"

#include <cstdint>

namespace hornet::demo {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// Calls f(piece) for each piece of text between separators.
template <class F>
void for_each_piece(std::string_view text, char separator, F&& f)
{
    while (!text.empty()) {
        const auto end = text.find(separator);
        f(text.substr(0, end));
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
}

} // namespace

std::string percent_decode(std::string_view text, bool plus_is_space)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
    return out;
}

name_value_list parse_query(std::string_view query)
{
    name_value_list out;
    for_each_piece(query, '&', [&](std::string_view pair) {
        if (pair.empty()) {
            return;
        }
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) {
            out.emplace_back(percent_decode(pair, true), std::string());
        } else {
            out.emplace_back(percent_decode(pair.substr(0, eq), true), percent_decode(pair.substr(eq + 1), true));
        }
    });
    return out;
}

std::optional<std::string> query_param(std::string_view query, std::string_view name)
{
    std::optional<std::string> found;
    for_each_piece(query, '&', [&](std::string_view pair) {
        if (found) {
            return;
        }
        const auto eq = pair.find('=');
        const auto key = pair.substr(0, eq);
        if (percent_decode(key, true) == name) {
            found = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
        }
    });
    return found;
}

name_value_list parse_cookies(std::string_view header)
{
    name_value_list out;
    for_each_piece(header, ';', [&](std::string_view piece) {
        piece = trim(piece);
        const auto eq = piece.find('=');
        if (piece.empty() || eq == 0 || eq == std::string_view::npos) {
            return;
        }
        auto value = trim(piece.substr(eq + 1));
        // RFC 6265 allows the value to be wrapped in double quotes.
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        out.emplace_back(std::string(trim(piece.substr(0, eq))), std::string(value));
    });
    return out;
}

std::optional<std::uint64_t> parse_uint(std::string_view text)
{
    if (text.empty() || text.size() > 20) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (UINT64_MAX - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

} // namespace hornet::demo
