// HDR histogram of response times in microseconds (3 significant digits, 1 µs .. 1 hour).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace hornet::stats {

namespace detail {

inline constexpr unsigned hdr_half_magnitude = 10; // 1024 steps per power of two
inline constexpr std::size_t hdr_half_count = std::size_t{1} << hdr_half_magnitude;

// A value v >= 1 with k = max(0, msb(v) - 10) lives at (k << 10) + (v >> k): below 2048 that is
// v itself; each further power of two adds 1024 counters.
constexpr std::size_t hdr_index(std::uint64_t value) noexcept
{
    unsigned msb = static_cast<unsigned>(std::bit_width(value)) - 1;
    unsigned k = msb > hdr_half_magnitude ? msb - hdr_half_magnitude : 0;
    return (static_cast<std::size_t>(k) << hdr_half_magnitude) + static_cast<std::size_t>(value >> k);
}

/// The lowest value counted at `index`.
constexpr std::uint64_t hdr_value(std::size_t index) noexcept
{
    if (index < 2 * hdr_half_count) return index;
    std::size_t k = index / hdr_half_count - 1;
    return static_cast<std::uint64_t>(index - k * hdr_half_count) << k;
}

} // namespace detail

/// Counts of values with a relative precision of 1/1024 (better than 3 significant digits).
///
/// Values are bucketed as in HdrHistogram: below 2048 every value has its own counter; above,
/// each power of two is split into 1024 equal steps. The counter array (~23,000 counters) is
/// split into small chunks allocated on first use, so a narrow distribution costs a few KB.
/// record() is O(1) and does not allocate once the chunk of that value exists.
///
/// Not thread-safe: one owner at a time.
class histogram
{
public:
    static constexpr std::uint64_t lowest_value = 1;                 // 1 µs
    static constexpr std::uint64_t highest_value = 3'600'000'000ULL; // 1 hour in µs

    histogram() = default;
    histogram(const histogram& other);
    histogram& operator=(const histogram& other);
    histogram(histogram&&) noexcept = default;
    histogram& operator=(histogram&&) noexcept = default;
    ~histogram() = default;

    /// Records `value_us` (clamped into [lowest_value, highest_value]) `n` times.
    void record(std::uint64_t value_us, std::uint64_t n = 1);

    std::uint64_t count() const noexcept { return count_; }
    bool empty() const noexcept { return count_ == 0; }
    /// Exact smallest / largest recorded (clamped) value; 0 when empty.
    std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
    std::uint64_t max() const noexcept { return max_; }
    /// Exact mean of the recorded (clamped) values; 0 when empty.
    double mean() const noexcept;

    /// Smallest recorded value v (to the histogram's precision) such that at least
    /// `percentile` % of all recorded values are <= v. Clamped to [min(), max()], so
    /// percentile 100 is the exact max. 0 when empty. `percentile` in 0..100.
    std::uint64_t value_at_percentile(double percentile) const;

    /// value_at_percentile for several percentiles in one pass over the counters.
    /// `percentiles` must be ascending; `out` has the same size.
    void values_at_percentiles(std::span<const double> percentiles, std::span<std::uint64_t> out) const;

    /// Adds all counts of `other` (as if its values had been recorded here).
    void merge(const histogram& other);

    /// Forgets all values; keeps the allocated chunks so the hot path stays allocation-free.
    void reset() noexcept;

    /// Calls f(value_us, count) for every non-empty counter, ascending. `value_us` is the lowest
    /// value of the counter's range, so record(value_us, count) elsewhere lands in the same counter.
    template <class F>
    void for_each(F&& f) const
    {
        for (std::size_t c = 0; c < chunks_.size(); ++c) {
            const chunk* ch = chunks_[c].get();
            if (!ch || ch->total == 0) continue;
            ch->for_each_used([&](std::size_t i) { f(value_of_index(c * chunk_size + i), ch->counts[i]); });
        }
    }

    /// Exact sum of the recorded (clamped) values.
    std::uint64_t sum() const noexcept { return sum_; }

    /// After rebuilding a histogram from another's for_each() output (the wire codec), restores
    /// the exact min, max and sum that the counters alone do not carry. Ignored when they do
    /// not fall into the counters of the current min and max.
    void set_exact(std::uint64_t min, std::uint64_t max, std::uint64_t sum) noexcept;

    /// Bytes held on the heap (the chunk table and the chunks).
    std::size_t memory_bytes() const noexcept;

    /// The range of values sharing one counter with `value_us`.
    static std::uint64_t lowest_equivalent(std::uint64_t value_us) noexcept;
    static std::uint64_t highest_equivalent(std::uint64_t value_us) noexcept;

private:
    static constexpr std::size_t chunk_size = 256;
    static std::uint64_t clamp(std::uint64_t value) noexcept;
    static constexpr std::size_t chunk_count = detail::hdr_index(highest_value) / chunk_size + 1;
    static std::size_t index_of(std::uint64_t v) noexcept { return detail::hdr_index(v); }
    static std::uint64_t value_of_index(std::size_t i) noexcept { return detail::hdr_value(i); }

    static constexpr std::size_t word_bits = 64;

    struct chunk
    {
        std::uint64_t total = 0;
        // One bit per non-zero counter: a merge, reset or walk of a sparse chunk (a worker's
        // few dozen requests of one endpoint over 3 s) visits only its non-zero counters.
        std::array<std::uint64_t, chunk_size / word_bits> used{};
        std::array<std::uint64_t, chunk_size> counts{};

        void mark(std::size_t i) noexcept { used[i / word_bits] |= std::uint64_t{1} << (i % word_bits); }

        /// Calls f(i) for every non-zero counter i, ascending.
        template <class F>
        void for_each_used(F&& f) const
        {
            for (std::size_t w = 0; w < used.size(); ++w)
                for (std::uint64_t bits = used[w]; bits; bits &= bits - 1)
                    f(w * word_bits + static_cast<std::size_t>(std::countr_zero(bits)));
        }
    };

    chunk& chunk_for(std::size_t chunk_index);

    std::vector<std::unique_ptr<chunk>> chunks_; // empty until the first record
    std::uint64_t count_ = 0;
    std::uint64_t sum_ = 0;
    std::uint64_t min_ = 0;
    std::uint64_t max_ = 0;
};

} // namespace hornet::stats
