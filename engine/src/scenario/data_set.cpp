// Reading CSV data sets (RFC 4180) and handing rows to users.
#include "scenario/data_set.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hornet::scenario {

namespace {

using record = std::vector<std::string>;

/// Reads records one at a time; `line` counts physical lines, so quoted newlines count too.
struct csv_reader
{
    const std::string& text;
    std::size_t pos = 0;
    int line = 1;
    std::string error;

    bool at_end() const { return pos >= text.size(); }

    bool line_break_at(std::size_t p) const { return p < text.size() && (text[p] == '\n' || text[p] == '\r'); }

    void skip_line_break()
    {
        if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
        ++pos;
        ++line;
    }

    /// Reads the next record into `out`; `start_line` is the line it began on. Blank lines are
    /// skipped (as Python's csv.DictReader does). False at the end of the text or on an error.
    bool next(record& out, int& start_line)
    {
        out.clear();
        while (!at_end() && line_break_at(pos)) skip_line_break();
        if (at_end()) return false;
        start_line = line;
        std::string field;
        while (true) {
            field.clear();
            if (!at_end() && text[pos] == '"') {
                int quote_line = line;
                ++pos;
                while (true) {
                    if (at_end()) {
                        error = "line " + std::to_string(quote_line) + ": a quoted field is not closed";
                        line = quote_line;
                        return false;
                    }
                    char c = text[pos];
                    if (c == '"') {
                        if (pos + 1 < text.size() && text[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && !(pos + 1 < text.size() && text[pos + 1] == '\n'))) ++line;
                    field += c;
                    ++pos;
                }
                if (!at_end() && text[pos] != ',' && !line_break_at(pos)) {
                    error = "line " + std::to_string(line) +
                            ": unexpected text after a closing quote (write \"\" for a quote inside a quoted field)";
                    return false;
                }
            } else {
                // Unquoted: up to the next comma or line break; a stray quote is kept as is.
                std::size_t end = pos;
                while (end < text.size() && text[end] != ',' && text[end] != '\n' && text[end] != '\r') ++end;
                field.assign(text, pos, end - pos);
                pos = end;
            }
            out.push_back(field);
            if (at_end()) return true;
            if (text[pos] == ',') {
                ++pos;
                continue;
            }
            skip_line_break();
            return true;
        }
    }
};

// The message already says the line (or the path): `line` is for callers that point at it, and
// the JSON loader adds which data set of the scenario it was.
load_error csv_error(int line, std::string message)
{
    load_error e;
    e.line = line;
    e.message = std::move(message);
    return e;
}

} // namespace

data_set::load_result data_set::load_text(const std::string& name, const std::string& text, order how)
{
    csv_reader reader{text, 0, 1, {}};
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) reader.pos = 3;
    auto set = std::make_shared<data_set>();
    set->name_ = name;
    set->order_ = how;
    record rec;
    int line = 0;
    if (!reader.next(rec, line)) {
        if (reader.error.empty()) return csv_error(0, "the file is empty: its first line must name the columns");
        return csv_error(reader.line, reader.error);
    }
    for (std::size_t i = 0; i < rec.size(); ++i) {
        if (rec[i].empty()) {
            return csv_error(line, "line " + std::to_string(line) + ": column " + std::to_string(i + 1) +
                                       " of the header has no name");
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (rec[j] == rec[i])
                return csv_error(line, "line " + std::to_string(line) + ": column \"" + rec[i] +
                                           "\" appears twice in the header");
        }
    }
    set->columns_ = rec;
    while (reader.next(rec, line)) {
        if (rec.size() != set->columns_.size()) {
            return csv_error(line, "line " + std::to_string(line) + ": " + std::to_string(rec.size()) +
                                       (rec.size() == 1 ? " field" : " fields") + ", header has " +
                                       std::to_string(set->columns_.size()));
        }
        set->rows_.push_back(rec);
    }
    if (!reader.error.empty()) return csv_error(reader.line, reader.error);
    if (set->rows_.empty()) return csv_error(0, "no data: the file has a header line but no rows");
    return set;
}

data_set::load_result data_set::load_file(const std::string& name, const std::string& path, order how)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return csv_error(0, "cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return csv_error(0, "cannot read " + path + ": " + std::strerror(errno));
    return load_text(name, text.str(), how);
}

std::optional<std::size_t> data_set::column(const std::string& name) const
{
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == name) return i;
    return std::nullopt;
}

std::size_t data_set::take_row(std::mt19937_64& rng)
{
    if (rows_.empty()) return 0;
    if (order_ == order::random) return std::uniform_int_distribution<std::size_t>(0, rows_.size() - 1)(rng);
    return next_.fetch_add(1, std::memory_order_relaxed) % rows_.size();
}

} // namespace hornet::scenario
