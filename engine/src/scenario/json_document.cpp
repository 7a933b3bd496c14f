// Parsing a JSON file with positions for every error (shared by scenarios and --shape files).
#include "scenario/json_document.hpp"

#include "scenario/source_map.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace hornet::scenario {

using json = nlohmann::json;

namespace {

// Deeper documents are refused before anything walks them recursively.
constexpr int max_nesting = 64;

// nlohmann reports the offset after the offending token; a person wants where it starts.
std::size_t token_start(std::string_view text, std::size_t last)
{
    if (last >= text.size()) return text.empty() ? 0 : text.size() - 1;
    if (text[last] == '"' && last > 0) {
        for (std::size_t i = last; i-- > 0;)
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\')) return i;
        return last;
    }
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+'; };
    if (!word(text[last])) return last;
    while (last > 0 && word(text[last - 1])) --last;
    return last;
}

// Offset of the bracket that opens level max_nesting + 1, if the (valid) text has one.
std::optional<std::size_t> too_deep(std::string_view text)
{
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_nesting) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<load_error> read_json_document(std::string_view text, const std::string& file,
                                             const std::function<void(load_context&, const json&)>& read)
{
    load_error error;
    error.file = file;
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        std::string what = e.what();
        auto pos = source_map::position_of(text, token_start(text, e.byte > 0 ? e.byte - 1 : 0));
        error.line = pos.line;
        error.column = pos.column;
        auto colon = what.find(": ", what.find("column"));
        error.message = "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2));
        return error;
    } catch (const json::exception& e) {
        // e.g. out_of_range for a number such as 1e999: no position, but still one clear line.
        std::string what = e.what();
        auto bracket = what.find("] ");
        error.message = "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
        return error;
    }
    if (auto deep = too_deep(text)) {
        auto pos = source_map::position_of(text, *deep);
        error.line = pos.line;
        error.column = pos.column;
        error.message = "the document nests more than " + std::to_string(max_nesting) + " levels deep";
        return error;
    }
    source_map map(text);
    load_context ctx(map);
    bool stopped = false;
    try {
        ctx.attempt([&] { read(ctx, doc); });
    } catch (const too_many_mistakes&) {
        stopped = true;
    } catch (const json::exception& e) {
        error.message = e.what();
        return error;
    }
    if (ctx.mistakes().empty()) return std::nullopt;
    // Found class by class and part by part; a person reads them top to bottom.
    std::vector<invalid> found = ctx.mistakes();
    std::stable_sort(found.begin(), found.end(), [](const invalid& a, const invalid& b) {
        return std::pair(a.position.line, a.position.column) < std::pair(b.position.line, b.position.column);
    });
    error = located(file, found.front());
    for (std::size_t i = 1; i < found.size(); ++i) error.more.push_back(located(file, found[i]));
    if (stopped)
        error.more.push_back(load_error::whole_file(file, "stopped after " + std::to_string(max_load_mistakes) +
                                                              " mistakes: fix these and load again"));
    return error;
}

load_error located(const std::string& file, const invalid& problem)
{
    load_error e;
    e.file = file;
    e.line = problem.position.line;
    e.column = problem.position.column;
    e.pointer = problem.pointer;
    e.message = problem.message;
    return e;
}

bool read_text_file(const std::string& path, std::string& text)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return true;
}

} // namespace hornet::scenario
