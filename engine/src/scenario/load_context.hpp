// What the parts of the JSON loader share: the source map for positions, the template scope of
// the class being loaded, and the checks that turn a wrong value into a precise error.
#pragma once

#include "scenario/source_map.hpp"
#include "scenario/template_text.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::scenario {

/// A problem found while loading. Thrown inside the loader only (it unwinds a deep recursive
/// descent in one step) and turned into a load_error at its boundary.
struct invalid
{
    std::string pointer;
    std::string message;
    text_position position;
};

/// Thrown when the loader has recorded as many mistakes as a person reads at once.
struct too_many_mistakes
{};

/// How many mistakes one load reports before it stops.
inline constexpr std::size_t max_load_mistakes = 20;

class load_context
{
public:
    using json = nlohmann::json;

    explicit load_context(const source_map& map) : map_(map) {}

    const source_map& map() const { return map_; }

    /// Names templates may use while the current class is loaded.
    template_scope scope;

    /// Fails at the value at `pointer`.
    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const;
    /// Fails at the key `key` of the object at `object_pointer` (the pointer reported is the object's).
    [[noreturn]] void fail_key(const std::string& object_pointer, const std::string& key,
                               const std::string& message) const;

    /// Every key of `obj` must be in `allowed`; an unknown one fails with a did-you-mean.
    void check_keys(const json& obj, const std::string& pointer, const std::vector<std::string>& allowed) const;

    /// `v` must have `type` (number_float accepts any number, number_integer any integer).
    const json& expect(const json& v, const std::string& pointer, json::value_t type, const char* what) const;
    double number(const json& v, const std::string& pointer, double min_value, const char* what) const;
    std::int64_t whole(const json& v, const std::string& pointer, std::int64_t lo, std::int64_t hi,
                       const char* what) const;
    std::string string_of(const json& v, const std::string& pointer, const char* what) const;

    /// Parses the template in the string value at `pointer`; an error points into the string.
    template_text parse(const std::string& text, const std::string& pointer, escape esc = escape::none) const;
    /// Runs the loader of one sibling (a class, a task, a step…): a mistake it throws is recorded
    /// and false returned, so loading goes on with the next sibling and a person sees every
    /// mistake of the file at once. Throws too_many_mistakes once the limit is reached.
    template <class Load>
    bool attempt(Load&& load) const
    {
        try {
            load();
            return true;
        } catch (const invalid& e) {
            record(e);
            return false;
        }
    }
    void record(const invalid& e) const;
    /// Mistakes recorded so far, in the order found (the caller sorts them into file order).
    const std::vector<invalid>& mistakes() const { return mistakes_; }

    /// A suspicious value that still loads: printed as a warning with its place.
    void warn(const std::string& pointer, std::string message, text_position position) const;
    const std::vector<invalid>& warnings() const { return warnings_; }

    /// Warns about a "{name}" in `text` (a path, query value or header at `pointer`) that looks like
    /// a Python placeholder left from a locustfile: it would be sent as written.
    void warn_single_braces(const std::string& text, const std::string& pointer) const;

    /// Parses a string value of a "json" body, where "{{json:EXPR}}" (the whole string) is a typed
    /// value: the result is then that one placeholder, to be written without quotes.
    template_text parse_json_value(const std::string& text, const std::string& pointer) const;
    /// Parses the template in a key of the object at `object_pointer`.
    template_text parse_key(const std::string& key, const std::string& object_pointer, escape esc) const;

private:
    const source_map& map_;
    mutable std::vector<invalid> mistakes_;
    mutable std::vector<invalid> warnings_;
};

/// "a string", "an integer", … for messages.
std::string type_name(const nlohmann::json& v);

/// True for names templates can refer to: [A-Za-z_][A-Za-z0-9_]*.
bool is_identifier(std::string_view name);

/// Appends `t`'s parts to `out`, merging adjacent literal text.
void append(template_text& out, const template_text& t);
/// Appends literal text to `out`.
void append(template_text& out, std::string_view literal);

/// True when `t` is one {{json:…}} placeholder (written as a JSON value, not inside quotes).
bool is_typed_value(const template_text& t);

/// A template of literal text only, escaped for `esc`.
template_text escaped_literal(std::string_view text, escape esc);

} // namespace hornet::scenario
