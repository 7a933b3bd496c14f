// Threshold expressions: a hand-written scanner, so errors can point at a character.
#include "report/threshold.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace hornet::report {

namespace {

bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

// Reads the condition part of an expression, from `pos`; positions are 1-based in messages
// and count from the start of the whole expression.
class scanner
{
public:
    scanner(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

    core::result<threshold> condition(threshold t)
    {
        skip_space();
        const std::size_t metric_at = pos_;
        std::string word;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_' || text_[pos_] == '.'))
            word += text_[pos_++];
        if (!metric(word, t))
            return fail(metric_at, word.empty() ? "expected a metric (p95, avg, fail_ratio, rps, …)"
                                                : "unknown metric '" + word + "'");
        skip_space();
        const std::size_t op_at = pos_;
        if (!comparison(t)) return fail(op_at, "expected <, <=, > or >=");
        skip_space();
        const std::size_t value_at = pos_;
        auto v = number();
        if (!v) return fail(value_at, "expected a number");
        skip_space(); // "300 ms" as well as "300ms"
        const std::size_t unit_at = pos_;
        std::string unit = word_here();
        if (unit == abort_word) { // "requests>=10 abort_on_fail": no unit
            unit.clear();
            pos_ = unit_at;
        }
        // A wrong unit is pointed at; a missing one, or a number out of range, at the number.
        if (!value(*v, unit, t)) return fail(unit.empty() ? value_at : pos_ - unit.size(), unit_error(t, unit));
        skip_space();
        if (pos_ != text_.size()) {
            const std::size_t option_at = pos_;
            if (word_here() != abort_word) return fail(option_at, "unexpected text after the value (abort_on_fail?)");
            t.abort_on_fail = true;
            skip_space();
            if (pos_ != text_.size()) {
                const std::size_t after_at = pos_;
                if (word_here() != "after") return fail(after_at, "expected 'after' and a warm-up time (after 30s)");
                skip_space();
                const std::size_t warmup_at = pos_;
                auto w = number();
                if (!w) return fail(warmup_at, "expected a warm-up time (30s, 1m, 500ms)");
                const std::size_t warmup_unit_at = pos_;
                const std::string warmup_unit = word_here();
                if (warmup_unit == "ms")
                    t.warmup_s = *w / 1000;
                else if (warmup_unit == "s")
                    t.warmup_s = *w;
                else if (warmup_unit == "m")
                    t.warmup_s = *w * 60;
                else
                    return fail(warmup_unit.empty() ? warmup_at : warmup_unit_at,
                                "a warm-up time needs a unit: ms, s or m");
                skip_space();
                if (pos_ != text_.size()) return fail(pos_, "unexpected text after the warm-up time");
            }
        }
        return t;
    }

private:
    core::failure fail(std::size_t at, const std::string& why) const
    {
        return {core::error::invalid_shape,
                "invalid threshold '" + std::string(text_) + "' at position " + std::to_string(at + 1) + ": " + why};
    }

    static constexpr std::string_view abort_word = "abort_on_fail";

    // The characters up to the next space.
    std::string word_here()
    {
        std::string w;
        while (pos_ < text_.size() && !is_space(text_[pos_])) w += text_[pos_++];
        return w;
    }

    void skip_space()
    {
        while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    }

    static bool metric(const std::string& word, threshold& t)
    {
        using m = threshold::metric;
        if (word == "median") {
            t.what = m::percentile;
            t.percent = 50;
            return true;
        }
        if (word.size() > 1 && word[0] == 'p' && std::isdigit(static_cast<unsigned char>(word[1]))) {
            double p = 0;
            auto [end, ec] = std::from_chars(word.data() + 1, word.data() + word.size(), p);
            if (ec != std::errc() || end != word.data() + word.size() || !(p > 0 && p <= 100)) return false;
            t.what = m::percentile;
            t.percent = p;
            return true;
        }
        static constexpr std::pair<std::string_view, m> names[] = {
            {"avg", m::avg},           {"min", m::min},
            {"max", m::max},           {"fail_ratio", m::fail_ratio},
            {"rps", m::rps},           {"requests", m::requests},
            {"failures", m::failures}, {"late", m::late},
            {"dropped", m::dropped},
        };
        for (const auto& [name, what] : names) {
            if (word == name) {
                t.what = what;
                return true;
            }
        }
        return false;
    }

    bool comparison(threshold& t)
    {
        using c = threshold::comparison;
        if (pos_ >= text_.size()) return false;
        const char first = text_[pos_];
        if (first != '<' && first != '>') return false;
        ++pos_;
        const bool equal = pos_ < text_.size() && text_[pos_] == '=';
        if (equal) ++pos_;
        t.op = first == '<' ? (equal ? c::less_equal : c::less) : (equal ? c::greater_equal : c::greater);
        return true;
    }

    std::optional<double> number()
    {
        const char* begin = text_.data() + pos_;
        double v = 0;
        auto [end, ec] = std::from_chars(begin, text_.data() + text_.size(), v);
        if (ec != std::errc() || !std::isfinite(v) || v < 0) return std::nullopt;
        pos_ += static_cast<std::size_t>(end - begin);
        return v;
    }

    static bool value(double v, const std::string& unit, threshold& t)
    {
        using m = threshold::metric;
        switch (t.what) {
        case m::percentile:
        case m::avg:
        case m::min:
        case m::max:
            if (unit.empty() || unit == "ms")
                t.limit = v;
            else if (unit == "s")
                t.limit = v * 1000;
            else
                return false;
            return true;
        case m::fail_ratio:
            if (unit == "%")
                t.limit = v / 100;
            else if (unit.empty() && v <= 1)
                t.limit = v;
            else
                return false;
            return true;
        case m::rps:
            if (!unit.empty() && unit != "/s") return false;
            t.limit = v;
            return true;
        case m::requests:
        case m::failures:
            if (!unit.empty() || v != std::floor(v)) return false;
            t.limit = v;
            return true;
        case m::late:
        case m::dropped:
            if (unit == "%") {
                t.ratio = true;
                t.limit = v / 100;
                return true;
            }
            if (!unit.empty() || v != std::floor(v)) return false;
            t.limit = v;
            return true;
        }
        return false;
    }

    static std::string unit_error(const threshold& t, const std::string& unit)
    {
        using m = threshold::metric;
        switch (t.what) {
        case m::fail_ratio: return "a failure ratio is a percentage (1%) or a fraction from 0 to 1";
        case m::rps: return "unknown unit '" + unit + "' for rps (a number, or /s)";
        case m::requests:
        case m::failures: return "expected a whole number with no unit";
        case m::late:
        case m::dropped: return "expected a whole number of iterations, or a percentage (1%)";
        default: return "unknown time unit '" + unit + "' (ms or s)";
        }
    }

    std::string_view text_;
    std::size_t pos_;
};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

} // namespace

bool threshold::met_by(double measured) const noexcept
{
    switch (op) {
    case comparison::less: return measured < limit;
    case comparison::less_equal: return measured <= limit;
    case comparison::greater: return measured > limit;
    case comparison::greater_equal: return measured >= limit;
    }
    return false;
}

core::result<threshold> parse_threshold(std::string_view text)
{
    threshold t;
    t.text = std::string(trim(text));
    // The scope ends at the last ':' — endpoint names may hold colons of their own
    // ("GET http://host:8080/x"), conditions never do.
    const std::size_t colon = text.rfind(':');
    std::size_t condition_at = 0;
    if (colon != std::string_view::npos) {
        const std::string_view scope = trim(text.substr(0, colon));
        condition_at = colon + 1;
        if (scope == "each") {
            t.where = threshold::scope::each;
        } else {
            const std::size_t space = scope.find(' ');
            if (scope.empty() || space == std::string_view::npos)
                return core::failure(core::error::invalid_shape,
                                     "invalid threshold '" + std::string(text) +
                                         "' at position 1: the scope is 'each' or 'METHOD NAME' (GET /api/users)");
            t.where = threshold::scope::endpoint;
            t.method = std::string(scope.substr(0, space));
            t.name = std::string(trim(scope.substr(space + 1)));
        }
    }
    auto parsed = scanner(text, condition_at).condition(std::move(t));
    if (parsed && (parsed->what == threshold::metric::late || parsed->what == threshold::metric::dropped) &&
        parsed->where != threshold::scope::aggregated)
        return core::failure(core::error::invalid_shape,
                             "invalid threshold '" + std::string(text) +
                                 "' at position 1: late and dropped count the whole test's iterations, with no scope");
    return parsed;
}

} // namespace hornet::report
