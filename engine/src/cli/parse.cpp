// hornet::cli::parse: gathers every source in precedence order and types the result.
#include "cli/options.hpp"

#include <filesystem>

#include "cli/build_options.hpp"
#include "cli/command_line.hpp"
#include "cli/config_file.hpp"
#include "cli/environment.hpp"
#include "cli/help_text.hpp"
#include "cli/usage_error.hpp"

namespace hornet::cli {

namespace {

std::string in_folder(const std::string& folder, const std::string& name)
{
    return (std::filesystem::path(folder) / name).string();
}

} // namespace

parse_result parse(int argc, const char* const* argv, const char* const* envp, const std::string& cwd,
                   const std::string& home)
{
    try {
        command_line given = read_command_line(argc, argv);
        if (given.help) return {std::nullopt, 0, help_text()};
        if (given.version) return {std::nullopt, 0, "hornet " HORNET_VERSION "\n"};

        // Lowest precedence first: each source overwrites the keys it sets.
        raw_settings settings;
        std::string home_folder = home.empty() ? find_env(envp, "HOME").value_or("") : home;
        if (!home_folder.empty()) read_config_file(in_folder(home_folder, ".locust.conf"), settings);
        read_config_file(in_folder(cwd, "locust.conf"), settings);
        read_config_file(in_folder(cwd, "hornet.conf"), settings);
        if (given.config_file) {
            // A relative --config is relative to the working folder, which tests stand in for.
            std::string path = in_folder(cwd, *given.config_file);
            if (!read_config_file(path, settings)) throw argument_error("config file not found: " + *given.config_file);
        }
        read_environment(envp, settings);
        for (auto& [key, value] : given.settings) settings[key] = std::move(value);

        options opts = build_options(settings);
        opts.user_classes = std::move(given.user_classes);
        return {std::move(opts), 0, {}};
    } catch (const usage_error& e) {
        return {std::nullopt, e.exit_code(), std::string(e.what()) + "\n"};
    }
}

} // namespace hornet::cli
