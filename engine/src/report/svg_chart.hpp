// Line charts drawn as inline SVG, so an HTML report needs no script or chart library and reads
// the same offline, in a CI artifact viewer or in a mail.
#pragma once

#include <string>
#include <vector>

namespace hornet::report {

/// One point of a line; x in the chart's x unit, y in its y unit.
struct chart_point
{
    double x = 0;
    double y = 0;
};

/// One line: drawn as a polyline in `colour` (any CSS colour), named in the legend.
struct chart_series
{
    std::string name;
    std::string colour;
    std::vector<chart_point> points;
};

/// How x values are placed along the axis.
enum class x_axis {
    /// Evenly, from 0 (or the smallest x) to a rounded maximum.
    linear,
    /// x is a percentile in percent (0..100), placed at -log10(1 - x/100) as HdrHistogram's plots
    /// do, so 90%, 99% and 99.9% get equal room; 100% sits one decade after 99.99%.
    percentile,
};

/// A chart with labelled axes, grid lines and a legend; every text it holds is escaped when drawn.
class svg_chart
{
public:
    svg_chart(std::string title, std::string x_label, std::string y_label, x_axis axis = x_axis::linear);

    /// Points that are not finite are left out; a series without points still shows in the legend.
    void add(chart_series series);

    /// A <figure> with the title, the <svg> (one polyline per series with at least one point) and
    /// the legend; a chart without any point says "No data" in its frame.
    std::string html() const;

    const std::vector<chart_series>& series() const noexcept { return series_; }

private:
    std::string title_;
    std::string x_label_;
    std::string y_label_;
    x_axis axis_;
    std::vector<chart_series> series_;
};

} // namespace hornet::report
