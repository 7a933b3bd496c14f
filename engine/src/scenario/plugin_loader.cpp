// dlopen-based plugin loading.
#include "scenario/plugin_loader.hpp"

#include "scenario/registry_model.hpp"

#include <hornet/version.hpp>

#include <dlfcn.h>

#include <filesystem>
#include <memory>

namespace hornet::scenario {

bool is_plugin_path(const std::string& path)
{
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".so") == 0;
}

load_result load_plugin(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return load_error::whole_file(path, "no such plugin file");
    // dlopen searches the library path for a name without a slash: load what was named.
    std::string name = path.find('/') == std::string::npos ? "./" + path : path;
    void* handle = ::dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        return load_error::whole_file(path, std::string("cannot load plugin: ") + (why ? why : "unknown dlopen error"));
    }
    std::shared_ptr<void> library(handle, [](void* h) { ::dlclose(h); });

    using version_fn = int (*)();
    using register_fn = int (*)(hornet::registry&);
    auto version = reinterpret_cast<version_fn>(::dlsym(handle, "hornet_api_version"));
    auto reg = reinterpret_cast<register_fn>(::dlsym(handle, "hornet_register"));
    if (!version || !reg)
        return load_error::whole_file(
            path, "not a Hornet plugin: it does not export hornet_api_version() and hornet_register() "
                  "(build it with hornet_add_scenario from cmake/HornetScenario.cmake)");
    int v = version();
    if (v != HORNET_API_VERSION)
        return load_error::whole_file(path, "plugin built for Hornet API version " + std::to_string(v) +
                                                ", this hornet has version " + std::to_string(HORNET_API_VERSION) +
                                                ": rebuild it against these headers");
    return load_registered(reg, std::move(library), path);
}

} // namespace hornet::scenario
