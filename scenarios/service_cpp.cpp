// Example 1 in C++ (service.json's twin): a small Flask-style service whose state, metrics and
// health are polled by many users, e.g. 500 users over 3 minutes in CI.
//
// `hornet -f service_cpp -H http://127.0.0.1:8000 --headless -u 500 -r 50 -t 3m`
#include <hornet/hornet.hpp>

namespace {

class service_user : public hornet::user
{
public:
    // Plain requests: recorded as failed on a connection error or a status of 400 or more.
    hornet::task<> state() { co_await get("/state"); }
    hornet::task<> metrics() { co_await get("/metrics"); }
    hornet::task<> health() { co_await get("/health"); }
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("A small Flask-style service: state, metrics and health, polled by many users "
               "(C++ version of service.json)");
    r.add<service_user>("ServiceUser")
        .wait(hornet::between(0.5, 1.5))
        .task("state", &service_user::state, 3)
        .task("metrics", &service_user::metrics)
        .task("health", &service_user::health);
    return 0;
}
