// Test helpers for the cli tests: a scratch folder and parse() called with vectors.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace hornet::cli::test {

/// A fresh folder under the system temp dir, removed with everything in it.
class temp_folder
{
public:
    temp_folder()
    {
        std::random_device seed;
        path_ =
            std::filesystem::temp_directory_path() / ("hornet-cli-" + std::to_string(seed()) + std::to_string(seed()));
        std::filesystem::create_directories(path_);
    }
    ~temp_folder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;

    std::string path() const { return path_.string(); }

    std::string write(const std::string& name, const std::string& content) const
    {
        auto file = path_ / name;
        std::ofstream(file, std::ios::binary) << content;
        return file.string();
    }

private:
    std::filesystem::path path_;
};

/// parse() with "hornet" as argv[0], an explicit environment (never the test's own) and
/// explicit folders, so no real ~/.locust.conf leaks in.
inline parse_result run(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                        const std::string& cwd = "/nonexistent-hornet-cwd",
                        const std::string& home = "/nonexistent-hornet-home")
{
    std::vector<const char*> argv{"hornet"};
    for (const auto& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    std::vector<const char*> envp;
    for (const auto& e : env) envp.push_back(e.c_str());
    envp.push_back(nullptr);
    return parse(static_cast<int>(argv.size() - 1), argv.data(), envp.data(), cwd, home);
}

} // namespace hornet::cli::test
