// When the open model's iterations are meant to start: a stream of intended start times at a
// rate that may change while it runs. No clock and no I/O: the executor asks it, tests drive it.
#pragma once

#include <chrono>
#include <cmath>
#include <cstdint>
#include <random>

namespace hornet::runtime {

enum class arrival_kind {
    constant, ///< evenly spaced: 1/rate apart
    poisson,  ///< independent arrivals: exponential gaps with mean 1/rate
};

class arrival_schedule
{
public:
    using clock = std::chrono::steady_clock;

    explicit arrival_schedule(arrival_kind kind = arrival_kind::constant) : kind_(kind) {}

    /// From `now` on, `rate` starts per second (0 pauses the stream). The first start of a new
    /// stream comes `phase` of a gap after `now` (0 ≤ phase < 1): several streams that share one
    /// rate (threads, workers) each take a different phase so that together they stay even.
    /// A stream that runs keeps its rhythm: the next start moves to `now` + what is left of the
    /// current gap at the new rate, so rate steps neither burst nor skip.
    template <class Rng>
    void set_rate(double rate, clock::time_point now, double phase, Rng& rng)
    {
        if (!(rate > 0) || !std::isfinite(rate)) {
            rate_ = 0;
            return;
        }
        if (rate_ > 0 && next_ > now) {
            // The part of the old gap still to go, stretched or squeezed to the new rate.
            const double left = std::chrono::duration<double>(next_ - now).count() * rate_ / rate;
            rate_ = rate;
            next_ = now + to_duration(left);
            return;
        }
        rate_ = rate;
        next_ = now + to_duration(kind_ == arrival_kind::constant ? phase / rate : gap(rng));
    }

    double rate() const noexcept { return rate_; }
    bool active() const noexcept { return rate_ > 0; }

    /// The intended start of the next iteration (meaningful while active()).
    clock::time_point next() const noexcept { return next_; }

    /// Takes the next start and schedules the one after it.
    template <class Rng>
    clock::time_point pop(Rng& rng)
    {
        const auto due = next_;
        next_ += to_duration(kind_ == arrival_kind::constant ? 1.0 / rate_ : gap(rng));
        return due;
    }

private:
    template <class Rng>
    double gap(Rng& rng)
    {
        return std::exponential_distribution<double>(rate_)(rng);
    }

    static clock::duration to_duration(double seconds)
    {
        return std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
    }

    arrival_kind kind_;
    double rate_ = 0;
    clock::time_point next_{};
};

} // namespace hornet::runtime
