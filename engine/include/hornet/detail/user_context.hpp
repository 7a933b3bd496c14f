// The engine side of a running C++ user, as seen from scenario code: an abstract interface, so a
// plugin calls into the binary through this vtable and links against nothing of it.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hornet {

/// One request header, viewed: the strings must outlive the co_await of the request.
struct header
{
    std::string_view name;
    std::string_view value;
};

namespace detail {

/// A request handed to the engine; every view points into the awaiting coroutine's frame.
struct request_data
{
    std::string_view method;
    std::string_view path; ///< relative to the host, or an absolute URL
    std::string_view name; ///< statistics name; empty = the path
    std::string_view body;
    const header* headers = nullptr;
    std::size_t header_count = 0;
    bool json = false;           ///< body is JSON: Content-Type added unless given
    bool catch_response = false; ///< the user gives the verdict (response::success/failure)
};

/// A completed response, viewed: valid until the slot is released.
struct response_data
{
    unsigned status = 0; ///< 0 when no response came (connection error, timeout)
    std::string_view body;
    std::string_view error; ///< Locust-style error text; empty when the request succeeded
    std::string_view url;   ///< final URL, after redirects
    std::uint64_t content_length = 0;
    double elapsed_ms = 0;
};

/// The engine's text generators, the same code as the JSON format's {{random.…}} templates, so a
/// C++ user and a JSON user send the same kind of data from the same per-thread generator.
enum class generator : std::uint8_t {
    digits, ///< `n` decimal digits, the first 1-9
    string, ///< `n` characters from A-Z a-z 0-9
    uuid,   ///< a version 4 UUID, lower-case
    first_name,
    last_name,
    name,  ///< "First Last"
    email, ///< first.last1234@example.com, lower case
};

/// Implemented by the engine (runtime::native_user). Called only on the user's own thread.
class user_context
{
public:
    /// Suspends the calling coroutine (`resume`) until the request completed.
    virtual void start_request(const request_data& request, std::coroutine_handle<> resume) = 0;
    /// After resumption: the response of the request just completed, and its slot.
    virtual std::uint32_t take_response(response_data& out) = 0;
    virtual bool find_header(std::uint32_t slot, std::string_view name, std::string_view& value) = 0;
    /// A catch_response verdict; the first one counts, later ones are ignored.
    virtual void verdict(std::uint32_t slot, bool success, std::string_view reason) = 0;
    /// The response object is gone: records the default verdict if none was given yet.
    virtual void release(std::uint32_t slot) noexcept = 0;

    /// Suspends the calling coroutine for `seconds`.
    virtual void start_sleep(double seconds, std::coroutine_handle<> resume) = 0;

    /// Uniform in [0, 1), from the engine thread's generator.
    virtual double random() = 0;
    /// Uniform in [lo, hi], both included (lo <= hi), from the same generator.
    virtual std::int64_t random_int(std::int64_t lo, std::int64_t hi) = 0;
    /// Appends what `g` generates to `out`; `n` is the length for digits and string, else unused.
    virtual void append_random(generator g, std::size_t n, std::string& out) = 0;
    virtual std::uint64_t user_id() = 0;
    virtual std::string_view host() = 0;
    /// A stop was asked: the current task should end soon (Locust's stop_timeout applies).
    virtual bool stopping() = 0;
    /// level: 0 debug, 1 info, 2 warning, 3 error.
    virtual void log(int level, std::string_view text) = 0;

protected:
    ~user_context() = default;
};

} // namespace detail
} // namespace hornet
