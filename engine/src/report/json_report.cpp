// nlohmann::json both ways; the reader walks with JSON pointers so its errors say where.
#include "report/json_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace hornet::report {

// Fields in the order written here, the order people read them in.
using json = nlohmann::ordered_json;

namespace {

// JSON has no NaN or infinity: a value that is not finite is written as null.
json number(double v)
{
    return std::isfinite(v) ? json(v) : json(nullptr);
}

json optional_number(const std::optional<double>& v)
{
    return v ? number(*v) : json(nullptr);
}

json endpoint_json(const endpoint_record& e)
{
    json percentiles = json::array();
    for (const auto& p : e.percentiles) percentiles.push_back({{"percent", p.percent}, {"ms", number(p.ms)}});
    json kinds = json::object();
    for (const auto& k : e.failures_by_kind) kinds[k.kind] = k.count;
    json out = {{"method", e.method},
                {"name", e.name},
                {"requests", e.requests},
                {"failures", e.failures},
                {"fail_ratio", number(e.fail_ratio())},
                {"avg_ms", number(e.avg_ms)},
                {"min_ms", optional_number(e.min_ms)},
                {"max_ms", number(e.max_ms)},
                {"median_ms", number(e.median_ms)},
                {"avg_content_length", number(e.avg_content_length)},
                {"rps", number(e.rps)},
                {"failures_per_s", number(e.failures_per_s)},
                {"percentiles", std::move(percentiles)},
                {"failures_by_kind", std::move(kinds)}};
    if (!e.corrected_percentiles.empty()) {
        json corrected = json::array();
        for (const auto& p : e.corrected_percentiles)
            corrected.push_back({{"percent", p.percent}, {"ms", number(p.ms)}});
        out["corrected_percentiles"] = std::move(corrected);
    }
    return out;
}

// A reader that remembers where it is, for error messages.
class reader
{
public:
    reader(const json& node, std::string pointer) : node_(node), pointer_(std::move(pointer)) {}

    reader at(std::string_view key) const
    {
        const std::string where = pointer_ + "/" + std::string(key);
        if (!node_.is_object()) fail(pointer_.empty() ? "/" : pointer_, "expected an object");
        auto it = node_.find(key);
        if (it == node_.end()) fail(where, "missing");
        return {*it, where};
    }
    bool has(std::string_view key) const { return node_.is_object() && node_.contains(key); }

    std::string text() const
    {
        if (!node_.is_string()) fail(pointer_, "expected a string");
        return node_.get<std::string>();
    }
    double real() const
    {
        if (!node_.is_number()) fail(pointer_, "expected a number");
        return node_.get<double>();
    }
    std::optional<double> optional_real() const
    {
        if (node_.is_null()) return std::nullopt;
        return real();
    }
    std::uint64_t count() const
    {
        if (!node_.is_number_unsigned()) fail(pointer_, "expected a count (a whole number >= 0)");
        return node_.get<std::uint64_t>();
    }
    std::int64_t integer() const
    {
        if (!node_.is_number_integer()) fail(pointer_, "expected a whole number");
        return node_.get<std::int64_t>();
    }
    bool boolean() const
    {
        if (!node_.is_boolean()) fail(pointer_, "expected true or false");
        return node_.get<bool>();
    }
    template <class F>
    void each(F&& f) const
    {
        if (!node_.is_array()) fail(pointer_, "expected an array");
        for (std::size_t i = 0; i < node_.size(); ++i) f(reader(node_[i], pointer_ + "/" + std::to_string(i)));
    }
    template <class F>
    void each_member(F&& f) const
    {
        if (!node_.is_object()) fail(pointer_, "expected an object");
        for (auto it = node_.begin(); it != node_.end(); ++it)
            f(it.key(), reader(it.value(), pointer_ + "/" + it.key()));
    }

    struct error
    {
        std::string where, what;
    };
    [[noreturn]] static void fail(std::string where, std::string what)
    {
        throw error{std::move(where), std::move(what)};
    }

private:
    const json& node_;
    std::string pointer_;
};

endpoint_record endpoint_from(const reader& r)
{
    endpoint_record e;
    e.method = r.at("method").text();
    e.name = r.at("name").text();
    e.requests = r.at("requests").count();
    e.failures = r.at("failures").count();
    e.avg_ms = r.at("avg_ms").optional_real().value_or(0);
    e.min_ms = r.at("min_ms").optional_real();
    e.max_ms = r.at("max_ms").optional_real().value_or(0);
    e.median_ms = r.at("median_ms").optional_real().value_or(0);
    e.avg_content_length = r.at("avg_content_length").optional_real().value_or(0);
    e.rps = r.at("rps").optional_real().value_or(0);
    e.failures_per_s = r.at("failures_per_s").optional_real().value_or(0);
    r.at("percentiles").each([&](const reader& p) {
        e.percentiles.push_back({p.at("percent").real(), p.at("ms").optional_real().value_or(0)});
    });
    r.at("failures_by_kind").each_member([&](const std::string& kind, const reader& n) {
        e.failures_by_kind.push_back({kind, n.count()});
    });
    if (r.has("corrected_percentiles"))
        r.at("corrected_percentiles").each([&](const reader& p) {
            e.corrected_percentiles.push_back({p.at("percent").real(), p.at("ms").optional_real().value_or(0)});
        });
    return e;
}

} // namespace

std::string to_json(const run_record& record)
{
    const auto& p = record.parameters;
    json parameters = {{"hornet_version", p.hornet_version},
                       {"host", p.host},
                       {"scenario", p.scenario},
                       {"user_classes", p.user_classes},
                       {"users", p.users},
                       {"spawn_rate", number(p.spawn_rate)},
                       {"run_time_s", optional_number(p.run_time)},
                       {"mode", p.mode},
                       {"workers", p.workers}};
    if (p.rate) {
        parameters["rate"] = number(*p.rate);
        parameters["max_users"] = p.max_users;
        parameters["arrival"] = p.arrival;
        parameters["late_tolerance_s"] = number(p.late_tolerance_s);
    }
    if (!p.stages.empty()) {
        json stages = json::array();
        for (const auto& s : p.stages) {
            json stage = {{"duration_s", optional_number(s.duration_s)}};
            if (s.users) stage["users"] = *s.users;
            if (s.spawn_rate) stage["spawn_rate"] = number(*s.spawn_rate);
            if (s.rate) {
                stage["rate"] = number(*s.rate);
                stage["ramp"] = s.ramp;
            }
            stages.push_back(std::move(stage));
        }
        parameters["stages"] = std::move(stages);
    }
    json thresholds = json::array();
    for (const auto& t : record.thresholds)
        thresholds.push_back({{"expression", t.expression},
                              {"row", t.row},
                              {"measured", optional_number(t.measured)},
                              {"measured_text", t.measured_text},
                              {"passed", t.passed}});
    json endpoints = json::array();
    for (const auto& e : record.endpoints) endpoints.push_back(endpoint_json(e));
    json failures = json::array();
    for (const auto& f : record.failures)
        failures.push_back({{"method", f.method},
                            {"name", f.name},
                            {"error", f.error},
                            {"kind", f.kind},
                            {"occurrences", f.occurrences}});
    json exceptions = json::array();
    for (const auto& x : record.exceptions)
        exceptions.push_back(
            {{"count", x.count}, {"message", x.message}, {"traceback", x.traceback}, {"nodes", x.nodes}});
    json series = json::array();
    for (const auto& t : record.series)
        series.push_back({{"time", number(t.time)},
                          {"seconds", number(t.seconds)},
                          {"users", t.users},
                          {"requests", t.requests},
                          {"failures", t.failures},
                          {"p50_ms", number(t.p50_ms)},
                          {"p95_ms", number(t.p95_ms)},
                          {"p99_ms", number(t.p99_ms)}});
    json doc = {{"schema_version", record.schema_version},
                {"parameters", std::move(parameters)},
                {"start_time", number(record.start_time)},
                {"end_time", number(record.end_time)},
                {"verdict",
                 {{"passed", record.verdict.passed},
                  {"exit_code", record.verdict.exit_code},
                  {"summary", record.verdict.summary}}},
                {"thresholds", std::move(thresholds)},
                {"total", endpoint_json(record.total)},
                {"endpoints", std::move(endpoints)},
                {"failures", std::move(failures)},
                {"exceptions", std::move(exceptions)},
                {"series", std::move(series)}};
    if (record.iterations)
        doc["iterations"] = {{"started", record.iterations->started},
                             {"late", record.iterations->late},
                             {"dropped", record.iterations->dropped}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

core::result<run_record> run_record_from_json(std::string_view text)
{
    json doc;
    try {
        // Any json::exception: a number too large for a double is an out_of_range, not a
        // parse_error (the fuzzer found the narrower catch).
        doc = json::parse(text);
    } catch (const json::exception& e) {
        return core::failure{core::error::invalid_shape, std::string("not a JSON document: ") + e.what()};
    }
    try {
        reader root(doc, "");
        run_record r;
        r.schema_version = static_cast<int>(root.at("schema_version").integer());
        if (r.schema_version != run_record_schema_version)
            return core::failure{core::error::invalid_shape, "/schema_version: " + std::to_string(r.schema_version) +
                                                                 " is not a version this Hornet reads (it reads " +
                                                                 std::to_string(run_record_schema_version) + ")"};
        const reader p = root.at("parameters");
        r.parameters.hornet_version = p.at("hornet_version").text();
        r.parameters.host = p.at("host").text();
        r.parameters.scenario = p.at("scenario").text();
        p.at("user_classes").each([&](const reader& c) { r.parameters.user_classes.push_back(c.text()); });
        r.parameters.users = p.at("users").integer();
        r.parameters.spawn_rate = p.at("spawn_rate").optional_real().value_or(0);
        r.parameters.run_time = p.at("run_time_s").optional_real();
        r.parameters.mode = p.at("mode").text();
        r.parameters.workers = p.at("workers").integer();
        if (p.has("rate")) {
            r.parameters.rate = p.at("rate").real();
            r.parameters.max_users = p.at("max_users").integer();
            r.parameters.arrival = p.at("arrival").text();
            r.parameters.late_tolerance_s = p.at("late_tolerance_s").real();
        }
        if (p.has("stages"))
            p.at("stages").each([&](const reader& s) {
                stage_record stage;
                stage.duration_s = s.at("duration_s").optional_real();
                if (s.has("users")) stage.users = s.at("users").integer();
                if (s.has("spawn_rate")) stage.spawn_rate = s.at("spawn_rate").optional_real();
                if (s.has("rate")) stage.rate = s.at("rate").real();
                if (s.has("ramp")) stage.ramp = s.at("ramp").boolean();
                r.parameters.stages.push_back(stage);
            });
        r.start_time = root.at("start_time").real();
        r.end_time = root.at("end_time").real();
        const reader v = root.at("verdict");
        r.verdict.passed = v.at("passed").boolean();
        r.verdict.exit_code = static_cast<int>(v.at("exit_code").integer());
        r.verdict.summary = v.at("summary").text();
        root.at("thresholds").each([&](const reader& t) {
            r.thresholds.push_back({t.at("expression").text(), t.at("row").text(), t.at("measured").optional_real(),
                                    t.at("measured_text").text(), t.at("passed").boolean()});
        });
        r.total = endpoint_from(root.at("total"));
        root.at("endpoints").each([&](const reader& e) { r.endpoints.push_back(endpoint_from(e)); });
        root.at("failures").each([&](const reader& f) {
            r.failures.push_back({f.at("method").text(), f.at("name").text(), f.at("error").text(), f.at("kind").text(),
                                  f.at("occurrences").count()});
        });
        root.at("exceptions").each([&](const reader& x) {
            exception_record e{x.at("count").count(), x.at("message").text(), x.at("traceback").text(), {}};
            x.at("nodes").each([&](const reader& n) { e.nodes.push_back(n.text()); });
            r.exceptions.push_back(std::move(e));
        });
        root.at("series").each([&](const reader& t) {
            time_point tp;
            tp.time = t.at("time").real();
            tp.seconds = t.at("seconds").real();
            tp.users = t.at("users").integer();
            tp.requests = t.at("requests").count();
            tp.failures = t.at("failures").count();
            tp.p50_ms = t.at("p50_ms").optional_real().value_or(0);
            tp.p95_ms = t.at("p95_ms").optional_real().value_or(0);
            tp.p99_ms = t.at("p99_ms").optional_real().value_or(0);
            r.series.push_back(tp);
        });
        if (root.has("iterations")) {
            const reader it = root.at("iterations");
            r.iterations = iterations_record{it.at("started").count(), it.at("late").count(), it.at("dropped").count()};
        }
        return r;
    } catch (const reader::error& e) {
        return core::failure{core::error::invalid_shape, (e.where.empty() ? "/" : e.where) + ": " + e.what};
    }
}

} // namespace hornet::report
