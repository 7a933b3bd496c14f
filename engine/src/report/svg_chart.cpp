#include "report/svg_chart.hpp"

#include "report/html_escape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace hornet::report {

namespace {

// The drawing's own coordinates; the SVG scales to the page width through its viewBox.
constexpr double width = 760;
constexpr double height = 280;
constexpr double left = 70;
constexpr double right = 20;
constexpr double top = 14;
constexpr double bottom = 46;
constexpr double plot_w = width - left - right;
constexpr double plot_h = height - top - bottom;

// 100% has no finite place on the percentile axis: it is drawn one decade after 99.99%.
constexpr double percentile_cap = 5;

// Markers carry each value as a hover title; past this many points they would only add weight.
constexpr std::size_t max_markers = 60;

std::string coord(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A tick or value label: as few decimals as `step` needs, thousands shortened.
std::string number_text(double v, double step)
{
    if (!std::isfinite(v)) return "0";
    char buf[48];
    double a = std::abs(v);
    if (a >= 1e6 && step >= 1e5)
        std::snprintf(buf, sizeof buf, "%gM", v / 1e6);
    else if (a >= 1e4 && step >= 1e3)
        std::snprintf(buf, sizeof buf, "%gk", v / 1e3);
    else {
        int decimals = 0;
        while (decimals < 3 &&
               std::abs(step * std::pow(10, decimals) - std::round(step * std::pow(10, decimals))) > 1e-6)
            ++decimals;
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    }
    return buf;
}

// A step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` intervals up to `max`.
double nice_step(double max, int ticks)
{
    if (!(max > 0) || !std::isfinite(max)) return 1;
    double raw = max / ticks;
    double mag = std::pow(10, std::floor(std::log10(raw)));
    double norm = raw / mag;
    double f = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return f * mag;
}

double percentile_position(double percent)
{
    if (percent >= 100) return percentile_cap;
    double rest = 1 - std::max(percent, 0.0) / 100;
    return std::min(-std::log10(rest), percentile_cap);
}

std::string percentile_tick_label(int decade)
{
    if (decade >= static_cast<int>(percentile_cap)) return "100%";
    if (decade <= 0) return "0%";
    if (decade == 1) return "90%";
    // 2 -> 99%, 3 -> 99.9%, 4 -> 99.99%
    std::string text = "99";
    if (decade > 2) text += "." + std::string(static_cast<std::size_t>(decade - 2), '9');
    return text + "%";
}

struct scale
{
    double x_min = 0, x_max = 1, x_step = 1;
    double y_max = 1, y_step = 1;
    double px(double x) const { return left + (x - x_min) / (x_max - x_min) * plot_w; }
    double py(double y) const { return top + plot_h - y / y_max * plot_h; }
};

} // namespace

svg_chart::svg_chart(std::string title, std::string x_label, std::string y_label, x_axis axis)
    : title_(std::move(title)), x_label_(std::move(x_label)), y_label_(std::move(y_label)), axis_(axis)
{}

void svg_chart::add(chart_series series)
{
    std::erase_if(series.points, [](const chart_point& p) { return !std::isfinite(p.x) || !std::isfinite(p.y); });
    series_.push_back(std::move(series));
}

std::string svg_chart::html() const
{
    bool percentile = axis_ == x_axis::percentile;
    auto position = [&](double x) { return percentile ? percentile_position(x) : x; };

    bool any = false;
    double x_lo = 0, x_hi = 0, y_hi = 0;
    for (const auto& s : series_)
        for (const auto& p : s.points) {
            double x = position(p.x);
            x_lo = any ? std::min(x_lo, x) : std::min(0.0, x);
            x_hi = any ? std::max(x_hi, x) : x;
            y_hi = std::max(y_hi, p.y);
            any = true;
        }

    scale sc;
    if (percentile) {
        sc.x_min = 0;
        sc.x_max = std::max(2.0, std::ceil(x_hi));
        sc.x_step = 1;
    } else {
        sc.x_min = x_lo;
        sc.x_step = nice_step(x_hi - x_lo, 8);
        sc.x_max = x_lo + std::max(1.0, std::ceil((x_hi - x_lo) / sc.x_step)) * sc.x_step;
    }
    sc.y_step = nice_step(y_hi, 5);
    sc.y_max = std::max(1.0, std::ceil(y_hi / sc.y_step)) * sc.y_step;

    std::string out = "<figure class=\"chart\">\n<figcaption>" + html_escape(title_) + "</figcaption>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + coord(width) + " " + coord(height) +
           "\" role=\"img\" aria-label=\"" + html_escape(title_) + "\">\n";

    // Horizontal grid lines with the y ticks.
    out += "<g class=\"grid\">\n";
    for (double y = 0; y <= sc.y_max + sc.y_step / 2; y += sc.y_step) {
        std::string py = coord(sc.py(y));
        out += "<line x1=\"" + coord(left) + "\" y1=\"" + py + "\" x2=\"" + coord(left + plot_w) + "\" y2=\"" + py +
               "\"/><text class=\"tick\" x=\"" + coord(left - 6) + "\" y=\"" + py +
               "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + number_text(y, sc.y_step) + "</text>\n";
    }
    // Vertical ticks along the x axis.
    for (double x = sc.x_min; x <= sc.x_max + sc.x_step / 2; x += sc.x_step) {
        std::string px = coord(sc.px(x));
        std::string label =
            percentile ? percentile_tick_label(static_cast<int>(std::lround(x))) : number_text(x, sc.x_step);
        out += "<line x1=\"" + px + "\" y1=\"" + coord(top) + "\" x2=\"" + px + "\" y2=\"" + coord(top + plot_h) +
               "\"/><text class=\"tick\" x=\"" + px + "\" y=\"" + coord(top + plot_h + 16) +
               "\" text-anchor=\"middle\">" + label + "</text>\n";
    }
    out += "</g>\n";

    out += "<rect class=\"frame\" x=\"" + coord(left) + "\" y=\"" + coord(top) + "\" width=\"" + coord(plot_w) +
           "\" height=\"" + coord(plot_h) + "\"/>\n";
    out += "<text class=\"axis-label\" x=\"" + coord(left + plot_w / 2) + "\" y=\"" + coord(height - 6) +
           "\" text-anchor=\"middle\">" + html_escape(x_label_) + "</text>\n";
    out += "<text class=\"axis-label\" transform=\"translate(16 " + coord(top + plot_h / 2) +
           ") rotate(-90)\" text-anchor=\"middle\">" + html_escape(y_label_) + "</text>\n";

    if (!any)
        out += "<text class=\"no-data\" x=\"" + coord(left + plot_w / 2) + "\" y=\"" + coord(top + plot_h / 2) +
               "\" text-anchor=\"middle\" dominant-baseline=\"middle\">No data</text>\n";

    for (const auto& s : series_) {
        if (s.points.empty()) continue;
        std::string name = html_escape(s.name);
        std::string colour = html_escape(s.colour);
        out += "<g class=\"series\" data-series=\"" + name + "\">\n<polyline fill=\"none\" stroke=\"" + colour +
               "\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"";
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            if (i) out += ' ';
            out += coord(sc.px(position(s.points[i].x))) + "," + coord(sc.py(s.points[i].y));
        }
        out += "\"><title>" + name + "</title></polyline>\n";
        // A lone point draws no line, so it always gets its marker.
        if (s.points.size() <= max_markers)
            for (const auto& p : s.points) {
                std::string x_text = percentile ? number_text(p.x, 0.01) + "%" : number_text(p.x, 0.1);
                out += "<circle cx=\"" + coord(sc.px(position(p.x))) + "\" cy=\"" + coord(sc.py(p.y)) +
                       "\" r=\"2.5\" fill=\"" + colour + "\"><title>" + name + " @ " + x_text + ": " +
                       number_text(p.y, 0.01) + "</title></circle>\n";
            }
        out += "</g>\n";
    }
    out += "</svg>\n<ul class=\"legend\">";
    for (const auto& s : series_)
        out += "<li><span class=\"swatch\" style=\"background:" + html_escape(s.colour) + "\"></span>" +
               html_escape(s.name) + "</li>";
    out += "</ul>\n</figure>\n";
    return out;
}

} // namespace hornet::report
