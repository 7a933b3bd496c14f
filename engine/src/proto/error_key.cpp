// Python str repr and the SHA-256 error key.
#include "proto/error_key.hpp"

#include "proto/value.hpp"

#include <openssl/sha.h>

#include <cstdint>

namespace hornet::proto {

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

std::string python_repr(std::string_view text)
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

std::string error_key(std::string_view method, std::string_view name, std::string_view error)
{
    std::string text;
    text.reserve(method.size() + name.size() + error.size() + 8);
    text.append(method).append(".").append(name).append(".").append(python_repr(error));
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    std::string out;
    out.reserve(2 * SHA256_DIGEST_LENGTH);
    for (unsigned char b : digest) put_hex(out, b, 2);
    return out;
}

} // namespace hornet::proto
