// hornet::registry: where a scenario declares its user classes and their tasks, explicitly.
#pragma once

#include "hornet/task.hpp"
#include "hornet/user.hpp"
#include "hornet/wait_time.hpp"

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace hornet {

struct task_spec
{
    std::string name;
    int weight = 1;
    std::vector<std::string> tags; ///< for -T/--tags and -E/--exclude-tags
    std::function<task<>(user&)> run;
};

struct class_spec
{
    std::string name; ///< the class name (the master/worker contract)
    double weight = 1;
    int fixed_count = 0; ///< > 0: exactly this many users, weight ignored
    wait_time wait;
    std::string host;        ///< overridden by -H
    bool sequential = false; ///< tasks in order, cycling
    std::function<std::unique_ptr<user>()> make;
    std::vector<task_spec> tasks;
};

template <class T>
class class_builder;

/// Filled by a scenario's registration function:
///     extern "C" int hornet_register(hornet::registry& r)
///     {
///         r.describe("Product search that refines while there are too many results");
///         r.add<shopper>("Shopper").wait(hornet::between(1, 2)).task("search", &shopper::search);
///         return 0;
///     }
/// A non-zero return refuses the load. The engine validates names and weights afterwards.
class registry
{
public:
    template <class T>
    class_builder<T> add(std::string name);

    registry& describe(std::string text)
    {
        description_ = std::move(text);
        return *this;
    }

    const std::string& description() const noexcept { return description_; }
    const std::vector<class_spec>& classes() const noexcept { return classes_; }
    std::vector<class_spec>& classes() noexcept { return classes_; }

private:
    std::string description_;
    std::vector<class_spec> classes_;
};

/// Sets up one class; every call returns the builder so calls chain.
template <class T>
class class_builder
{
public:
    class_builder(registry& r, std::size_t index) : r_(r), index_(index) {}

    class_builder& weight(double w)
    {
        spec().weight = w;
        return *this;
    }
    class_builder& fixed_count(int n)
    {
        spec().fixed_count = n;
        return *this;
    }
    class_builder& wait(wait_time w)
    {
        spec().wait = w;
        return *this;
    }
    class_builder& host(std::string url)
    {
        spec().host = std::move(url);
        return *this;
    }
    class_builder& sequential(bool on = true)
    {
        spec().sequential = on;
        return *this;
    }

    /// A task: `fn` is a member of T returning hornet::task<>; picked with this weight.
    class_builder& task(std::string name, hornet::task<> (T::*fn)(), int weight = 1, std::vector<std::string> tags = {})
    {
        spec().tasks.push_back(
            {std::move(name), weight, std::move(tags), [fn](user& u) { return (static_cast<T&>(u).*fn)(); }});
        return *this;
    }

private:
    class_spec& spec() { return r_.classes()[index_]; }
    registry& r_;
    std::size_t index_;
};

template <class T>
class_builder<T> registry::add(std::string name)
{
    static_assert(std::is_base_of_v<user, T>, "a user class derives from hornet::user");
    static_assert(std::is_default_constructible_v<T>, "a user class is default-constructible");
    class_spec s;
    s.name = std::move(name);
    s.make = [] { return std::unique_ptr<user>(new T()); };
    classes_.push_back(std::move(s));
    return class_builder<T>(*this, classes_.size() - 1);
}

} // namespace hornet
