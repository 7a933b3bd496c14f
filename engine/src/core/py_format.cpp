// Python-compatible float formatting.
#include "core/py_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hornet::core {

std::string py_float(double value)
{
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";

    // Shortest round-trip digits in scientific form: "d.ddde[+-]xx".
    char sci[64];
    auto [end, ec] = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    std::string s(sci, end);
    bool negative = s[0] == '-';
    if (negative) s.erase(0, 1);
    auto e_pos = s.find('e');
    int exponent = std::atoi(s.c_str() + e_pos + 1);
    std::string digits;
    for (std::size_t i = 0; i < e_pos; ++i)
        if (s[i] != '.') digits += s[i];

    std::string out;
    if (exponent >= -5 + 1 && exponent < 16) {
        // Fixed notation, as repr does for 1e-4 <= |x| < 1e16.
        int point = exponent + 1; // digits before the decimal point
        if (point <= 0) {
            out = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
        } else if (static_cast<std::size_t>(point) >= digits.size()) {
            out = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, static_cast<std::size_t>(point)) + "." +
                  digits.substr(static_cast<std::size_t>(point));
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out += exp;
    }
    return negative ? "-" + out : out;
}

std::string seconds_text(double seconds)
{
    if (std::floor(seconds) == seconds && std::fabs(seconds) < 1e15)
        return std::to_string(static_cast<long long>(seconds));
    return py_float(seconds);
}

std::string fixed(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

} // namespace hornet::core
