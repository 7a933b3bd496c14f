// Stands in for the generated UI bundle (web-ui/) in builds that do not have it yet: a page
// that says so, while the API routes work as usual.
#include "web/assets.hpp"

#include <array>

namespace hornet::web {

std::span<const asset> embedded_assets()
{
    static constexpr std::array assets{
        asset{"/", "text/html; charset=utf-8",
              "<!doctype html><html><head><meta charset=\"utf-8\"><title>Hornet</title></head><body><p>The web UI is "
              "missing from this build; the HTTP API (/stats/requests, /swarm, /stop, ...) works.</p></body></html>\n",
              false}};
    return assets;
}

} // namespace hornet::web
