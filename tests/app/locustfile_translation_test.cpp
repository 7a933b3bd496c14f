// Proves app/locustfile_translation.hpp is self-contained; the embedded translator run with the
// real python3 on temporary locustfiles, and loader errors placed at their .py lines.
#include "app/locustfile_translation.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace hornet;

namespace {

/// A temporary folder with files, removed at the end of the test.
struct scratch
{
    std::filesystem::path dir;

    scratch()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "hornet-lf-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        dir = pattern;
    }
    ~scratch()
    {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string write(const std::string& name, const std::string& text) const
    {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    }
};

constexpr const char* simple = R"(from locust import HttpUser, task, between


class WebUser(HttpUser):
    wait_time = between(1, 2)

    @task(3)
    def index(self):
        self.client.get("/")
)";

} // namespace

TEST_CASE("-f entries: comma-separated lists, .py files and folders")
{
    CHECK(app::split_locustfile_spec("a.py, b.py,,c.json") == std::vector<std::string>{"a.py", "b.py", "c.json"});
    CHECK(app::is_locustfile_spec("locustfile.py"));
    CHECK(app::is_locustfile_spec("a.json,b.json"));
    CHECK_FALSE(app::is_locustfile_spec("scenario.json"));
    CHECK_FALSE(app::is_locustfile_spec("users_api"));
    scratch s;
    CHECK(app::is_locustfile_spec(s.dir.string()));
}

TEST_CASE("a locustfile becomes a model with its class names, weights and waits")
{
    scratch s;
    auto file = s.write("locustfile.py", simple);
    auto loaded = app::load_locustfiles(file, {});
    REQUIRE_MESSAGE(loaded.model, loaded.error);
    REQUIRE(loaded.model->users.size() == 1);
    const auto& u = loaded.model->users[0];
    CHECK(u.name == "WebUser");
    CHECK(u.wait.type == scenario::wait_time::kind::between);
    CHECK(u.wait.a == 1);
    CHECK(u.wait.b == 2);
    REQUIRE(u.tasks.size() == 1);
    CHECK(u.tasks[0].weight == 3);
}

TEST_CASE("untranslatable code: every error with file:line:column, in file order")
{
    scratch s;
    auto file = s.write("locustfile.py", R"(from locust import HttpUser, task


class U(HttpUser):
    @task
    def a(self):
        while True:
            self.client.get("/")

    @task
    def b(self):
        self.client.get("/b", timeout=3)
)");
    auto t = app::translate_locustfiles({file}, false);
    REQUIRE(t.errors.size() == 2);
    CHECK(t.errors[0].rfind(file + ":7:9: in U.a: a while loop cannot be translated", 0) == 0);
    CHECK(t.errors[1].rfind(file + ":12:39: in U.b: the request argument timeout= cannot be translated", 0) == 0);
    CHECK(t.scenario_json.empty());

    // --partial leaves both tasks out, then the class that has none left: nothing remains to run.
    auto partial = app::translate_locustfiles({file}, true);
    CHECK(partial.warnings.size() == 3);
    REQUIRE(partial.errors.size() == 1);
    CHECK(partial.errors[0].find("no user class found") != std::string::npos);
}

TEST_CASE("a loader error in the translation points into the .py file")
{
    scratch s;
    auto file = s.write("locustfile.py", R"(import random
from locust import HttpUser, task


class U(HttpUser):
    @task
    def t(self):
        self.client.get(f"/p/{random.randint(5, 1)}", name="/p")
)");
    auto loaded = app::load_locustfiles(file, {});
    REQUIRE_FALSE(loaded.model);
    CHECK(loaded.error == file + ":8:9: at /users/0/tasks/0/get: random.int(5, 1): lo is greater than hi");
}

TEST_CASE("class names are unique across files")
{
    scratch s;
    auto a = s.write("a.py", simple);
    auto b = s.write("b.py", simple);
    auto loaded = app::load_locustfiles(a + "," + b, {});
    REQUIRE_FALSE(loaded.model);
    CHECK(loaded.error.find("user class WebUser is defined in " + a + " too") != std::string::npos);
}

TEST_CASE("without python3 on PATH the error says what to install")
{
    scratch s;
    auto file = s.write("locustfile.py", simple);
    std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", s.dir.string().c_str(), 1);
    auto t = app::translate_locustfiles({file}, false);
    ::setenv("PATH", saved.c_str(), 1);
    REQUIRE(t.errors.size() == 1);
    CHECK(t.errors[0].find("python3 is not on PATH") != std::string::npos);
    CHECK(t.errors[0].find("apt-get install python3") != std::string::npos);
}
