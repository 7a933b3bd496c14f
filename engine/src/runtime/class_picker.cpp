// Kullback-Leibler class order (Locust >= 2.29).
#include "runtime/class_picker.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace hornet::runtime {

class_picker::class_picker(const std::vector<const scenario::user_class*>& classes)
{
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto& c = *classes[i];
        if (c.weight <= 0 && c.fixed_count <= 0) continue;
        classes_.push_back({i, c.weight, c.fixed_count, c.name});
    }
    std::sort(classes_.begin(), classes_.end(), [](const entry& a, const entry& b) { return a.name < b.name; });
}

std::size_t class_picker::next(const std::vector<std::size_t>& counts) const
{
    // Fixed classes first: weighted by how many users each still misses.
    std::size_t best = npos;
    std::tuple<double, double, double> best_key{};
    auto consider = [&](const entry& e, double w, double n) {
        std::tuple<double, double, double> key{w * std::log2((w + n) / (w + n + 1)), w + n + 1, w};
        if (best == npos || key < best_key) {
            best = e.index;
            best_key = key;
        }
    };
    for (const auto& e : classes_) {
        if (e.fixed_count <= 0) continue;
        auto have = counts[e.index];
        if (have < static_cast<std::size_t>(e.fixed_count)) consider(e, e.fixed_count - static_cast<double>(have), 0);
    }
    if (best != npos) return best;
    for (const auto& e : classes_) {
        if (e.fixed_count > 0 || e.weight <= 0) continue;
        consider(e, e.weight, static_cast<double>(counts[e.index]));
    }
    return best;
}

} // namespace hornet::runtime
