// Validation of registered C++ classes and their conversion to the model.
#include "scenario/registry_model.hpp"

#include "scenario/native_class.hpp"

#include <cmath>
#include <exception>
#include <set>

namespace hornet::scenario {

namespace {

std::string check_wait(const hornet::wait_time& w)
{
    using kind = hornet::wait_time::kind;
    if (!std::isfinite(w.a) || !std::isfinite(w.b) || w.a < 0 || w.b < 0) return "wait times must be >= 0 seconds";
    if (w.type == kind::between && w.b < w.a) return "between(low, high) needs low <= high";
    if (w.type == kind::constant_throughput && w.a <= 0) return "constant_throughput needs a rate > 0";
    return {};
}

wait_time to_model(const hornet::wait_time& w)
{
    wait_time out;
    switch (w.type) {
    case hornet::wait_time::kind::constant: out.type = wait_time::kind::constant; break;
    case hornet::wait_time::kind::between: out.type = wait_time::kind::between; break;
    case hornet::wait_time::kind::constant_pacing: out.type = wait_time::kind::constant_pacing; break;
    case hornet::wait_time::kind::constant_throughput: out.type = wait_time::kind::constant_throughput; break;
    }
    out.a = w.a;
    out.b = w.b;
    return out;
}

} // namespace

load_result model_from_registry(hornet::registry& r, std::shared_ptr<void> library, const std::string& source)
{
    if (r.classes().empty())
        return load_error::whole_file(source, "the scenario registered no user class (registry::add)");
    model m;
    m.source = source;
    std::set<std::string> names;
    for (auto& spec : r.classes()) {
        std::string where = "user class \"" + spec.name + "\": ";
        if (spec.name.empty()) return load_error::whole_file(source, "a user class has an empty name");
        if (!names.insert(spec.name).second)
            return load_error::whole_file(source, "two user classes are named \"" + spec.name + "\"");
        if (!spec.make) return load_error::whole_file(source, where + "no factory");
        if (spec.tasks.empty())
            return load_error::whole_file(source, where + "no task: add one with .task(\"name\", &T::fn)");
        if (!(spec.weight > 0) && spec.fixed_count <= 0)
            return load_error::whole_file(source, where + "weight must be > 0");
        if (spec.fixed_count < 0) return load_error::whole_file(source, where + "fixed_count must be >= 0");
        if (auto e = check_wait(spec.wait); !e.empty()) return load_error::whole_file(source, where + e);
        std::set<std::string> task_names;
        for (const auto& t : spec.tasks) {
            if (t.name.empty()) return load_error::whole_file(source, where + "a task has an empty name");
            if (!task_names.insert(t.name).second)
                return load_error::whole_file(source, where + "two tasks are named \"" + t.name + "\"");
            if (t.weight < 1)
                return load_error::whole_file(source, where + "task \"" + t.name + "\": weight must be >= 1");
            if (!t.run) return load_error::whole_file(source, where + "task \"" + t.name + "\": no function");
        }

        user_class u;
        u.name = spec.name;
        u.weight = spec.weight;
        u.fixed_count = spec.fixed_count;
        u.wait = to_model(spec.wait);
        u.host = spec.host;
        u.sequential = spec.sequential;
        for (const auto& t : spec.tasks) {
            task mt;
            mt.name = t.name;
            mt.weight = t.weight;
            mt.tags = t.tags;
            u.tasks.push_back(std::move(mt));
        }
        auto native = std::make_shared<native_class>();
        native->library = library;
        native->spec = std::move(spec);
        u.native = std::move(native);
        m.users.push_back(std::move(u));
    }
    return m;
}

load_result load_registered(int (*register_fn)(hornet::registry&), std::shared_ptr<void> library,
                            const std::string& source)
{
    hornet::registry r;
    int rc = 0;
    try {
        rc = register_fn(r);
    } catch (const std::exception& e) {
        return load_error::whole_file(source, std::string("hornet_register threw: ") + e.what());
    } catch (...) {
        return load_error::whole_file(source, "hornet_register threw an exception");
    }
    if (rc != 0)
        return load_error::whole_file(source, "hornet_register refused to load (returned " + std::to_string(rc) + ")");
    return model_from_registry(r, std::move(library), source);
}

} // namespace hornet::scenario
