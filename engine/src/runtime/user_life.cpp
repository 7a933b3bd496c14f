// Stop semantics shared by every kind of user.
#include "runtime/user_life.hpp"

#include "runtime/engine_thread.hpp"

namespace hornet::runtime {

user_life::user_life(engine_thread& thread, const compiled_class& cls, std::uint64_t id)
    : thread_(thread)
    , class_(cls)
    , id_(id)
    , session_(thread.http(), cls.host)
    , wait_(cls.source->wait)
    , timer_(thread.io())
{
}

void user_life::request_stop(bool force)
{
    if (state_ == state::killed) return;
    if (force || waiting_) {
        state_ = state::killed;
        timer_.cancel();
        if (force) session_.close();
    } else {
        state_ = state::stopping;
    }
}

} // namespace hornet::runtime
