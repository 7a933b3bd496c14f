// The public C++ scenario API (hornet/*.hpp) driven by a fake engine: task chaining, exceptions,
// requests and their verdicts, sleeps.
#include <hornet/hornet.hpp> // first: the public headers are self-contained

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// Plays the engine: records what the scenario asked for, answers with canned responses.
class fake_context final : public hornet::detail::user_context
{
public:
    struct call
    {
        std::string method, path, name, body;
        std::vector<std::pair<std::string, std::string>> headers;
        bool json = false, catch_response = false;
    };
    struct recorded
    {
        std::string name;
        std::string error;
    };

    std::vector<call> calls;
    std::vector<recorded> records;
    std::vector<double> sleeps;
    std::coroutine_handle<> resume;
    std::string next_body = "{\"count\": 3}";
    unsigned next_status = 200;
    std::string next_error;
    std::uint32_t live = 0;
    std::vector<std::pair<hornet::detail::generator, std::size_t>> generated;

    void start_request(const hornet::detail::request_data& r, std::coroutine_handle<> h) override
    {
        call c{std::string(r.method), std::string(r.path), std::string(r.name), std::string(r.body), {}, r.json,
               r.catch_response};
        for (std::size_t i = 0; i < r.header_count; ++i)
            c.headers.emplace_back(std::string(r.headers[i].name), std::string(r.headers[i].value));
        calls.push_back(std::move(c));
        resume = h;
    }
    std::uint32_t take_response(hornet::detail::response_data& out) override
    {
        const call& c = calls.back();
        body_ = next_body;
        out.status = next_status;
        out.body = body_;
        out.error = next_error;
        out.elapsed_ms = 1.5;
        ++live;
        if (!c.catch_response) records.push_back({c.name.empty() ? c.path : c.name, next_error});
        pending_catch_ = c.catch_response;
        verdict_given_ = false;
        return static_cast<std::uint32_t>(calls.size() - 1);
    }
    bool find_header(std::uint32_t, std::string_view name, std::string_view& value) override
    {
        if (name != "X-Test") return false;
        value = "yes";
        return true;
    }
    void verdict(std::uint32_t slot, bool success, std::string_view reason) override
    {
        if (!pending_catch_ || verdict_given_) return;
        verdict_given_ = true;
        records.push_back({calls[slot].name, success ? "" : std::string(reason)});
    }
    void release(std::uint32_t slot) noexcept override
    {
        --live;
        if (pending_catch_ && !verdict_given_) records.push_back({calls[slot].name, next_error});
        verdict_given_ = true;
    }
    void start_sleep(double seconds, std::coroutine_handle<> h) override
    {
        sleeps.push_back(seconds);
        resume = h;
    }
    double random() override { return 0.5; }
    std::int64_t random_int(std::int64_t lo, std::int64_t hi) override { return lo + (hi - lo) / 2; }
    void append_random(hornet::detail::generator g, std::size_t n, std::string& out) override
    {
        generated.emplace_back(g, n);
        out += "generated";
    }
    std::uint64_t user_id() override { return 7; }
    std::string_view host() override { return "http://h"; }
    bool stopping() override { return false; }
    void log(int, std::string_view) override {}

private:
    std::string body_;
    bool pending_catch_ = false;
    bool verdict_given_ = false;
};

class test_user : public hornet::user
{
public:
    int state = 0;

    hornet::task<int> count()
    {
        auto r = co_await get("/search?q=a", {.name = "/search"});
        co_return r.json()["count"].get<int>();
    }

    hornet::task<> twice()
    {
        state += co_await count();
        co_await sleep(0.25);
        state += co_await count();
    }

    hornet::task<> checked()
    {
        // GCC 12 rejects a braced JSON value inside the co_await expression: built first.
        nlohmann::json item{{"n", 1}};
        auto r = co_await post("/items", {.headers = {{"X-A", "1"}}, .json = item, .catch_response = true});
        CHECK(r.header("X-Test").value_or("") == "yes");
        CHECK(!r.header("other"));
        if (r.status() == 200) r.failure("wrong answer");
        r.success(); // ignored: the first verdict counts
    }

    hornet::task<> default_verdict()
    {
        auto r = co_await del("/items/1", {.name = "del", .catch_response = true});
        (void)r;
    }

    hornet::task<> throws()
    {
        co_await get("/x");
        throw std::runtime_error("boom");
    }

    hornet::task<> catches()
    {
        try {
            co_await throws();
        } catch (const std::runtime_error& e) {
            state = e.what() == std::string("boom") ? 100 : -1;
        }
    }

    int pick() { return static_cast<int>(random_int(1, 3)); }
    std::int64_t empty_range() { return random_int(5, 2); }
    const char* choose() { return random_choice(colours); }
    std::vector<std::string> generate()
    {
        return {random_digits(8),   random_string(12), random_uuid(), random_first_name(),
                random_last_name(), random_name(),     random_email()};
    }

private:
    const char* colours[3] = {"red", "green", "blue"};
};

// A minimal driver: resume until the top task is done, answering each suspension.
void drive(fake_context& ctx, hornet::task<>& t)
{
    t.handle().resume();
    for (int i = 0; i < 100 && !t.done(); ++i) ctx.resume.resume();
}

} // namespace

TEST_CASE("a task awaits subtasks, requests and sleeps, and keeps state in members")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    auto t = u.twice();
    CHECK(!t.done()); // lazy
    CHECK(ctx.calls.empty());
    drive(ctx, t);
    REQUIRE(t.done());
    CHECK(!t.handle().promise().error);
    CHECK(u.state == 6);
    REQUIRE(ctx.calls.size() == 2);
    CHECK(ctx.calls[0].method == "GET");
    CHECK(ctx.calls[0].path == "/search?q=a");
    CHECK(ctx.calls[0].name == "/search");
    CHECK(ctx.sleeps == std::vector<double>{0.25});
    CHECK(ctx.records.size() == 2);
    CHECK(ctx.live == 0); // every response released
}

TEST_CASE("catch_response: the first verdict is recorded, JSON bodies are sent as JSON")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    auto t = u.checked();
    drive(ctx, t);
    REQUIRE(t.done());
    REQUIRE(ctx.calls.size() == 1);
    CHECK(ctx.calls[0].method == "POST");
    CHECK(ctx.calls[0].json);
    CHECK(ctx.calls[0].body == "{\"n\":1}");
    CHECK(ctx.calls[0].headers == std::vector<std::pair<std::string, std::string>>{{"X-A", "1"}});
    REQUIRE(ctx.records.size() == 1);
    CHECK(ctx.records[0].error == "wrong answer");
}

TEST_CASE("catch_response without a verdict records the default one when the response goes")
{
    fake_context ctx;
    ctx.next_status = 404;
    ctx.next_error = "HTTPError('404')";
    test_user u;
    hornet::detail::bind(u, &ctx);
    auto t = u.default_verdict();
    drive(ctx, t);
    REQUIRE(ctx.records.size() == 1);
    CHECK(ctx.records[0].name == "del");
    CHECK(ctx.records[0].error == "HTTPError('404')");
    CHECK(ctx.calls[0].method == "DELETE");
}

TEST_CASE("exceptions propagate to the awaiter, and out of the top task to the driver")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    auto caught = u.catches();
    drive(ctx, caught);
    CHECK(u.state == 100);
    CHECK(!caught.handle().promise().error);

    auto escaped = u.throws();
    drive(ctx, escaped);
    REQUIRE(escaped.done());
    CHECK(escaped.handle().promise().error);
    CHECK_THROWS_AS(std::rethrow_exception(escaped.handle().promise().error), std::runtime_error);
}

TEST_CASE("destroying a suspended task releases the responses its frames hold")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    {
        auto t = u.twice();
        t.handle().resume(); // suspended in the first request
        ctx.resume.resume(); // got the first response, suspended in the sleep
        CHECK(ctx.sleeps.size() == 1);
    }
    CHECK(ctx.live == 0);
}

TEST_CASE("random_int and random_choice ask the engine; an empty range gives its low end")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    CHECK(u.pick() == 2);
    CHECK(u.empty_range() == 5);
    CHECK(std::string(u.choose()) == "green"); // index random_int(0, 2)
}

TEST_CASE("the text generators are the engine's: each member asks for its own generator and length")
{
    fake_context ctx;
    test_user u;
    hornet::detail::bind(u, &ctx);
    auto values = u.generate();
    CHECK(values == std::vector<std::string>(7, "generated"));
    using g = hornet::detail::generator;
    CHECK(ctx.generated == std::vector<std::pair<g, std::size_t>>{{g::digits, 8},
                                                                  {g::string, 12},
                                                                  {g::uuid, 0},
                                                                  {g::first_name, 0},
                                                                  {g::last_name, 0},
                                                                  {g::name, 0},
                                                                  {g::email, 0}});
}
