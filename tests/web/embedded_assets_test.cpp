// The UI bundle as the binary embeds it (cmake/HornetWebUi.cmake): the page at "/", the assets it
// names with content-hashed names, right content types, exact bytes and the size budget.
#include "web/assets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <regex>
#include <set>
#include <string>
#include <string_view>

namespace {

using hornet::web::asset;
using hornet::web::embedded_assets;

const asset* find(std::string_view path)
{
    auto all = embedded_assets();
    auto it = std::find_if(all.begin(), all.end(), [&](const asset& a) { return a.path == path; });
    return it == all.end() ? nullptr : &*it;
}

std::string page()
{
    const asset* index = find("/");
    REQUIRE(index != nullptr);
    return std::string(index->body);
}

} // namespace

TEST_CASE("embedded_assets: the page at / is HTML and not cached as immutable")
{
    const asset* index = find("/");
    REQUIRE(index != nullptr);
    CHECK(index->content_type == "text/html; charset=utf-8");
    CHECK_FALSE(index->immutable);
    CHECK(index->body.starts_with("<!doctype html>"));
    CHECK(index->body.find("</html>") != std::string_view::npos);
}

TEST_CASE("embedded_assets: one hashed script and one hashed style sheet, immutable, with their types")
{
    static const std::regex script(R"(^/assets/app-[A-Z0-9]{8}\.js$)");
    static const std::regex style(R"(^/assets/app-[A-Z0-9]{8}\.css$)");
    int scripts = 0, styles = 0;
    std::set<std::string_view> paths;
    for (const asset& a : embedded_assets()) {
        CAPTURE(a.path);
        CHECK(paths.insert(a.path).second);
        CHECK_FALSE(a.body.empty());
        if (a.path == "/") continue;
        CHECK(a.path.starts_with("/assets/"));
        CHECK(a.immutable);
        const std::string path(a.path);
        if (std::regex_match(path, script)) {
            ++scripts;
            CHECK(a.content_type == "text/javascript; charset=utf-8");
        } else if (std::regex_match(path, style)) {
            ++styles;
            CHECK(a.content_type == "text/css; charset=utf-8");
        } else if (path.ends_with(".svg")) {
            CHECK(a.content_type == "image/svg+xml");
            CHECK(a.body.starts_with("<svg"));
        }
    }
    CHECK(scripts == 1);
    CHECK(styles == 1);
}

TEST_CASE("embedded_assets: every file the page names is embedded, by a relative URL")
{
    const std::string html = page();
    static const std::regex reference(R"re((?:src|href)="([^"]*)")re");
    int named = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), reference); it != std::sregex_iterator(); ++it) {
        const std::string url = (*it)[1];
        CAPTURE(url);
        // Routes of the server (downloads) are not files of the bundle.
        if (!url.starts_with("assets/")) continue;
        ++named;
        CHECK(find("/" + url) != nullptr);
    }
    CHECK(named >= 3); // script, style sheet, icon
    // Nothing absolute: the page must work under --web-auth and any base path, and load nothing
    // from another host.
    CHECK(html.find("src=\"/") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("href=\"http") == std::string::npos);
}

TEST_CASE("embedded_assets: no inline script, so a Content-Security-Policy of default-src 'self' holds")
{
    const std::string html = page();
    static const std::regex script_tag(R"(<script\b([^>]*)>([^<]*)</script>)", std::regex::icase);
    int scripts = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), script_tag); it != std::sregex_iterator(); ++it) {
        ++scripts;
        CHECK((*it)[1].str().find("src=") != std::string::npos);
        CHECK((*it)[2].str().empty());
    }
    CHECK(scripts == 1);
    CHECK(html.find(" onclick=") == std::string::npos);
    CHECK(html.find(" onload=") == std::string::npos);
}

TEST_CASE("embedded_assets: the first load stays under 300 KB")
{
    std::size_t total = 0;
    for (const asset& a : embedded_assets()) total += a.body.size();
    MESSAGE("embedded UI: " << total << " bytes");
    CHECK(total < 300 * 1024);
    CHECK(total > 20 * 1024); // uPlot alone is ~50 KB: a smaller bundle lost it
}
