// Option values as text, before typing: what each source (file, env, argv) contributes.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hornet::cli {

/// One option's value from one source.
struct raw_value
{
    /// One entry for flags ("true"/"false") and values; the items for lists.
    std::vector<std::string> values;
    /// Where it came from, for error messages: "argument -u/--users", "LOCUST_USERS",
    /// "/home/me/locust.conf:3".
    std::string origin;
};

/// Keyed by long option name (the config-file key). A later source overwrites an
/// earlier one, which is how the precedence order is implemented.
using raw_settings = std::map<std::string, raw_value, std::less<>>;

} // namespace hornet::cli
