// Proves scenario/json_loader.hpp is self-contained; each kind of bad scenario file is refused
// with the exact place (file:line:column, JSON pointer) and message a person needs to fix it.
#include "scenario/json_loader.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace hornet::scenario;

namespace {

// A folder with a customers.csv for the data set cases, removed at the end.
struct data_folder
{
    std::filesystem::path dir;
    data_folder()
    {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("hornet-loader-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "customers.csv") << "email,name\na@example.com,Ann\nb@example.com,Bob\n";
    }
    ~data_folder() { std::filesystem::remove_all(dir); }
};

load_options options_with(const std::string& base_dir = ".")
{
    load_options o;
    o.base_dir = base_dir;
    o.env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "TARGET") return std::string("http://127.0.0.1:9");
        return std::nullopt;
    };
    return o;
}

load_error error_of(const std::string& text, const load_options& options = options_with())
{
    auto r = load_json(text, "bad.json", options);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

// Checks all parts of an error at once so a failure shows the whole line.
void expect_error(const std::string& text, const std::string& expected, const load_options& options = options_with())
{
    CHECK(error_of(text, options).to_string() == expected);
}

} // namespace

TEST_CASE("JSON syntax: a missing value and a trailing comma")
{
    expect_error("{\n  \"users\": [\n    {\"name\": \"A\", \"tasks\": }\n  ]\n}",
                 "bad.json:3:28: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', "
                 "or a literal");
    expect_error("{\"users\": [\n  {\"name\": \"A\", \"tasks\": [{\"get\": \"/\"},]}\n]}",
                 "bad.json:2:40: invalid JSON: syntax error while parsing value - unexpected ']'; expected '[', '{', "
                 "or a literal");
}

TEST_CASE("unknown keys suggest the right one in a class, task, step, check and extract")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/"}], "varibles": {}}]})",
                 "bad.json:1:51: at /users/0: unknown key \"varibles\" (did you mean \"variables\"?)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"wieght": 2, "steps": [{"get": "/"}]}]}]})",
                 "bad.json:1:37: at /users/0/tasks/0: unknown key \"wieght\" (did you mean \"weight\"?)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "heders": {}}]}]})",
                 "bad.json:1:49: at /users/0/tasks/0: unknown key \"heders\" (did you mean \"headers\"?)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"stauts": 200}}]}]})",
                 "bad.json:1:59: at /users/0/tasks/0/check: unknown key \"stauts\" (did you mean \"status\"?)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "extract": {"id": {"jsn": "/id"}}}]}]})",
                 "bad.json:1:68: at /users/0/tasks/0/extract/id: unknown key \"jsn\" (did you mean \"json\"?)");
}

TEST_CASE("a value of the wrong type")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "headers": {"X-Id": 5}}]}]})",
                 "bad.json:1:69: at /users/0/tasks/0/headers/X-Id: expected a header value string, got an integer");
}

TEST_CASE("template errors point into the string")
{
    // Unclosed: the column is the one of the "{{" inside the string.
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/users/{{id"}]}]})",
                 "bad.json:1:52: at /users/0/tasks/0/get: unclosed \"{{\": a placeholder ends with \"}}\" (write "
                 "\"{{{{\" for a literal \"{{\")");
    // Unknown variable, with a suggestion from the class's variables.
    expect_error(R"({"users": [{"name": "A", "variables": {"token": "t"},
  "tasks": [{"get": "/", "headers": {"Authorization": "Bearer {{tokn}}"}}]}]})",
                 "bad.json:2:63: at /users/0/tasks/0/headers/Authorization: unknown variable \"tokn\" (did you mean "
                 "\"token\"?)");
    // A string with escapes: the place is the string's start.
    expect_error(R"({"users": [{"name": "A", "tasks": [{"post": "/", "body": "a\"b{{nope}}"}]}]})",
                 "bad.json:1:58: at /users/0/tasks/0/body: unknown variable \"nope\" (declare it in \"variables\" or "
                 "set it with \"extract\")");
}

TEST_CASE("generators: unknown name with a suggestion, bad arguments")
{
    expect_error(
        R"({"users": [{"name": "A", "tasks": [{"post": "/", "json": {"n": "{{random.nmae}}"}}]}]})",
        "bad.json:1:65: at /users/0/tasks/0/json/n: unknown generator \"random.nmae\" (did you mean \"random.name\"?)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/x", "query": {"n": "{{random.int(5, 1)}}"}}]}]})",
                 "bad.json:1:66: at /users/0/tasks/0/query/n: random.int(5, 1): lo is greater than hi");
}

TEST_CASE("JSON pointers in extract and check")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "extract": {"id": {"json": "id"}}}]}]})",
                 "bad.json:1:76: at /users/0/tasks/0/extract/id/json: a JSON pointer starts with \"/\" (\"/id\", "
                 "\"/items/0/name\"), got \"id\"");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"json_exists": "/a~2"}}]}]})",
                 "bad.json:1:74: at /users/0/tasks/0/check/json_exists: invalid JSON pointer \"/a~2\": escape "
                 "character '~' must be followed with '0' or '1'");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"json": {"id": 5}}}]}]})",
                 "bad.json:1:68: at /users/0/tasks/0/check/json: a JSON pointer starts with \"/\" (\"/id\", "
                 "\"/items/0/name\"), got \"id\"");
}

TEST_CASE("a regular expression that does not compile")
{
    // The reason is libstdc++'s (GCC 12, Debian 12).
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "extract": {"id": {"regex": "id=(\\d+"}}}]}]})",
                 "bad.json:1:77: at /users/0/tasks/0/extract/id/regex: invalid regular expression \"id=(\\d+\": "
                 "Mismatched '(' and ')' in regular expression");
}

TEST_CASE("data files: missing file, unknown column")
{
    data_folder folder;
    auto opts = options_with(folder.dir.string());
    std::string missing = (folder.dir / "nope.csv").string();
    expect_error(R"({"data": {"people": {"file": "nope.csv"}},
 "users": [{"name": "A", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:30: at /data/people/file: cannot read " + missing + ": No such file or directory", opts);
    expect_error(R"({"data": {"people": {"file": "/dev/zero"}}, "users": [{"name": "A", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:30: at /data/people/file: data file /dev/zero is not a regular file", opts);
    expect_error(R"({"data": {"customers": {"file": "customers.csv"}},
 "users": [{"name": "A", "tasks": [{"get": "/?e={{customers.mail}}"}]}]})",
                 "bad.json:2:49: at /users/0/tasks/0/get: data set \"customers\" has no column \"mail\" (did you mean "
                 "\"email\"?)",
                 opts);
}

TEST_CASE("weights: zero total task weight, zero class weight")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "weight": 0}, {"get": "/b", "weight": 0}]}]})",
                 "bad.json:1:35: at /users/0/tasks: the task weights add up to 0: no task could ever run");
    expect_error(R"({"users": [{"name": "A", "weight": 0, "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:11: at /users: every user class has weight 0 and no fixed_count: no user could ever run");
}

TEST_CASE("a class name used twice")
{
    expect_error("{\"users\": [{\"name\": \"A\", \"tasks\": [{\"get\": \"/\"}]},\n {\"name\": \"A\", \"tasks\": "
                 "[{\"get\": \"/\"}]}]}",
                 "bad.json:2:11: at /users/1/name: user class \"A\" is defined twice (names must be unique)");
}

TEST_CASE("one body, one method per step")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"post": "/", "body": "x", "json": {}}]}]})",
                 "bad.json:1:36: at /users/0/tasks/0: use either \"body\" or \"json\", not both");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"post": "/", "json": {}, "form": {}}]}]})",
                 "bad.json:1:36: at /users/0/tasks/0: use either \"json\" or \"form\", not both");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "post": "/"}]}]})",
                 "bad.json:1:36: at /users/0/tasks/0: a step makes exactly one request; found several methods");
}

TEST_CASE("repeat: count out of range, nesting too deep")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"steps": [{"repeat": 0, "steps": [{"get": "/"}]}]}]}]})",
                 "bad.json:1:58: at /users/0/tasks/0/steps/0/repeat: expected a count from 1 to 1000000, got 0");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"repeat": [5, 2000000], "steps": [{"get": "/"}]}]}]})",
                 "bad.json:1:51: at /users/0/tasks/0/repeat/1: expected a count from 1 to 1000000, got 2000000");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"repeat": [5, 2], "steps": [{"get": "/"}]}]}]})",
                 "bad.json:1:47: at /users/0/tasks/0/repeat: min must not be greater than max, got [5,2]");
    expect_error(
        R"({"users": [{"name": "A", "tasks": [{"repeat": 2, "steps": [{"repeat": 2, "steps": [{"repeat": 2, "steps": [
  {"repeat": 2, "steps": [{"repeat": 2, "steps": [{"get": "/"}]}]}]}]}]}]}]})",
        "bad.json:2:38: at /users/0/tasks/0/steps/0/steps/0/steps/0/steps/0/repeat: repeat blocks nest at most 4 deep");
}

TEST_CASE("a document nested too deep is refused before it is walked")
{
    std::string deep =
        "{\"users\": [{\"name\": \"A\", \"tasks\": [{\"post\": \"/\", \"json\": " + std::string(70, '[') +
        std::string(70, ']') + "}]}]}";
    expect_error(deep, "bad.json:1:117: the document nests more than 64 levels deep");
}

TEST_CASE("check: status out of range")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"status": [200, 600]}}]}]})",
                 "bad.json:1:75: at /users/0/tasks/0/check/status/1: expected an HTTP status from 100 to 599, got 600");
}

TEST_CASE("env: unset variable in a template, and in the host")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/{{env.NOPE}}"}]}]})",
                 "bad.json:1:46: at /users/0/tasks/0/get: environment variable \"NOPE\" is not set (set it, or give a "
                 "default: {{env.NOPE|default}})");
    expect_error(R"({"users": [{"name": "A", "host": "{{env.NOPE}}", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:35: at /users/0/host: environment variable \"NOPE\" is not set (set it, or give a "
                 "default: {{env.NOPE|default}})");
    expect_error(R"({"users": [{"name": "A", "host": "{{random.uuid}}", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:34: at /users/0/host: the host may only use {{env.NAME}} or {{env.NAME|default}}, "
                 "resolved when the file loads");
}

TEST_CASE("on_failure takes continue or skip_task")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"on_failure": "stop", "steps": [{"get": "/"}]}]}]})",
                 "bad.json:1:51: at /users/0/tasks/0/on_failure: expected \"continue\" or \"skip_task\", got \"stop\"");
}

TEST_CASE("allow_redirects takes true or false")
{
    auto r = hornet::scenario::load_json(
        R"({"users": [{"name": "A", "tasks": [{"get": "/", "allow_redirects": "no"}]}]})", "bad.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().to_string().find("/users/0/tasks/0/allow_redirects") != std::string::npos);
    CHECK(r.error().to_string().find("true or false") != std::string::npos);
}

TEST_CASE("variable names must be identifiers, and not a data set's name")
{
    expect_error(R"({"users": [{"name": "A", "variables": {"my-id": "1"}, "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:40: at /users/0/variables: invalid variable name \"my-id\": use letters, digits and _, "
                 "not starting with a digit");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "extract": {"1st": {"header": "X"}}}]}]})",
                 "bad.json:1:61: at /users/0/tasks/0/extract: invalid variable name \"1st\": use letters, digits and "
                 "_, not starting with a digit");
    data_folder folder;
    expect_error(
        R"({"data": {"customers": {"file": "customers.csv"}},
 "users": [{"name": "A", "variables": {"customers": ""}, "tasks": [{"get": "/"}]}]})",
        "bad.json:2:40: at /users/0/variables: variable \"customers\" has the name of a data set: rename one of them",
        options_with(folder.dir.string()));
}

TEST_CASE("data set names: identifiers, not a generator namespace")
{
    expect_error(
        R"({"data": {"random": {"file": "x.csv"}}, "users": [{"name": "A", "tasks": [{"get": "/"}]}]})",
        "bad.json:1:11: at /data: \"random\" is taken by the {{random.…}} templates: choose another data set name");
    expect_error(
        R"({"data": {"c": {"file": "x.csv", "order": "shuffled"}}, "users": [{"name": "A", "tasks": [{"get": "/"}]}]})",
        "bad.json:1:43: at /data/c/order: expected \"sequential\" or \"random\", got \"shuffled\"");
}

TEST_CASE("a step with steps but no repeat")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"steps": [{"get": "/", "steps": []}]}]}]})",
                 "bad.json:1:60: at /users/0/tasks/0/steps/0: \"steps\" here needs \"repeat\": a count (a repeat "
                 "block), or move them into a task");
}

TEST_CASE("max_ms must be positive, body_contains not an empty list")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"max_ms": 0}}]}]})",
                 "bad.json:1:69: at /users/0/tasks/0/check/max_ms: expected a number of milliseconds > 0, got 0");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"body_contains": []}}]}]})",
                 "bad.json:1:76: at /users/0/tasks/0/check/body_contains: expected a string or an array of strings, "
                 "got an empty array");
}

TEST_CASE("a check's message is a non-empty text beside something to check")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"message": "x"}}]}]})",
                 "bad.json:1:70: at /users/0/tasks/0/check/message: a message needs something to check (status, "
                 "body_contains, json, json_exists or max_ms)");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"status": 200, "message": 5}}]}]})",
                 "bad.json:1:85: at /users/0/tasks/0/check/message: expected the text recorded when the check fails, "
                 "got an integer");
    expect_error(
        R"({"users": [{"name": "A", "tasks": [{"get": "/", "check": {"status": 200, "message": "{{nope}}"}}]}]})",
        "bad.json:1:86: at /users/0/tasks/0/check/message: unknown variable \"nope\" (declare it in "
        "\"variables\" or set it with \"extract\")");
}

TEST_CASE("HTTP client settings of a class: sizes with units, timeouts, and clear refusals")
{
    auto r = load_json(R"({"users": [{"name": "A", "max_body_size": "256MiB", "max_header_size": 2048,
                           "connect_timeout": 2.5, "request_timeout": 10, "tasks": [{"get": "/"}]}]})",
                       "ok.json", options_with());
    REQUIRE(r.has_value());
    const auto& c = r->users[0].client;
    CHECK(c.max_body_size == 256ull << 20);
    CHECK(c.max_header_size == 2048u);
    CHECK(c.connect_timeout == 2.5);
    CHECK(c.request_timeout == 10.0);
    CHECK(!load_json(R"({"users": [{"name": "A", "tasks": [{"get": "/"}]}]})", "ok.json", options_with())
               ->users[0]
               .client.max_body_size);

    expect_error("{\"users\": [{\"name\": \"A\", \"max_body_size\": \"lots\", \"tasks\": [{\"get\": \"/\"}]}]}",
                 "bad.json:1:43: at /users/0/max_body_size: expected a size such as 65536, \"512k\" or \"64MiB\", "
                 "got \"lots\"");
    expect_error("{\"users\": [{\"name\": \"A\", \"max_header_size\": 10, \"tasks\": [{\"get\": \"/\"}]}]}",
                 "bad.json:1:45: at /users/0/max_header_size: must be between 1024 and 4294967295 bytes");
    expect_error("{\"users\": [{\"name\": \"A\", \"request_timeout\": 0, \"tasks\": [{\"get\": \"/\"}]}]}",
                 "bad.json:1:45: at /users/0/request_timeout: must be > 0 seconds");
    expect_error("{\"users\": [{\"name\": \"A\", \"max_body_sise\": 1, \"tasks\": [{\"get\": \"/\"}]}]}",
                 "bad.json:1:26: at /users/0: unknown key \"max_body_sise\" (did you mean \"max_body_size\"?)");
}

TEST_CASE("TLS settings of a class: tls_verify, a ca_file next to the scenario that implies it, and clear refusals")
{
    data_folder folder;
    std::ofstream(folder.dir / "ca.pem") << "-----BEGIN CERTIFICATE-----\n";
    std::filesystem::create_directories(folder.dir / "certs");
    const auto options = options_with(folder.dir.string());
    auto r = load_json(R"({"users": [{"name": "A", "tls_verify": true, "tasks": [{"get": "/"}]},
                                      {"name": "B", "ca_file": "certs/../ca.pem", "tasks": [{"get": "/"}]},
                                      {"name": "C", "tls_verify": false, "tasks": [{"get": "/"}]},
                                      {"name": "D", "tasks": [{"get": "/"}]}]})",
                       "ok.json", options);
    REQUIRE(r.has_value());
    const auto& users = r->users;
    CHECK(users[0].client.tls_verify == true);
    CHECK(!users[0].client.ca_file);
    CHECK(users[1].client.tls_verify == true); // a CA file turns verification on, as --ca-file does
    CHECK(users[1].client.ca_file == (folder.dir / "ca.pem").lexically_normal().string());
    CHECK(users[2].client.tls_verify == false);
    CHECK(!users[3].client.tls_verify); // the command line decides
    CHECK(!users[3].client.ca_file);

    expect_error(R"({"users": [{"name": "A", "tls_verify": "yes", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:40: at /users/0/tls_verify: expected true or false, got a string", options);
    expect_error(
        R"({"users": [{"name": "A", "ca_file": 5, "tasks": [{"get": "/"}]}]})",
        "bad.json:1:37: at /users/0/ca_file: expected the path of a PEM file of CA certificates, got an integer",
        options);
    expect_error(R"({"users": [{"name": "A", "ca_file": "", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:37: at /users/0/ca_file: the CA file path is empty", options);
    expect_error(R"({"users": [{"name": "A", "ca_file": "missing.pem", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:37: at /users/0/ca_file: no such CA file " + (folder.dir / "missing.pem").string(),
                 options);
    expect_error(R"({"users": [{"name": "A", "ca_file": "certs", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:37: at /users/0/ca_file: CA file " + (folder.dir / "certs").string() +
                     " is not a regular file",
                 options);
    expect_error(R"({"users": [{"name": "A", "tls_verify": false, "ca_file": "ca.pem", "tasks": [{"get": "/"}]}]})",
                 "bad.json:1:40: at /users/0/tls_verify: false contradicts \"ca_file\", which turns verification on: "
                 "remove one of them",
                 options);
}

TEST_CASE("thresholds: kept in order, checked by the caller's checker at their own line")
{
    const std::string doc = "{\"thresholds\": [\"p95<300ms\",\n  \"bogus\"],\n"
                            " \"users\": [{\"name\": \"A\", \"host\": \"http://h\", \"tasks\": [{\"get\": \"/\"}]}]}";
    // Without a checker (a tool that only reads the file) the texts are kept as written.
    auto kept = load_json(doc, "t.json", options_with());
    REQUIRE(kept.has_value());
    CHECK(kept->thresholds == std::vector<std::string>{"p95<300ms", "bogus"});

    auto strict = options_with();
    strict.check_threshold = [](const std::string& text) -> std::optional<std::string> {
        if (text == "bogus") return std::string("invalid threshold 'bogus' at position 1: unknown metric 'bogus'");
        return std::nullopt;
    };
    expect_error(doc, "bad.json:2:3: at /thresholds/1: invalid threshold 'bogus' at position 1: unknown metric 'bogus'",
                 strict);
    // The empty "users" is a second mistake, reported after the first in file order.
    expect_error("{\"thresholds\": \"p95<1s\", \"users\": []}",
                 "bad.json:1:16: at /thresholds: expected an array of threshold expressions, got a string\n"
                 "bad.json:1:35: at /users: no user classes: add at least one",
                 strict);
    expect_error("{\"thresholds\": [95], \"users\": []}",
                 "bad.json:1:17: at /thresholds/0: expected a threshold expression (\"p95<300ms\"), got an integer\n"
                 "bad.json:1:31: at /users: no user classes: add at least one",
                 strict);
}

TEST_CASE("nested task sets: interrupts only in their tasks, keys, weights and depth checked")
{
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/"}, {"interrupt": true}]}]})",
                 "bad.json:1:64: at /users/0/tasks/1/interrupt: \"interrupt\" ends a nested task set: it belongs in a "
                 "task of a \"task_set\", not in a user's own tasks, on_start or on_stop");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"task_set": {"on_start": [{"interrupt": true}],
                 "tasks": [{"get": "/"}]}}]}]})",
                 "bad.json:1:77: at /users/0/tasks/0/task_set/on_start/0/interrupt: \"interrupt\" ends a nested task "
                 "set: it belongs in a task of a \"task_set\", not in a user's own tasks, on_start or on_stop");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"task_set": {"tasks": [{"interrupt": false}]}}]}]})",
                 "bad.json:1:74: at /users/0/tasks/0/task_set/tasks/0/interrupt: expected true or {\"reschedule\": "
                 "false}, got false");
    expect_error(
        R"({"users": [{"name": "A", "tasks": [{"task_set": {"tasks": [{"interrupt": {"reschedul": false}}]}}]}]})",
        "bad.json:1:75: at /users/0/tasks/0/task_set/tasks/0/interrupt: unknown key \"reschedul\" (did you "
        "mean \"reschedule\"?)");
    expect_error(
        R"({"users": [{"name": "A", "tasks": [{"task_set": {"name": "B", "wait": 1, "tasks": [{"get": "/"}]}}]}]})",
        "bad.json:1:63: at /users/0/tasks/0/task_set: unknown key \"wait\"; expected one of: name, sequential, "
        "wait_time, on_start, on_stop, tasks");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"task_set": {"name": "B"}}]}]})",
                 "bad.json:1:49: at /users/0/tasks/0/task_set: a task set needs \"tasks\"");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"task_set": {"tasks": [{"weight": 0, "get": "/"}]}}]}]})",
                 "bad.json:1:59: at /users/0/tasks/0/task_set/tasks: the task weights add up to 0: no task could ever "
                 "run");
    expect_error(R"({"users": [{"name": "A", "tasks": [{"get": "/", "task_set": {"tasks": [{"get": "/"}]}}]}]})",
                 "bad.json:1:37: at /users/0/tasks/0: unknown key \"get\"; expected one of: weight, tags, task_set");
    // Nine deep: one too many.
    std::string deep = R"({"get": "/"})";
    for (int i = 0; i < 9; ++i) deep = R"({"task_set": {"tasks": [)" + deep + "]}}";
    auto e = error_of(R"({"users": [{"name": "A", "tasks": [)" + deep + "]}]}", options_with());
    CHECK(e.to_string().find("task sets nest at most 8 deep") != std::string::npos);
}
