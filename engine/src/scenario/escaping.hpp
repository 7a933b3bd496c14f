// Writing text into a JSON string literal or a URL component, for templates' escape modes.
#pragma once

#include "scenario/template_text.hpp"

#include <string>
#include <string_view>

namespace hornet::scenario {

/// Appends `text` to `out` escaped for `esc`. Allocation-free when `out` has the capacity.
/// json_string: `"`, `\` and control characters (as \u00XX); bytes >= 0x80 pass through.
/// url_component: everything but A-Z a-z 0-9 - . _ ~ is percent-encoded (%XX, upper case).
void append_escaped(std::string& out, std::string_view text, escape esc);

/// True when `c` is written as is in `esc` mode.
inline bool is_plain(char c, escape esc) noexcept
{
    unsigned char u = static_cast<unsigned char>(c);
    switch (esc) {
    case escape::none: return true;
    case escape::json_string: return u >= 0x20 && c != '"' && c != '\\';
    case escape::url_component:
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
               c == '_' || c == '~';
    }
    return true;
}

} // namespace hornet::scenario
