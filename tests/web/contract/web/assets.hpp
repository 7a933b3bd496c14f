// The contract's engine/src/web/assets.hpp (issue 9), word for word: the embedded-assets check
// compiles against it only while this tree has no engine/src/web/ (cmake/HornetWebUi.cmake picks
// the real header whenever it exists). Delete once the web module is merged.
#pragma once
#include <span>
#include <string_view>
namespace hornet::web {
/// One file of the browser UI, embedded into the binary at build time.
struct asset
{
    std::string_view path;         ///< URL path: "/" for the page, "/assets/app-1a2b3c.js" for the rest
    std::string_view content_type; ///< e.g. "text/html; charset=utf-8"
    std::string_view body;         ///< the bytes, uncompressed
    bool immutable;                ///< the name carries a content hash: cache for a year
};
/// Every embedded file; the server serves exactly these at their paths.
std::span<const asset> embedded_assets();
} // namespace hornet::web
