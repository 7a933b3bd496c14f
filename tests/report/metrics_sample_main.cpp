// Prints /metrics' text for the realistic sample run (report/metrics_sample.hpp), for tools that
// check the format from outside: promtool in tests/report/promtool_check.sh.
//   hornet_metrics_sample [--locust-names]
#include "report/metrics_sample.hpp"
#include "report/prometheus_text.hpp"

#include <cstdio>
#include <string_view>

int main(int argc, char** argv)
{
    using namespace hornet;
    report::metrics_options options;
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--locust-names") {
            options.locust_names = true;
        } else {
            std::fprintf(stderr, "usage: %s [--locust-names]\n", argv[0]);
            return 2;
        }
    }
    report::metrics_state state;
    state.state = "running";
    state.users = 40;
    state.workers = 2;
    state.missing_workers = 1;
    state.event_loop_lag_seconds = 0.003;
    state.cpu_seconds = 7.25;
    const std::string text = report::prometheus_text(test::metrics_sample(), state, options);
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() ? 0 : 1;
}
