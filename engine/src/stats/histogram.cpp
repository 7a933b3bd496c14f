// HDR histogram: index arithmetic, lazy chunks, percentile walks.
#include "stats/histogram.hpp"

#include <algorithm>
#include <cmath>

namespace hornet::stats {

std::uint64_t histogram::clamp(std::uint64_t value) noexcept
{
    return std::clamp(value, lowest_value, highest_value);
}

std::uint64_t histogram::lowest_equivalent(std::uint64_t value_us) noexcept
{
    return value_of_index(index_of(clamp(value_us)));
}

std::uint64_t histogram::highest_equivalent(std::uint64_t value_us) noexcept
{
    std::size_t index = index_of(clamp(value_us));
    return value_of_index(index + 1) - 1;
}

histogram::histogram(const histogram& other)
    : count_(other.count_), sum_(other.sum_), min_(other.min_), max_(other.max_)
{
    if (other.chunks_.empty()) return;
    chunks_.resize(other.chunks_.size());
    for (std::size_t c = 0; c < other.chunks_.size(); ++c)
        if (other.chunks_[c] && other.chunks_[c]->total) chunks_[c] = std::make_unique<chunk>(*other.chunks_[c]);
}

histogram& histogram::operator=(const histogram& other)
{
    if (this != &other) {
        histogram copy(other);
        *this = std::move(copy);
    }
    return *this;
}

histogram::chunk& histogram::chunk_for(std::size_t chunk_index)
{
    if (chunks_.empty()) chunks_.resize(chunk_count);
    auto& slot = chunks_[chunk_index];
    if (!slot) slot = std::make_unique<chunk>();
    return *slot;
}

void histogram::record(std::uint64_t value_us, std::uint64_t n)
{
    if (n == 0) return;
    std::uint64_t v = clamp(value_us);
    std::size_t index = index_of(v);
    chunk& ch = chunk_for(index / chunk_size);
    ch.counts[index % chunk_size] += n;
    ch.mark(index % chunk_size);
    ch.total += n;
    if (count_ == 0 || v < min_) min_ = v;
    if (v > max_) max_ = v;
    count_ += n;
    sum_ += v * n;
}

double histogram::mean() const noexcept
{
    return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0.0;
}

void histogram::values_at_percentiles(std::span<const double> percentiles, std::span<std::uint64_t> out) const
{
    std::size_t next = 0;
    if (count_ == 0) {
        std::fill(out.begin(), out.end(), 0);
        return;
    }
    // The rank each percentile needs; the small relative epsilon keeps 0.66 * 100 (= 66.00000000000001
    // in binary) from asking for rank 67.
    auto rank_of = [this](double p) {
        double wanted = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(count_);
        auto rank = static_cast<std::uint64_t>(std::ceil(wanted * (1.0 - 1e-12)));
        return std::clamp<std::uint64_t>(rank, 1, count_);
    };
    auto finish = [this](std::size_t index) { return std::clamp(value_of_index(index + 1) - 1, min_, max_); };

    std::uint64_t seen = 0;
    for (std::size_t c = 0; c < chunks_.size() && next < percentiles.size(); ++c) {
        const chunk* ch = chunks_[c].get();
        if (!ch || ch->total == 0) continue;
        // Whole chunk below the next rank: skip it without walking its counters.
        if (seen + ch->total < rank_of(percentiles[next])) {
            seen += ch->total;
            continue;
        }
        ch->for_each_used([&](std::size_t i) {
            seen += ch->counts[i];
            while (next < percentiles.size() && seen >= rank_of(percentiles[next]))
                out[next++] = finish(c * chunk_size + i);
        });
    }
    // Only reachable through rounding at the very top: report the max.
    for (; next < out.size(); ++next) out[next] = max_;
}

std::uint64_t histogram::value_at_percentile(double percentile) const
{
    std::uint64_t result = 0;
    values_at_percentiles(std::span<const double>(&percentile, 1), std::span<std::uint64_t>(&result, 1));
    return result;
}

void histogram::merge(const histogram& other)
{
    if (other.count_ == 0) return;
    for (std::size_t c = 0; c < other.chunks_.size(); ++c) {
        const chunk* src = other.chunks_[c].get();
        if (!src || src->total == 0) continue;
        chunk& dst = chunk_for(c);
        src->for_each_used([&](std::size_t i) { dst.counts[i] += src->counts[i]; });
        // After the adds: `other` may be *this.
        for (std::size_t w = 0; w < dst.used.size(); ++w) dst.used[w] |= src->used[w];
        dst.total += src->total;
    }
    if (count_ == 0 || other.min_ < min_) min_ = other.min_;
    max_ = std::max(max_, other.max_);
    count_ += other.count_;
    sum_ += other.sum_;
}

void histogram::set_exact(std::uint64_t min, std::uint64_t max, std::uint64_t sum) noexcept
{
    if (count_ == 0 || min > max) return;
    if (lowest_equivalent(min) != lowest_equivalent(min_) || lowest_equivalent(max) != lowest_equivalent(max_)) return;
    min_ = min;
    max_ = max;
    sum_ = sum;
}

void histogram::reset() noexcept
{
    for (auto& ch : chunks_)
        if (ch && ch->total) {
            ch->for_each_used([&](std::size_t i) { ch->counts[i] = 0; });
            ch->used.fill(0);
            ch->total = 0;
        }
    count_ = sum_ = min_ = max_ = 0;
}

std::size_t histogram::memory_bytes() const noexcept
{
    std::size_t bytes = chunks_.capacity() * sizeof(std::unique_ptr<chunk>);
    for (const auto& ch : chunks_)
        if (ch) bytes += sizeof(chunk);
    return bytes;
}

} // namespace hornet::stats
