// Python-style column padding.
#include "report/text_columns.hpp"

namespace hornet::report {

std::size_t display_length(std::string_view text) noexcept
{
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n; // count every byte that is not a continuation byte
    return n;
}

std::string pad_right(std::string_view text, std::size_t width)
{
    std::string out(text);
    std::size_t len = display_length(text);
    if (len < width) out.append(width - len, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width)
{
    std::size_t len = display_length(text);
    std::string out;
    if (len < width) out.assign(width - len, ' ');
    out += text;
    return out;
}

} // namespace hornet::report
