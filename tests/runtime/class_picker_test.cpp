// Proves runtime/class_picker.hpp is self-contained; checks Locust's newest dispatch order.
#include "runtime/class_picker.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hornet;

namespace {
std::vector<const scenario::user_class*> pointers(const std::vector<scenario::user_class>& classes)
{
    std::vector<const scenario::user_class*> out;
    for (const auto& c : classes) out.push_back(&c);
    return out;
}

std::string sequence(std::vector<scenario::user_class> classes, std::size_t n)
{
    runtime::class_picker picker(pointers(classes));
    std::vector<std::size_t> counts(classes.size());
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        auto c = picker.next(counts);
        REQUIRE(c != runtime::class_picker::npos);
        ++counts[c];
        out += classes[c].name;
    }
    return out;
}
scenario::user_class cls(std::string name, double weight, int fixed = 0)
{
    scenario::user_class c;
    c.name = std::move(name);
    c.weight = weight;
    c.fixed_count = fixed;
    return c;
}
} // namespace

TEST_CASE("weighted classes follow Locust's Kullback-Leibler order (reference test vectors)")
{
    CHECK(sequence({cls("A", 3), cls("B", 1)}, 8) == "ABAAABAA");
    CHECK(sequence({cls("B", 1), cls("A", 5)}, 12) == "AABAAAAABAAA");
    CHECK(sequence({cls("A", 2), cls("B", 5), cls("C", 6)}, 13) == "CBACBCBCBACBC");
    CHECK(sequence({cls("A", 1.5), cls("B", 2)}, 14) == "BABABABBABABAB");
}

TEST_CASE("fixed_count classes come first, then weights")
{
    CHECK(sequence({cls("A", 3), cls("B", 1), cls("F", 1, 2)}, 6) == "FFABAA");
}

TEST_CASE("weight-0 classes never get users")
{
    CHECK(sequence({cls("A", 0), cls("B", 1)}, 3) == "BBB");
    std::vector<scenario::user_class> only_zero{cls("A", 0)};
    runtime::class_picker picker(pointers(only_zero));
    CHECK(picker.next({0}) == runtime::class_picker::npos);
}
