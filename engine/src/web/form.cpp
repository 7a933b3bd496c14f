// Form and query decoding.
#include "web/form.hpp"

namespace hornet::web {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex_value(text[i + 1]);
            int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<form> form::parse(std::string_view text, std::string* error)
{
    form f;
    while (!text.empty()) {
        auto amp = text.find('&');
        auto piece = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (piece.empty()) continue;
        auto eq = piece.find('=');
        auto raw_name = piece.substr(0, eq);
        auto raw_value = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
        auto name = percent_decode(raw_name, true);
        auto value = percent_decode(raw_value, true);
        if (!name || !value) {
            if (error) *error = "bad %-escape in '" + std::string(piece.substr(0, 100)) + "'";
            return std::nullopt;
        }
        f.fields_.emplace_back(std::move(*name), std::move(*value));
    }
    return f;
}

std::optional<std::string_view> form::get(std::string_view name) const
{
    for (const auto& [n, v] : fields_)
        if (n == name) return std::string_view(v);
    return std::nullopt;
}

std::vector<std::string> form::all(std::string_view name) const
{
    std::vector<std::string> out;
    for (const auto& [n, v] : fields_)
        if (n == name) out.push_back(v);
    return out;
}

std::pair<std::string_view, std::string_view> split_target(std::string_view target)
{
    auto q = target.find('?');
    if (q == std::string_view::npos) return {target, {}};
    return {target.substr(0, q), target.substr(q + 1)};
}

} // namespace hornet::web
