// The order a JSON user runs its steps in: plain lists, nested repeats, skipped blocks, finish().
#include "runtime/step_cursor.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <string>

using namespace hornet;
using runtime::compiled_step;
using runtime::step_cursor;

namespace {

// Steps named by their `name` (a request) or made into repeat blocks; the sources live in a
// deque so the compiled steps' pointers stay valid.
struct steps_builder
{
    std::deque<scenario::step> sources;

    compiled_step request(std::string name)
    {
        auto& s = sources.emplace_back();
        s.name = name;
        compiled_step c;
        c.source = &s;
        c.name = std::move(name);
        return c;
    }

    compiled_step repeat(int times, std::vector<compiled_step> body)
    {
        auto& s = sources.emplace_back();
        s.type = scenario::step::kind::repeat;
        s.repeat_min = s.repeat_max = times;
        compiled_step c;
        c.source = &s;
        c.steps = std::move(body);
        return c;
    }
};

std::string walk(step_cursor& cursor, const std::vector<compiled_step>& steps, std::size_t limit = 100)
{
    cursor.reset(steps);
    auto times = [](const compiled_step& s) { return s.source->repeat_min; };
    std::string out;
    while (const compiled_step* s = cursor.next(times)) {
        out += s->name;
        if (out.size() > limit) break;
    }
    return out;
}

} // namespace

TEST_CASE("a plain list runs in order, then the cursor stays at its end")
{
    steps_builder b;
    std::vector<compiled_step> steps{b.request("a"), b.request("b"), b.request("c")};
    step_cursor cursor;
    CHECK(walk(cursor, steps) == "abc");
    CHECK(cursor.next([](const compiled_step&) { return 1; }) == nullptr);
    std::vector<compiled_step> none;
    CHECK(walk(cursor, none).empty());
}

TEST_CASE("repeats run their block as many times as drawn, nested too")
{
    steps_builder b;
    std::vector<compiled_step> steps{
        b.request("a"), b.repeat(2, {b.request("x"), b.repeat(3, {b.request("y")}), b.request("z")}), b.request("b")};
    step_cursor cursor;
    CHECK(walk(cursor, steps) == "axyyyzxyyyzb");
}

TEST_CASE("a repeat drawn 0 times or with an empty block is skipped")
{
    steps_builder b;
    std::vector<compiled_step> steps{b.request("a"), b.repeat(0, {b.request("x")}), b.repeat(4, {}), b.request("b")};
    step_cursor cursor;
    CHECK(walk(cursor, steps) == "ab");
}

TEST_CASE("blocks deeper than max_depth are skipped rather than overflowing the stack")
{
    steps_builder b;
    compiled_step inner = b.request("deep");
    for (std::size_t i = 0; i < step_cursor::max_depth + 2; ++i) inner = b.repeat(1, {inner});
    std::vector<compiled_step> steps{b.request("a"), inner, b.request("b")};
    step_cursor cursor;
    CHECK(walk(cursor, steps) == "ab");
}

TEST_CASE("finish() ends the list from inside a repeat")
{
    steps_builder b;
    std::vector<compiled_step> steps{b.repeat(5, {b.request("x"), b.request("y")}), b.request("b")};
    step_cursor cursor;
    cursor.reset(steps);
    auto times = [](const compiled_step& s) { return s.source->repeat_min; };
    CHECK(cursor.next(times)->name == "x");
    CHECK(cursor.next(times)->name == "y");
    CHECK(cursor.next(times)->name == "x");
    cursor.finish();
    CHECK(cursor.next(times) == nullptr);
    CHECK(walk(cursor, steps) == "xyxyxyxyxyb"); // reset() starts over
}
