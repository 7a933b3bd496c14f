// Text made safe to place in HTML and SVG: endpoint names, error messages and tracebacks come
// from users' scenarios and from peers, so none of it may be read as markup.
#pragma once

#include <string>
#include <string_view>

namespace hornet::report {

/// Escapes & < > " ' so the result is plain text both between tags and inside a quoted
/// attribute value.
std::string html_escape(std::string_view text);

} // namespace hornet::report
