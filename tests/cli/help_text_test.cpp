// Proves cli/help_text.hpp is self-contained; --help covers every option and variable.
#include "cli/help_text.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "cli/option_spec.hpp"

using namespace hornet::cli;

namespace {

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("help: every option, its short form and its variable")
{
    std::string help = help_text();
    for (const auto& spec : option_specs()) {
        CAPTURE(spec.key);
        CHECK(contains(help, "--" + std::string(spec.key)));
        if (spec.short_name != 0)
            CHECK(contains(help, std::string("-") + spec.short_name + ", --" + std::string(spec.key)));
        if (spec.locust_env)
            CHECK(contains(help, locust_env_name(spec)));
        else if (!spec.env.empty())
            CHECK(contains(help, hornet_env_name(spec)));
        if (!spec.default_text.empty()) CHECK(contains(help, "Default: " + std::string(spec.default_text)));
    }
    CHECK(contains(help, "HORNET_THREADS"));
    CHECK(contains(help, "LOCUST_SPAWN_RATE"));
}

TEST_CASE("help: description, usage, groups, sources and examples")
{
    std::string help = help_text();
    CHECK(help.rfind("hornet " HORNET_VERSION " - ", 0) == 0);
    for (const char* part :
         {"Usage:", "hornet [OPTIONS] [UserClass ...]", "hornet demo-target --port N",
          "Common options:", "Statistics and reports:", "Logging:", "Hornet:", "~/.locust.conf", "./hornet.conf",
          "HORNET_*", "Examples:", "hornet -H http://127.0.0.1:8000 --headless -u 50 -t 30s", "--csv out/run"}) {
        CAPTURE(part);
        CHECK(contains(help, part));
    }
    CHECK(help.back() == '\n');
}

TEST_CASE("help: fits in 80 columns")
{
    std::istringstream lines(help_text());
    std::string line;
    while (std::getline(lines, line)) {
        CAPTURE(line);
        CHECK(line.size() <= 80);
    }
}
