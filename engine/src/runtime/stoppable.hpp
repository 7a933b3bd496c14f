// What the runner needs from a running user of any kind (JSON steps or C++ code): a way to stop it.
#pragma once

namespace hornet::runtime {

class stoppable
{
public:
    /// Asks the user to stop (call on its own thread). `force`: now, aborting an in-flight
    /// request (which is then not recorded); otherwise after the current task, except that a
    /// user that is waiting stops at once (Locust's stop_timeout semantics).
    virtual void request_stop(bool force) = 0;

protected:
    ~stoppable() = default;
};

} // namespace hornet::runtime
