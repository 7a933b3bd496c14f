// Tests for demo/catalog.hpp: the deterministic catalogue and its search.
#include "demo/catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

namespace demo = hornet::demo;

namespace {

std::vector<std::string> split(std::string_view name)
{
    std::istringstream in{std::string(name)};
    std::vector<std::string> words;
    for (std::string w; in >> w;) {
        words.push_back(w);
    }
    return words;
}

bool contains_word(std::string_view name, const std::string& word)
{
    const auto words = split(name);
    return std::find(words.begin(), words.end(), word) != words.end();
}

} // namespace

TEST_CASE("the catalogue is deterministic: 5000 names of 3-5 distinct vocabulary words")
{
    const demo::catalog a;
    const demo::catalog b;
    CHECK(demo::catalog::words().size() >= 50);
    const std::set<std::string_view> vocabulary(demo::catalog::words().begin(), demo::catalog::words().end());
    for (std::uint32_t id = 1; id <= demo::catalog::product_count; ++id) {
        REQUIRE(a.name(id) == b.name(id));
        const auto words = split(a.name(id));
        REQUIRE(words.size() >= 3);
        REQUIRE(words.size() <= 5);
        REQUIRE(std::set<std::string>(words.begin(), words.end()).size() == words.size());
        for (const auto& w : words) {
            REQUIRE(vocabulary.count(w) == 1);
        }
    }
    CHECK(a.name(0).empty());
    CHECK(a.name(demo::catalog::product_count + 1).empty());
}

TEST_CASE("find returns exactly the products containing every word")
{
    const demo::catalog c;
    const auto lamps = c.find("lamp");
    const auto red_lamps = c.find("red  LAMP");
    CHECK(lamps.size() > 10);
    CHECK(red_lamps.size() < lamps.size());
    std::size_t expected = 0;
    for (std::uint32_t id = 1; id <= demo::catalog::product_count; ++id) {
        const bool both = contains_word(c.name(id), "red") && contains_word(c.name(id), "lamp");
        expected += both ? 1 : 0;
    }
    CHECK(red_lamps.size() == expected);
    for (const auto id : red_lamps) {
        CHECK(contains_word(c.name(id), "lamp"));
        CHECK(contains_word(c.name(id), "red"));
    }
    CHECK(c.find("unicorn").empty());
    CHECK(c.find("").size() == demo::catalog::product_count);
}

TEST_CASE("search answers count and the first 50 results")
{
    const demo::catalog c;
    const auto res = c.search("q=lamp");
    CHECK(res.result_int() == 200);
    const auto body = nlohmann::json::parse(res.body());
    CHECK(body["count"] == c.find("lamp").size());
    REQUIRE(body["results"].size() == demo::catalog::max_results);
    CHECK(body["results"][0]["id"] == c.find("lamp").front());
    CHECK(nlohmann::json::parse(c.search("q=unicorn").body())["count"] == 0);
}
