// The order in which a JSON user runs one step list (a task, on_start or on_stop): its requests,
// with repeat blocks entered as many times as they say.
#pragma once

#include "runtime/compiled_class.hpp"

#include <array>
#include <cstddef>
#include <vector>

namespace hornet::runtime {

/// A walk over a step list, nested repeats kept on a small inline stack (no allocation, no
/// coroutine frame per level). The list must outlive the walk.
class step_cursor
{
public:
    /// Repeats nest at most this deep (the loader allows 4; deeper blocks are skipped).
    static constexpr std::size_t max_depth = 6;

    /// Starts over at the first step of `steps`.
    void reset(const std::vector<compiled_step>& steps)
    {
        depth_ = 0;
        stack_[0] = {&steps, 0, 1};
    }

    /// The next request step, or nullptr once the list is done. `times(step)` says how many
    /// times a repeat step's block runs this time (0 skips it).
    template <class Times>
    const compiled_step* next(Times&& times)
    {
        for (;;) {
            level& top = stack_[depth_];
            if (top.steps != nullptr && top.next < top.steps->size()) {
                const compiled_step& step = (*top.steps)[top.next++];
                if (step.source->type != scenario::step::kind::repeat) return &step;
                const int n = times(step);
                if (n > 0 && !step.steps.empty() && depth_ + 1 < max_depth) stack_[++depth_] = {&step.steps, 0, n};
                continue;
            }
            if (depth_ == 0) return nullptr;
            if (--top.remaining > 0)
                top.next = 0;
            else
                --depth_;
        }
    }

    /// Skips the rest of the list (on_failure: skip_task, a template that cannot render).
    void finish()
    {
        depth_ = 0;
        if (stack_[0].steps != nullptr) stack_[0].next = stack_[0].steps->size();
    }

private:
    struct level
    {
        const std::vector<compiled_step>* steps;
        std::size_t next;
        int remaining;
    };
    std::array<level, max_depth> stack_{};
    std::size_t depth_ = 0;
};

} // namespace hornet::runtime
