// Taking values out of a response into user variables ({"extract": {"id": {"json": "/id"}}}).
#pragma once

#include "core/error.hpp"
#include "http/response.hpp"
#include "scenario/user_state.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <regex>
#include <string>

namespace hornet::scenario {

struct extract
{
    enum class source { json, header, cookie, regex };
    std::size_t slot = 0; ///< variable to set
    std::string variable; ///< its name, for messages
    source from = source::json;
    std::string argument; ///< JSON pointer, header name, cookie name or regex text
    /// Compiled once at load time for source::regex; the first capture group (or the whole
    /// match when there is none) is the value.
    std::shared_ptr<const std::regex> pattern;

    /// Whether the value comes from the response body (headers and cookies do not need it).
    bool reads_body() const { return from == source::json || from == source::regex; }
};

/// Applies one extract. A JSON string is taken without quotes; other JSON values as their JSON
/// text. Fails with core::error::evaluation_failed when the value is not in the response; the
/// detail says so ("no /id in the response body", "no header Location", …) and the variable
/// keeps its value.
core::result<void> apply(const extract& e, const http::response& r, user_state& user,
                         std::optional<nlohmann::json>& body_json);

} // namespace hornet::scenario
