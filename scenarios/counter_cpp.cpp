// Example 3 in C++ (counter.json's twin): every GET / increments the app's counter; run it
// against 1 and then 4 replicas and compare the request rates.
#include <hornet/hornet.hpp>

#include <string>

namespace {

class counter_user : public hornet::user
{
public:
    hornet::task<> increment()
    {
        auto r = co_await get("/", {.catch_response = true});
        if (r.status() == 0) co_return; // no answer: the default verdict records the connection error
        if (r.status() != 200) {
            r.failure("expected status 200, got " + std::to_string(r.status()));
            co_return;
        }
        // Parsed without throwing: a body that is not JSON is a failed check, not an exception.
        auto body = nlohmann::json::parse(r.body(), nullptr, false);
        if (!body.is_object() || !body.contains("count")) {
            r.failure("/count not found in the response body");
            co_return;
        }
        r.success();
    }
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("A counter app: every GET / increments a counter. Run it against 1 and then 4 replicas "
               "and compare (C++ version of counter.json)");
    r.add<counter_user>("CounterUser").wait(hornet::constant(1)).task("increment", &counter_user::increment);
    return 0;
}
