// Locust's HTTP API (locust-compat §3), with 4xx answers where Locust 2.12 fails with a 500.
#include "web/router.hpp"

#include "core/clock.hpp"
#include "core/py_format.hpp"
#include "core/run_time.hpp"
#include "report/csv_tables.hpp"
#include "report/html_report.hpp"
#include "web/stats_json.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hornet::web {

namespace http = boost::beast::http;
using nlohmann::json;

namespace {

// Beyond these a typo is likelier than a plan, and the ramp's arithmetic stays exact.
constexpr std::int64_t max_users = 10'000'000;
constexpr double max_spawn_rate = 1'000'000;
constexpr double max_iteration_rate = 10'000'000;

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::optional<std::int64_t> parse_count(std::string_view text)
{
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

std::optional<double> parse_rate(std::string_view text)
{
    if (text.empty()) return std::nullopt;
    std::string s(text);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::string epoch_name(std::string_view kind, std::string_view ext)
{
    return std::string(kind) + "_" + core::py_float(core::unix_now()) + "." + std::string(ext);
}

// Percent-encodes everything but letters and digits, so form::parse reads the text back as given.
std::string form_escape(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c)) {
            out.push_back(static_cast<char>(c));
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// One field of a JSON /swarm body as form text: strings as they are, numbers as JSON writes them.
void append_field(std::string& text, const std::string& name, const json& value)
{
    if (!text.empty()) text += '&';
    text += form_escape(name) + "=" + form_escape(value.is_string() ? value.get<std::string>() : value.dump());
}

// The fields of a /swarm body: a form (Locust's UI and scripts), or a JSON object for clients
// that prefer it. Values of a JSON object may be strings or numbers.
std::optional<form> swarm_fields(const request& req, std::string& why)
{
    const auto type = req[http::field::content_type];
    if (type.starts_with("application/json")) {
        json body = json::parse(req.body(), nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
            why = "bad JSON body: expected an object";
            return std::nullopt;
        }
        std::string text;
        for (const auto& item : body.items()) {
            if (item.value().is_array())
                for (const auto& element : item.value()) append_field(text, item.key(), element);
            else
                append_field(text, item.key(), item.value());
        }
        return form::parse(text, &why);
    }
    if (!type.empty() && !type.starts_with("application/x-www-form-urlencoded")) {
        why = "unsupported Content-Type '" + std::string(type.substr(0, 100)) +
              "': send a form (application/x-www-form-urlencoded) or JSON";
        return std::nullopt;
    }
    auto f = form::parse(req.body(), &why);
    if (!f) why = "bad form body: " + why;
    return f;
}

} // namespace

response router::swarm(const request& req)
{
    std::string why;
    auto fields = swarm_fields(req, why);
    if (!fields) return error_reply(status::bad_request, why);

    swarm_request s;
    const auto defaults = control_.defaults();
    auto users_text = fields->get("user_count");
    auto rate_text = fields->get("spawn_rate");
    // Under a rate or a load plan the users follow from it: the form may leave them out.
    const std::string default_users = std::to_string(defaults.users);
    const std::string default_spawn_rate = core::py_float(defaults.spawn_rate);
    if (defaults.load_model != "closed") {
        if (!users_text) users_text = default_users;
        if (!rate_text) rate_text = default_spawn_rate;
    }
    if (!users_text || !rate_text)
        return error_reply(status::bad_request, "Missing user_count or spawn_rate from /swarm request");
    auto users = parse_count(trimmed(*users_text));
    if (!users)
        return error_reply(status::bad_request,
                           "user_count must be a whole number, got '" + std::string(users_text->substr(0, 100)) + "'");
    if (*users < 0 || *users > max_users)
        return error_reply(status::bad_request, "user_count must be between 0 and " + std::to_string(max_users) +
                                                    ", got " + std::to_string(*users));
    auto rate = parse_rate(trimmed(*rate_text));
    if (!rate)
        return error_reply(status::bad_request,
                           "spawn_rate must be a number, got '" + std::string(rate_text->substr(0, 100)) + "'");
    if (*rate <= 0 || *rate > max_spawn_rate)
        return error_reply(status::bad_request, "spawn_rate must be > 0 and at most " + core::py_float(max_spawn_rate) +
                                                    ", got " + std::string(rate_text->substr(0, 100)));
    s.user_count = *users;
    s.spawn_rate = *rate;

    if (auto host = fields->get("host")) {
        std::string h;
        for (char c : *host)
            if (c != '<' && c != '>') h.push_back(c);
        h = trimmed(h);
        if (!h.empty()) {
            if (!h.starts_with("http://") && !h.starts_with("https://"))
                return error_reply(status::bad_request,
                                   "host must be a URL such as http://127.0.0.1:5000, got '" + h.substr(0, 200) + "'");
            s.host = h;
        }
    }
    if (auto run_time = fields->get("run_time"); run_time && !trimmed(*run_time).empty()) {
        auto seconds = core::parse_run_time(trimmed(*run_time));
        if (!seconds || *seconds < 0)
            return error_reply(status::bad_request,
                               "Valid run_time formats are : 20, 20s, 3m, 2h, 1h20m, 3h30m10s, etc.");
        s.run_time = *seconds;
    }
    if (auto text = fields->get("rate"); text && !trimmed(*text).empty()) {
        auto r = parse_rate(trimmed(*text));
        if (!r || !(*r > 0) || *r > max_iteration_rate)
            return error_reply(status::bad_request, "rate must be a number of iterations per second, > 0 and at most " +
                                                        core::py_float(max_iteration_rate) + ", got '" +
                                                        std::string(text->substr(0, 100)) + "'");
        if (defaults.load_model == "plan")
            return error_reply(status::bad_request, "the load plan's stages set the rate: leave rate out");
        if (defaults.load_model == "closed")
            return error_reply(status::bad_request, "this run uses the closed model (users and wait times): start "
                                                    "Hornet with --rate to drive a rate from the web UI");
        s.rate = *r;
    }
    if (defaults.class_picker) {
        const auto known = control_.class_names();
        for (auto& name : fields->all("user_classes")) {
            if (std::find(known.begin(), known.end(), name) == known.end())
                return error_reply(status::bad_request, "unknown user class '" + name.substr(0, 200) + "'");
            if (std::find(s.classes.begin(), s.classes.end(), name) == s.classes.end()) s.classes.push_back(name);
        }
        std::sort(s.classes.begin(), s.classes.end());
    }

    if (auto refused = control_.swarm(s); !refused.empty()) return error_reply(status::conflict, refused);

    json out{{"success", true}, {"message", "Swarming started"}};
    const auto host = s.host ? *s.host : control_.defaults().host;
    out["host"] = host.empty() ? json(nullptr) : json(host);
    if (s.run_time) out["run_time"] = static_cast<std::int64_t>(*s.run_time);
    if (defaults.class_picker) out["user_classes"] = s.classes.empty() ? control_.class_names() : s.classes;
    return json_reply(out);
}

response router::stop()
{
    control_.stop();
    return json_reply({{"success", true}, {"message", "Test stopped"}});
}

response router::reset()
{
    control_.reset_stats();
    return text_reply("ok", "text/html; charset=utf-8");
}

response router::stats_requests()
{
    const auto now = std::chrono::steady_clock::now();
    const auto state = control_.state();
    if (!stats_cache_ || now - stats_cached_at_ >= std::chrono::seconds(1) ||
        stats_cache_generation_ != control_.stats_generation() || stats_cache_state_ != state) {
        const auto workers = control_.workers();
        const auto second = static_cast<std::int64_t>(std::floor(core::unix_now()));
        auto body = stats_requests_json(control_.stats(), state, control_.user_count(), workers,
                                        control_.defaults().master, second);
        // Hornet's addition (Locust's readers ignore unknown keys): the running plan's stage.
        if (auto stage = control_.stage(); !stage.empty()) body["stage"] = std::move(stage);
        stats_cache_ = std::make_shared<const std::string>(body.dump(-1, ' ', false, json::error_handler_t::replace));
        stats_cached_at_ = now;
        stats_cache_generation_ = control_.stats_generation();
        stats_cache_state_ = state;
    }
    return text_reply(text_body::value_type::shared(stats_cache_), "application/json");
}

response router::stats_csv() const
{
    const auto& s = control_.stats();
    return attachment_reply(report::stats_csv_header() + report::stats_csv_rows(s), "text/csv",
                            epoch_name("requests", "csv"));
}

response router::history_csv() const
{
    auto text = control_.full_history_csv();
    if (!text)
        return error_reply(status::not_found, "Error: Server was not started with option to generate full history.");
    return attachment_reply(std::move(*text), "text/csv", epoch_name("requests_full_history", "csv"));
}

response router::failures_csv() const
{
    const auto& s = control_.stats();
    return attachment_reply(report::failures_csv_header() + report::failures_csv_rows(s), "text/csv",
                            epoch_name("failures", "csv"));
}

response router::exceptions() const
{
    json list = json::array();
    for (const auto& e : control_.stats().exceptions()) {
        std::string nodes;
        for (const auto& n : e.nodes) nodes += (nodes.empty() ? "" : ", ") + n;
        list.push_back({{"count", e.count},
                        {"msg", py_html_escape(e.message)},
                        {"traceback", py_html_escape(e.traceback)},
                        {"nodes", nodes}});
    }
    return json_reply({{"exceptions", std::move(list)}});
}

response router::exceptions_csv() const
{
    const auto& s = control_.stats();
    return attachment_reply(report::exceptions_csv_header() + report::exceptions_csv_rows(s), "text/csv",
                            epoch_name("exceptions", "csv"));
}

response router::stats_report(const form& query) const
{
    auto html = report::to_html(control_.record());
    if (query.get("download").value_or("") == "1")
        return attachment_reply(std::move(html), "text/html; charset=utf-8", epoch_name("report", "html"));
    return text_reply(std::move(html), "text/html; charset=utf-8");
}

namespace {

json ratio_json(const ratio_node& node)
{
    json out{{"ratio", node.ratio}};
    if (!node.tasks.empty()) {
        json tasks = json::object();
        for (const auto& [name, child] : node.tasks) tasks[name] = ratio_json(child);
        out["tasks"] = std::move(tasks);
    }
    return out;
}

ratio_node scaled(const ratio_node& node, double factor)
{
    ratio_node out{node.ratio * factor, {}};
    for (const auto& [name, child] : node.tasks) out.tasks[name] = scaled(child, factor);
    return out;
}

} // namespace

response router::tasks() const
{
    json per_class = json::object();
    json total = json::object();
    for (const auto& [name, node] : control_.task_ratios()) {
        per_class[name] = ratio_json(node);
        ratio_node t{node.ratio, {}};
        for (const auto& [task, child] : node.tasks) t.tasks[task] = scaled(child, node.ratio);
        total[name] = ratio_json(t);
    }
    return json_reply({{"per_class", std::move(per_class)}, {"total", std::move(total)}});
}

response router::logs() const
{
    json workers = json::object();
    for (auto& [id, lines] : control_.worker_log_lines()) workers[id] = std::move(lines);
    return json_reply({{"master", control_.log_lines()}, {"workers", std::move(workers)}});
}

response router::worker_count() const
{
    return json_reply({{"worker_count", static_cast<std::int64_t>(control_.workers().size())}});
}

} // namespace hornet::web
