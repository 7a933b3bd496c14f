// Proves app/scenario_choice.hpp is self-contained; the default file is picked in Locust's order
// and loaded exactly as -f would load it.
#include "app/scenario_choice.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace hornet;

namespace {

struct folder
{
    std::filesystem::path dir;
    folder()
    {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("hornet-choice-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~folder() { std::filesystem::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(dir / name) << text; }
};

const char* const scenario_text = R"({"users": [{"name": "FromJson", "tasks": [{"get": "/"}]}]})";

} // namespace

TEST_CASE("default file: -f wins, then locustfile.py, then hornet.json, then quick mode")
{
    folder f;
    const std::string dir = f.dir.string();
    CHECK(app::default_scenario_file("", dir).empty());
    CHECK(app::default_scenario_file("given.json", dir) == "given.json");

    f.write("hornet.json", scenario_text);
    CHECK(app::default_scenario_file("", dir) == (f.dir / "hornet.json").string());

    f.write("locustfile.py", "from locust import HttpUser\n");
    CHECK(app::default_scenario_file("", dir) == (f.dir / "locustfile.py").string());
    CHECK(app::default_scenario_file("other.json", dir) == "other.json");

    // A folder of that name is not a file to load.
    std::filesystem::remove(f.dir / "locustfile.py");
    std::filesystem::create_directories(f.dir / "locustfile.py");
    CHECK(app::default_scenario_file("", dir) == (f.dir / "hornet.json").string());
}

TEST_CASE("default file: loaded by the same path as -f, in the current folder")
{
    folder f;
    f.write("hornet.json", scenario_text);
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(f.dir);
    cli::options opts;
    auto json_choice = app::choose_scenario(opts, false);
    f.write("locustfile.py", "this is { not JSON\n");
    auto py_choice = app::choose_scenario(opts, false);
    std::filesystem::current_path(previous);

    CHECK(json_choice.error.empty());
    REQUIRE(json_choice.model.users.size() == 1);
    CHECK(json_choice.model.users[0].name == "FromJson");
    CHECK(json_choice.model.source == "hornet.json");
    // locustfile.py is chosen first and goes through the -f loader (which names it in its error).
    CHECK(py_choice.error.rfind("locustfile.py:", 0) == 0);
}
