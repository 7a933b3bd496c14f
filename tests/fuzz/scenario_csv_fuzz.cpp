// libFuzzer target: arbitrary bytes as a CSV data file must give rows or an error, never a crash.
#include "scenario/data_set.hpp"

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    auto r = hornet::scenario::data_set::load_text("fuzz", text, hornet::scenario::data_set::order::sequential);
    if (!r) return 0;
    std::mt19937_64 rng(1);
    auto& set = **r;
    for (int i = 0; i < 3; ++i) {
        std::size_t row = set.take_row(rng);
        for (std::size_t c = 0; c < set.columns().size(); ++c) (void)set.cell(row, c).size();
    }
    return 0;
}
