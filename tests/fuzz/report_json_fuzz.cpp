// libFuzzer target: arbitrary bytes as a saved run (`hornet report`, `hornet compare` read files
// people pass around): read or refused with a JSON pointer, never a crash; what reads is written
// again in every format and compared with itself without a crash.
#include "report/comparison.hpp"
#include "report/html_report.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/markdown_summary.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hornet;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto record = report::run_record_from_json(text);
    if (!record) {
        if (record.error().detail.empty()) std::abort();
        return 0;
    }
    (void)report::to_json(*record);
    (void)report::to_junit(*record);
    (void)report::to_html(*record);
    if (report::to_markdown(*record, 4096).size() > 4096) std::abort();
    const auto c = report::compare(*record, *record, 0.1);
    // The same run against itself cannot regress.
    if (c.regressed()) std::abort();
    (void)report::comparison_table(c);
    return 0;
}
