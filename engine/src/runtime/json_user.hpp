// A user of a JSON scenario class: runs its compiled steps (requests, checks, extracts, repeats)
// in the lifecycle every user shares (runtime/user_life).
#pragma once

#include "http/session.hpp"
#include "runtime/compiled_class.hpp"
#include "runtime/step_cursor.hpp"
#include "runtime/user_life.hpp"
#include "runtime/wait_policy.hpp"
#include "scenario/user_state.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hornet::runtime {

class engine_thread;

class json_user final : public user_life
{
public:
    json_user(engine_thread& thread, const compiled_class& cls, std::uint64_t id, bool pooled);

    /// The user's whole life, in one coroutine frame that also owns the user (each nested
    /// coroutine would be one more frame per user: memory, when thousands start at once).
    /// Registered with its thread while alive. Never throws: failures are recorded.
    /// `pooled`: an open-model user (iterations from the thread's arrival schedule).
    /// Completes with true when the user stopped by itself because a step of its on_start
    /// failed: as a Locust user whose on_start raises, it runs no task and no on_stop.
    static boost::asio::awaitable<bool> run(engine_thread& thread, const compiled_class& cls, std::uint64_t id,
                                            bool pooled = false);

private:
    enum class phase { on_start, tasks, set_on_start, set_on_stop, on_stop };
    /// A nested task set being run (Locust's TaskSet as a task).
    struct running_set
    {
        const compiled_set* set = nullptr;
        std::optional<wait_policy> own_wait; ///< its own wait_time's state; none: the user's
        std::size_t sequence = 0;            ///< next task of a sequential set
        bool reschedule = true;              ///< how it was interrupted: the parent goes on at once
        bool stopping = false;               ///< left because the user stops
    };
    /// The user stops: the innermost set still running is left next (its on_stop), or, with
    /// none left, the user's on_stop runs.
    void leave_next(std::vector<running_set>& sets, phase& at, step_cursor& cursor);

    /// The request to send for `step`: the prebuilt one, or `scratch` rendered; null when a
    /// template cannot render (recorded as an exception, like a KeyError in a Locust task).
    const http::request* prepare(const compiled_step& step, std::unique_ptr<http::request>& scratch);
    /// Records the result (after checks and extracts); false when the request counts as failed.
    bool judge(const compiled_step& step, const http::request& sent, const http::response& r,
               std::chrono::steady_clock::duration elapsed);
    int repeat_count(const scenario::step& s);

    scenario::user_state vars_;
};

} // namespace hornet::runtime
