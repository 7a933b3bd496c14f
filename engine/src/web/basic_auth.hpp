// HTTP Basic authentication (--web-auth user:pass), as Locust 2.12 protects every route.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hornet::web {

/// Decodes standard base64 (with or without padding); nullopt for any other character or a
/// length that cannot be base64.
std::optional<std::string> base64_decode(std::string_view text);

/// True when the Authorization header value carries exactly `credentials` ("user:pass"):
/// scheme "Basic" in any case, then the base64 of the credentials.
bool basic_auth_matches(std::string_view authorization, std::string_view credentials);

} // namespace hornet::web
