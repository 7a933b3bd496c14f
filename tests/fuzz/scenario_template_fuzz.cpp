// libFuzzer target: arbitrary text as a template must parse or give an error at an offset inside
// the text; what parses must render, for every escaping mode and typed {{json:…}} values,
// without a crash.
#include "scenario/render.hpp"
#include "scenario/template_text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hornet::scenario;
    if (size == 0) return 0;
    auto esc = static_cast<escape>(data[0] % 3);
    const bool json_value = (data[0] / 3) % 2 == 1; // {{json:…}} allowed, as in a json body
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    template_scope scope;
    scope.variables = {"id", "token", "name"};
    scope.env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "HOST") return std::string("http://127.0.0.1:1");
        return std::nullopt;
    };
    auto parsed = parse_template(text, scope, esc, json_value);
    if (!parsed) {
        if (parsed.error().offset > text.size()) std::abort();
        return 0;
    }
    shared_state shared;
    std::mt19937_64 rng(7);
    auto user = make_user_state(1, scope.variables, {{0, "42"}}, shared, rng);
    std::string out;
    (void)render(*parsed, user, shared, out);
    return 0;
}
