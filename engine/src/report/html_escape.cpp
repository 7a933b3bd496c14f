#include "report/html_escape.hpp"

namespace hornet::report {

std::string html_escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        // A NUL is not allowed in HTML text and would end a C string reading the file.
        case '\0': out += "&#xFFFD;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace hornet::report
