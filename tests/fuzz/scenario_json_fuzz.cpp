// libFuzzer target: arbitrary bytes as a scenario file must give a model or a load_error, never a crash.
#include "scenario/json_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto r = hornet::scenario::load_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (!r) (void)r.error().to_string();
    return 0;
}
