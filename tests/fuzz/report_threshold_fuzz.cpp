// libFuzzer target: arbitrary text as a threshold expression (from --check or a scenario file) must
// parse or be refused with a message that quotes it and points inside it; what parses is judged
// on a small run without a crash.
#include "report/threshold.hpp"
#include "report/verdict.hpp"
#include "stats/shard.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hornet;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto t = report::parse_threshold(text);
    if (!t) {
        const std::string& why = t.error().detail;
        // "invalid threshold '<the text, whole>' at position N: why"
        const std::string head = "invalid threshold '" + std::string(text) + "' at position ";
        if (why.compare(0, head.size(), head) != 0) std::abort();
        const long position = std::strtol(why.c_str() + head.size(), nullptr, 10);
        if (position < 1 || static_cast<std::size_t>(position) > size + 1) std::abort();
        return 0;
    }
    if (!std::isfinite(t->limit) || t->limit < 0) std::abort();
    stats::aggregate agg(1000.0);
    stats::shard s;
    s.record("GET", "/a", 12.5, 10, "", 1001.0);
    s.record("GET", "/a", 80.0, 10, "HTTPError('500')", 1002.0);
    agg.merge(s.take());
    const report::threshold rules[] = {*t};
    auto outcomes = report::evaluate(rules, agg);
    (void)report::threshold_table(outcomes);
    return 0;
}
