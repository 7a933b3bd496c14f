// Query strings and application/x-www-form-urlencoded bodies: strict decoding, so that a broken
// request is answered with a reason instead of being half understood.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::web {

/// The decoded fields of a query string or form body, in order; a name may repeat.
class form
{
public:
    using field = std::pair<std::string, std::string>;

    /// Parses "a=1&b=x+y&c=%2F". '+' is a space; a bare "a" has an empty value; empty pieces
    /// ("a=1&&b=2") are skipped. nullopt, with `error` saying where, for a bad %-escape.
    static std::optional<form> parse(std::string_view text, std::string* error = nullptr);

    /// The first value of `name`, if any.
    std::optional<std::string_view> get(std::string_view name) const;
    /// Every value of `name`, in order.
    std::vector<std::string> all(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }

    const std::vector<field>& fields() const noexcept { return fields_; }

private:
    std::vector<field> fields_;
};

/// Decodes %XX escapes and '+' (as a space when `plus_is_space`); nullopt for a '%' not
/// followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

/// Splits a request target into its path and its query (without '?').
std::pair<std::string_view, std::string_view> split_target(std::string_view target);

} // namespace hornet::web
