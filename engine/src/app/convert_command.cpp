// hornet convert: translate, check with the JSON loader, write.
#include "app/convert_command.hpp"

#include "app/locustfile_translation.hpp"

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::app {

namespace {

constexpr const char* convert_usage =
    "Usage: hornet convert LOCUSTFILE... [-o SCENARIO.json] [--partial]\n"
    "\n"
    "Translates locustfiles (files, folders, or a comma-separated list) into a JSON scenario\n"
    "(docs/locustfiles.md) and writes it to stdout, or to the -o file. Needs python3.\n"
    "\n"
    "  -o, --output FILE  write the scenario to FILE instead of stdout\n"
    "  --partial          leave out the tasks that cannot be translated (a warning for each)\n"
    "                     instead of failing\n";

int usage_error(const std::string& message)
{
    std::fprintf(stderr, "hornet convert: error: %s\n\n%s", message.c_str(), convert_usage);
    return 2;
}

} // namespace

int run_convert_command(int argc, char** argv)
{
    std::string output;
    bool partial = false;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::fputs(convert_usage, stdout);
            return 0;
        }
        if (arg == "-o" || arg == "--output") {
            if (i + 1 >= argc) return usage_error(std::string(arg) + " needs a FILE");
            output = argv[++i];
        } else if (arg.starts_with("--output=")) {
            output = std::string(arg.substr(9));
        } else if (arg == "--partial") {
            partial = true;
        } else if (arg.starts_with("-")) {
            return usage_error("unknown option " + std::string(arg));
        } else {
            for (auto& p : split_locustfile_spec(std::string(arg))) inputs.push_back(std::move(p));
        }
    }
    if (inputs.empty()) return usage_error("give the locustfile to convert");

    auto t = translate_locustfiles(inputs, partial);
    for (const auto& w : t.warnings) std::fprintf(stderr, "%s\n", w.c_str());
    if (!t.errors.empty()) {
        for (const auto& e : t.errors) std::fprintf(stderr, "%s\n", e.c_str());
        return 1;
    }
    // The JSON loader checks what the translation made (an unknown variable, a bad template),
    // naming the .py line, so a written scenario is one that runs.
    if (auto loaded = load_translation(t, inputs, {}); !loaded.model) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return 1;
    }
    std::string text = t.scenario_json + "\n";
    if (output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
        std::fprintf(stderr, "hornet convert: error: cannot write %s\n", output.c_str());
        return 1;
    }
    std::fprintf(stderr, "hornet convert: wrote %s\n", output.c_str());
    return 0;
}

} // namespace hornet::app
