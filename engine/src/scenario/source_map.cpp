// A minimal JSON walker that records the position of every value and key.
#include "scenario/source_map.hpp"

namespace hornet::scenario {

namespace {

class walker
{
public:
    walker(std::string_view text, std::unordered_map<std::string, text_position>& values,
           std::unordered_map<std::string, text_position>& keys, std::unordered_set<std::string>& escaped_values,
           std::unordered_set<std::string>& escaped_keys)
        : text_(text), values_(values), keys_(keys), escaped_values_(escaped_values), escaped_keys_(escaped_keys)
    {}

    void run() { value(""); }

private:
    void skip_ws()
    {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == '\n') {
                ++line_;
                col_ = 1;
                ++pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++col_;
                ++pos_;
            } else {
                break;
            }
        }
    }

    void advance()
    {
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) ++col_;
        ++pos_;
    }

    std::string string_token(bool& escaped)
    {
        std::string out;
        escaped = false;
        advance(); // opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
                escaped = true;
                advance();
                char e = text_[pos_];
                switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': out += '?'; break; // keys with \u escapes are rare; position still right
                default: out += e;
                }
                advance();
            } else {
                out += text_[pos_];
                advance();
            }
        }
        if (pos_ < text_.size()) advance(); // closing quote
        return out;
    }

    void value(const std::string& pointer)
    {
        skip_ws();
        if (pos_ >= text_.size()) return;
        values_.emplace(pointer, text_position{line_, col_});
        char c = text_[pos_];
        if (c == '{') {
            advance();
            skip_ws();
            if (pos_ < text_.size() && text_[pos_] == '}') {
                advance();
                return;
            }
            while (pos_ < text_.size()) {
                skip_ws();
                text_position key_pos{line_, col_};
                bool escaped = false;
                std::string key = string_token(escaped);
                std::string child = pointer + "/" + pointer_escape(key);
                keys_.emplace(child, key_pos);
                if (escaped) escaped_keys_.insert(child);
                skip_ws();
                if (pos_ < text_.size() && text_[pos_] == ':') advance();
                value(child);
                skip_ws();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    advance();
                    continue;
                }
                if (pos_ < text_.size()) advance(); // '}'
                return;
            }
        } else if (c == '[') {
            advance();
            skip_ws();
            if (pos_ < text_.size() && text_[pos_] == ']') {
                advance();
                return;
            }
            for (std::size_t i = 0; pos_ < text_.size(); ++i) {
                value(pointer + "/" + std::to_string(i));
                skip_ws();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    advance();
                    continue;
                }
                if (pos_ < text_.size()) advance(); // ']'
                return;
            }
        } else if (c == '"') {
            bool escaped = false;
            string_token(escaped);
            if (escaped) escaped_values_.insert(pointer);
        } else {
            while (pos_ < text_.size()) {
                char d = text_[pos_];
                if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') break;
                advance();
            }
        }
    }

    std::string_view text_;
    std::unordered_map<std::string, text_position>& values_;
    std::unordered_map<std::string, text_position>& keys_;
    std::unordered_set<std::string>& escaped_values_;
    std::unordered_set<std::string>& escaped_keys_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int col_ = 1;
};

} // namespace

std::string pointer_escape(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

source_map::source_map(std::string_view text)
{
    walker(text, values_, keys_, escaped_values_, escaped_keys_).run();
}

text_position source_map::at(std::string pointer) const
{
    for (;;) {
        if (auto it = values_.find(pointer); it != values_.end()) return it->second;
        if (pointer.empty()) return {};
        pointer.erase(pointer.rfind('/'));
    }
}

text_position source_map::key_at(const std::string& object_pointer, const std::string& key) const
{
    if (auto it = keys_.find(object_pointer + "/" + pointer_escape(key)); it != keys_.end()) return it->second;
    return at(object_pointer);
}

namespace {
// Inside a string without escapes, each character of the decoded text is one column.
text_position advance_in(text_position start, std::string_view value, std::size_t offset)
{
    ++start.column; // the opening quote
    for (std::size_t i = 0; i < offset && i < value.size(); ++i)
        if ((static_cast<unsigned char>(value[i]) & 0xC0) != 0x80) ++start.column;
    return start;
}
} // namespace

text_position source_map::in_string(const std::string& pointer, std::string_view value, std::size_t offset) const
{
    auto it = values_.find(pointer);
    if (it == values_.end()) return at(pointer);
    if (escaped_values_.count(pointer)) return it->second;
    return advance_in(it->second, value, offset);
}

text_position source_map::in_key(const std::string& object_pointer, const std::string& key, std::size_t offset) const
{
    std::string child = object_pointer + "/" + pointer_escape(key);
    auto it = keys_.find(child);
    if (it == keys_.end()) return at(object_pointer);
    if (escaped_keys_.count(child)) return it->second;
    return advance_in(it->second, key, offset);
}

text_position source_map::position_of(std::string_view text, std::size_t offset)
{
    text_position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

} // namespace hornet::scenario
