// A small UTF-8 decoder: only what cleaning needs (no normalisation, no width).
#include "report/utf8_text.hpp"

namespace hornet::report {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view ellipsis = "\xE2\x80\xA6";    // U+2026

bool continuation(unsigned char c) noexcept
{
    return (c & 0xC0) == 0x80;
}

// Length of the well-formed sequence at `pos` and its code point, or 0 when malformed
// (overlong forms, surrogates and values past U+10FFFF count as malformed, as RFC 3629 says).
std::size_t decode(std::string_view text, std::size_t pos, char32_t& cp) noexcept
{
    const auto c = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    char32_t min = 0;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        length = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + i]);
        if (!continuation(next)) return 0;
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

bool xml_char(char32_t cp) noexcept
{
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    return cp != 0xFFFE && cp != 0xFFFF;
}

} // namespace

std::string xml_safe_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        const std::size_t length = decode(text, pos, cp);
        if (length == 0) {
            out += replacement;
            ++pos;
            continue;
        }
        if (xml_char(cp)) out.append(text.substr(pos, length));
        pos += length;
    }
    return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes)
{
    if (text.size() <= max_bytes) return std::string(text);
    if (max_bytes < ellipsis.size()) return {};
    std::size_t cut = max_bytes - ellipsis.size();
    while (cut > 0 && continuation(static_cast<unsigned char>(text[cut]))) --cut;
    std::string out(text.substr(0, cut));
    out += ellipsis;
    return out;
}

} // namespace hornet::report
