// Python-style column padding.
#include "report/text_columns.hpp"

#include <algorithm>

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

std::string aligned_table(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<std::size_t> width;
    for (const auto& row : rows) {
        if (width.size() < row.size()) width.resize(row.size());
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_length(row[c]));
    }
    std::size_t total = 0;
    for (auto w : width) total += w + 2;
    const std::string rule(total > 2 ? total - 2 : 0, '-');
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            line += c + 1 == rows[r].size() ? rows[r][c] : pad_right(rows[r][c], width[c] + 2);
        out += line + "\n";
        if (r == 0) out += rule + "\n";
    }
    return out + rule + "\n";
}

} // namespace hornet::report
