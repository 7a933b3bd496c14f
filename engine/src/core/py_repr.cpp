// Python str repr.
#include "core/py_repr.hpp"

#include <cstdint>

namespace hornet::core {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void put_hex(std::string& out, std::uint32_t v, int digits)
{
    for (int i = digits - 1; i >= 0; --i) out += hex_digits[(v >> (4 * i)) & 15];
}

// Code points Python's str.isprintable() rejects, besides the ASCII controls: the Unicode
// categories Cc, Cf, Zl, Zp, Zs (but the space), Co and Cs that real error texts can contain.
bool printable(std::uint32_t cp) noexcept
{
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad) return false;
    if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61c || cp == 0x6dd || cp == 0x70f || cp == 0x8e2) return false;
    if (cp == 0x1680 || cp == 0x180e) return false;
    if ((cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x2064) ||
        (cp >= 0x2066 && cp <= 0x206f))
        return false;
    if (cp == 0x3000 || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb) || cp == 0xfffe || cp == 0xffff) return false;
    if (cp >= 0xd800 && cp <= 0xf8ff) return false; // surrogates and private use
    if (cp == 0x110bd || cp == 0x110cd || (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a))
        return false;
    if (cp == 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f)) return false;
    if (cp >= 0xf0000) return false; // supplementary private use
    return true;
}

} // namespace

bool valid_utf8(std::string_view text) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xc2 && c <= 0xdf) {
            len = 2;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            len = 3;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false; // continuation byte, overlong 2-byte lead (c0, c1) or beyond f4
        }
        if (static_cast<std::size_t>(end - p) < len) return false;
        for (std::size_t i = 1; i < len; ++i) {
            if ((p[i] & 0xc0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += len;
    }
    return true;
}

std::string py_repr(std::string_view text)
{
    const bool has_single = text.find('\'') != std::string_view::npos;
    const bool has_double = text.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(text.size() + 2);
    out += quote;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    const bool utf8 = valid_utf8(text);
    while (p < end) {
        std::uint32_t cp = *p;
        std::size_t len = 1;
        if (utf8 && cp >= 0x80) {
            len = cp >= 0xf0 ? 4 : cp >= 0xe0 ? 3 : 2;
            cp &= len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f;
            for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp == static_cast<unsigned char>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (!printable(cp)) {
            if (cp <= 0xff) {
                out += "\\x";
                put_hex(out, cp, 2);
            } else if (cp <= 0xffff) {
                out += "\\u";
                put_hex(out, cp, 4);
            } else {
                out += "\\U";
                put_hex(out, cp, 8);
            }
        } else {
            out.append(reinterpret_cast<const char*>(p), len);
        }
        p += len;
    }
    out += quote;
    return out;
}

} // namespace hornet::core
