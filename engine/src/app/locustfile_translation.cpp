// python3 + the embedded translator -> a scenario model.
#include "app/locustfile_translation.hpp"

#include "app/translator_source.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hornet::app {

namespace {

/// A temporary file removed when it goes out of scope.
struct temp_file
{
    std::string path;
    int fd = -1;

    explicit temp_file(const char* tag)
    {
        path = temp_root() + "/hornet-" + tag + "-XXXXXX";
        fd = ::mkstemp(path.data());
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    ~temp_file()
    {
        if (fd >= 0) ::close(fd);
        if (fd >= 0) ::unlink(path.c_str());
    }
    bool ok() const { return fd >= 0; }

    static std::string temp_root()
    {
        const char* dir = std::getenv("TMPDIR");
        return dir && *dir ? dir : "/tmp";
    }
};

/// The translator's files written into a fresh temporary folder, removed when it goes out of
/// scope; `python3 FOLDER` runs its __main__.py.
struct translator_folder
{
    std::string path;
    std::string error;

    translator_folder()
    {
        std::string pattern = temp_file::temp_root() + "/hornet-translator-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            error =
                std::string("cannot create a temporary folder for the locustfile translator: ") + std::strerror(errno);
            return;
        }
        path = pattern;
        for (const auto& f : translator_files()) {
            std::ofstream out(path + "/" + std::string(f.name), std::ios::binary | std::ios::trunc);
            out.write(f.content.data(), static_cast<std::streamsize>(f.content.size()));
            out.flush();
            if (!out) {
                error = "cannot write the locustfile translator into " + path;
                return;
            }
        }
    }
    translator_folder(const translator_folder&) = delete;
    translator_folder& operator=(const translator_folder&) = delete;
    ~translator_folder()
    {
        std::error_code ec;
        if (!path.empty()) std::filesystem::remove_all(path, ec);
    }
};

std::string read_all(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

bool ends_with(const std::string& s, std::string_view tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// Runs python3 with `args`; stdout and stderr go to the given files. The exit status, or
/// -1 with `why` set when python3 could not run.
int run_python(const std::vector<std::string>& args, int out_fd, int err_fd, std::string& why)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        why = rc == ENOENT ? "python3 is not on PATH: running a locustfile needs Python 3 to translate it "
                             "(Debian/Ubuntu: apt-get install python3; Alpine: apk add python3), or convert it "
                             "elsewhere with `hornet convert` and run the JSON"
                           : std::string("cannot start python3: ") + std::strerror(rc);
        return -1;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            why = std::string("waiting for python3: ") + std::strerror(errno);
            return -1;
        }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    why = "python3 ended on signal " + std::to_string(WTERMSIG(status)) + " while translating";
    return -1;
}

} // namespace

std::vector<std::string> split_locustfile_spec(const std::string& spec)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= spec.size()) {
        auto comma = spec.find(',', start);
        if (comma == std::string::npos) comma = spec.size();
        auto part = spec.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) out.push_back(part);
        start = comma + 1;
    }
    return out;
}

bool is_locustfile_spec(const std::string& spec)
{
    auto parts = split_locustfile_spec(spec);
    if (parts.size() > 1) return true;
    if (parts.empty()) return false;
    std::error_code ec;
    return ends_with(parts[0], ".py") || std::filesystem::is_directory(parts[0], ec);
}

translation translate_locustfiles(const std::vector<std::string>& paths, bool partial)
{
    translation t;
    translator_folder script;
    if (!script.error.empty()) {
        t.errors.push_back(script.error);
        return t;
    }
    temp_file out("translated"), err("translator-errors"), places("positions");
    if (!out.ok() || !err.ok() || !places.ok()) {
        t.errors.push_back(std::string("cannot create a temporary file for the locustfile translator: ") +
                           std::strerror(errno));
        return t;
    }
    // -I: ignore PYTHON* variables and the user's site-packages; -B: write no .pyc next to it.
    std::vector<std::string> args = {"python3", "-I", "-B", script.path, "--positions", places.path};
    if (partial) args.emplace_back("--partial");
    for (const auto& p : paths) args.push_back(p);
    std::string why;
    int rc = run_python(args, out.fd, err.fd, why);
    if (rc < 0) {
        t.errors.push_back(why);
        return t;
    }
    auto stderr_lines = lines_of(read_all(err.path));
    for (auto& line : stderr_lines) {
        if (line.find(": warning: ") != std::string::npos)
            t.warnings.push_back(std::move(line));
        else
            t.errors.push_back(std::move(line));
    }
    if (rc != 0) {
        if (t.errors.empty())
            t.errors.push_back("the locustfile translator failed (exit status " + std::to_string(rc) + ")");
        return t;
    }
    t.scenario_json = read_all(out.path);
    while (!t.scenario_json.empty() && t.scenario_json.back() == '\n') t.scenario_json.pop_back();
    if (t.scenario_json.empty()) {
        t.errors.push_back("the locustfile translator wrote no scenario");
        return t;
    }
    auto positions = nlohmann::json::parse(read_all(places.path), nullptr, false);
    if (positions.is_object())
        for (const auto& [pointer, where] : positions.items())
            if (where.is_string()) t.positions.emplace_back(pointer, where.get<std::string>());
    return t;
}

namespace {

/// "file.py:12:5" -> the error's place; the file name may itself hold colons.
void place_error(scenario::load_error& e, const std::string& where)
{
    auto last = where.rfind(':');
    if (last == std::string::npos || last == 0) return;
    auto mid = where.rfind(':', last - 1);
    if (mid == std::string::npos) return;
    e.file = where.substr(0, mid);
    e.line = std::atoi(where.c_str() + mid + 1);
    e.column = std::atoi(where.c_str() + last + 1);
}

} // namespace

locustfile_load load_locustfiles(const std::string& spec, const scenario::load_options& options)
{
    auto paths = split_locustfile_spec(spec);
    return load_translation(translate_locustfiles(paths, false), paths, options);
}

locustfile_load load_translation(const translation& t, const std::vector<std::string>& paths,
                                 const scenario::load_options& options)
{
    locustfile_load out;
    if (!t.errors.empty()) {
        // The first line is printed after "hornet: error: "; the rest follow it, one per line.
        for (const auto& e : t.errors) out.error += (out.error.empty() ? "" : "\n") + e;
        return out;
    }
    std::string first = paths.empty() ? "locustfile.py" : paths.front();
    scenario::load_options opts = options;
    std::error_code ec;
    if (opts.base_dir.empty())
        opts.base_dir =
            std::filesystem::is_directory(first, ec) ? first : std::filesystem::path(first).parent_path().string();
    if (opts.base_dir.empty()) opts.base_dir = ".";
    auto loaded = scenario::load_json(t.scenario_json, first + " (translated)", opts);
    if (loaded) {
        out.model = std::move(*loaded);
        return out;
    }
    auto e = loaded.error();
    // The deepest part the translator placed that holds the error's pointer.
    std::size_t best = 0;
    const std::string* where = nullptr;
    for (const auto& [pointer, place] : t.positions) {
        bool holds = e.pointer.compare(0, pointer.size(), pointer) == 0 &&
                     (e.pointer.size() == pointer.size() || e.pointer[pointer.size()] == '/');
        if (holds && (where == nullptr || pointer.size() > best)) {
            best = pointer.size();
            where = &place;
        }
    }
    if (where) place_error(e, *where);
    out.error = e.to_string();
    return out;
}

} // namespace hornet::app
