// Escaping rendered values for JSON string literals and URL components.
#include "scenario/escaping.hpp"

namespace hornet::scenario {

namespace {
constexpr char hex_digits[] = "0123456789ABCDEF";
} // namespace

void append_escaped(std::string& out, std::string_view text, escape esc)
{
    if (esc == escape::none) {
        out.append(text);
        return;
    }
    std::size_t i = 0;
    while (i < text.size()) {
        // Copy runs of plain characters in one go: most values have nothing to escape.
        std::size_t run = i;
        while (run < text.size() && is_plain(text[run], esc)) ++run;
        out.append(text.data() + i, run - i);
        if (run == text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[run]);
        if (esc == escape::json_string) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += static_cast<char>(c);
            } else {
                char u[6] = {'\\', 'u', '0', '0', hex_digits[c >> 4], hex_digits[c & 0xF]};
                out.append(u, sizeof u);
            }
        } else {
            char p[3] = {'%', hex_digits[c >> 4], hex_digits[c & 0xF]};
            out.append(p, sizeof p);
        }
        i = run + 1;
    }
}

} // namespace hornet::scenario
