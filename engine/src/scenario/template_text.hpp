// A text with {{…}} placeholders (variables, generators, counters, data columns), parsed once
// when the scenario loads and rendered for each request without re-parsing.
#pragma once

#include "core/error.hpp"

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::scenario {

class data_set;

/// How a rendered value is written into the surrounding text.
enum class escape {
    none,          ///< as is (paths, header values, raw bodies)
    json_string,   ///< inside a JSON string literal: quotes, backslashes, control chars escaped
    url_component, ///< a query parameter name or value, a form field: percent-encoded
};

/// One {{…}} placeholder, resolved against the scenario at load time.
struct placeholder
{
    enum class kind {
        variable,          ///< {{name}}: a user variable (from extract or "variables"); slot
        user_id,           ///< {{user.id}}: the user's number, 1-based, unique in the process
        user_counter,      ///< {{counter.user}}: 1, 2, 3… per user, each use increments
        global_counter,    ///< {{counter.global}}: 1, 2, 3… over all users of the process
        random_int,        ///< {{random.int(lo, hi)}}: lo..hi inclusive
        random_digits,     ///< {{random.digits(n)}}: n decimal digits, first one not 0
        random_string,     ///< {{random.string(n)}}: n letters and digits
        random_uuid,       ///< {{random.uuid}}: a version 4 UUID
        random_choice,     ///< {{random.choice(a, b, c)}}: one of the choices
        random_name,       ///< {{random.name}}: "First Last" from built-in lists
        random_first_name, ///< {{random.first_name}}
        random_last_name,  ///< {{random.last_name}}
        random_email,      ///< {{random.email}}: first.last1234@example.com
        data_column,       ///< {{customers.email}}: column of the user's row of a CSV data set
        constant,          ///< {{json:env.NAME}}: text known at load time (choices[0]), typed when rendered
    };
    kind type = kind::variable;
    std::size_t slot = 0;             ///< variable slot, or data set index
    std::size_t column = 0;           ///< data_column: column index
    std::int64_t lo = 0;              ///< random_int low; random_digits/random_string length
    std::int64_t hi = 0;              ///< random_int high
    std::vector<std::string> choices; ///< random_choice
    escape esc = escape::none;
    /// {{json:…}}: the value is written as a JSON value (number, boolean, null, object, array
    /// or a quoted string), not as text inside a string; only the whole of a "json" body string.
    bool typed = false;
    std::string text; ///< the placeholder as written, for messages ("{{id}}")
};

struct template_text
{
    /// Literal text and placeholders in order; a part is one or the other.
    struct part
    {
        std::string literal;
        std::optional<placeholder> value;
    };
    std::vector<part> parts;

    /// True when no placeholder remains (env variables are substituted at load time).
    bool is_literal() const;
    /// The text when is_literal(); empty otherwise.
    std::string literal() const;
};

/// What names a template may use: the class's variables and data sets, and the environment.
struct template_scope
{
    std::vector<std::string> variables; ///< slot = index
    std::vector<const data_set*> data;  ///< index = data set index
    /// Looks up an environment variable ({{env.NAME}}); nullopt when unset. When empty, the
    /// process environment (getenv) is used.
    std::function<std::optional<std::string>(const std::string&)> env;
};

/// Why a template does not parse. The offset, not a line, because the loader maps it into the
/// scenario file (a string's characters are escaped there) to print file:line:column.
struct template_error
{
    boost::system::error_code code = core::error::invalid_scenario;
    std::size_t offset = 0; ///< where in the text the problem starts
    std::string message;    ///< e.g. unknown generator "random.nmae" (did you mean "random.name"?)
};

/// Used by template_parse_result::value() on a failure (found by argument-dependent lookup).
[[noreturn]] void throw_exception_from_error(const template_error& e, const boost::source_location& loc);

using template_parse_result = boost::system::result<template_text, template_error>;

/// Parses `text`. Syntax: "{{" expr "}}", where expr is a variable name, env.NAME or
/// env.NAME|default, user.id, counter.user, counter.global, random.<generator>[(args)], or
/// <data set>.<column>; "{{{{" writes a literal "{{". Unknown names, bad arguments and
/// unclosed braces are errors; an unset env variable without a default is an error.
/// `esc` applies to the whole text: literal runs (and env values, random.choice items) are
/// escaped here once, placeholders' values when rendered — so rendering yields `text` escaped
/// as `esc` (e.g. the inside of a JSON string literal, without its quotes).
/// {{json:EXPR}} (a typed JSON value) is accepted only when `json_value` is set and it is the
/// whole text; anywhere else it is an error saying why.
/// On error, `error().offset` is where the placeholder's "{{" starts.
template_parse_result parse_template(std::string_view text, const template_scope& scope, escape esc = escape::none,
                                     bool json_value = false);

} // namespace hornet::scenario
