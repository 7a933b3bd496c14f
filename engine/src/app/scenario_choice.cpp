// From -f / hornet.json / -H to the model that runs.
#include "app/scenario_choice.hpp"

#include "app/locustfile_translation.hpp"
#include "app/plan_choice.hpp"
#include "core/log.hpp"
#include "http/url.hpp"
#include "report/threshold.hpp"
#include "scenario/builtin.hpp"
#include "scenario/tag_filter.hpp"

#include <algorithm>
#include <filesystem>

namespace hornet::app {

std::string default_scenario_file(const std::string& given, const std::string& folder)
{
    if (!given.empty()) return given;
    // As Locust: ./locustfile.py first; then Hornet's own default file.
    for (const char* name : {"locustfile.py", "hornet.json"}) {
        std::error_code ec;
        auto path = std::filesystem::path(folder) / name;
        if (std::filesystem::is_regular_file(path, ec)) return folder == "." ? std::string(name) : path.string();
    }
    return {};
}

scenario_choice choose_scenario(const cli::options& opts, bool narrow)
{
    scenario_choice c;
    c.host = opts.host;
    std::string file = default_scenario_file(opts.locustfile);
    if (!file.empty()) {
        if (opts.locustfile.empty()) core::log::info("hornet.main", "No -f given: loading scenario from " + file);
        scenario::load_options options;
        // The file's thresholds are checked as it loads, so a bad one is named at its line.
        options.check_threshold = [](const std::string& text) -> std::optional<std::string> {
            auto t = report::parse_threshold(text);
            if (t) return std::nullopt;
            return t.error().detail;
        };
        if (is_locustfile_spec(file)) {
            auto translated = load_locustfiles(file, options);
            if (!translated.model) {
                c.error = translated.error;
                return c;
            }
            c.model = std::move(*translated.model);
        } else if (auto loaded = scenario::load_scenario(file, options); !loaded) {
            c.error = loaded.error().to_string();
            return c;
        } else {
            c.model = std::move(*loaded);
        }
        for (const auto& w : c.model.warnings) core::log::warning("hornet.main", w);
    } else {
        if (opts.host.empty() && !opts.worker) { // a worker may get its host from the master
            c.error = "nothing to run: pass a scenario with -f FILE, or a URL with -H for quick mode "
                      "(e.g. hornet -H http://127.0.0.1:5000 --headless -u 10 -t 30s)";
            return c;
        }
        auto [base, target] =
            opts.host.empty() ? std::pair<std::string_view, std::string_view>{"", "/"} : http::split_origin(opts.host);
        c.host = std::string(base);
        c.model = scenario::quick_model(std::string(target));
        if (!opts.list)
            core::log::info("hornet.main", "No -f given and no locustfile.py or hornet.json here: quick mode, every "
                                           "user GETs " +
                                               (opts.host.empty() ? std::string("the master's host") : opts.host));
    }
    if (!narrow) return c;
    if (c.error = choose_load_plan(opts, c.model); !c.error.empty()) return c;

    if (!opts.user_classes.empty()) {
        std::vector<scenario::user_class> chosen;
        for (const auto& name : opts.user_classes) {
            auto it =
                std::find_if(c.model.users.begin(), c.model.users.end(), [&](const auto& u) { return u.name == name; });
            if (it == c.model.users.end()) {
                c.error = "unknown user class \"" + name + "\" (hornet --list shows them)";
                return c;
            }
            chosen.push_back(*it);
        }
        c.model.users = std::move(chosen);
    }
    scenario::filter_tags(c.model, opts.tags, opts.exclude_tags, c.emptied_classes);
    if (c.model.users.empty()) c.error = "no tasks left to run after filtering with -T/--tags and -E/--exclude-tags";
    return c;
}

} // namespace hornet::app
