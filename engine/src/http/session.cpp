// The request loop of a session: serialize, exchange on the kept-alive connection, parse,
// follow redirects.
#include "http/session.hpp"

#include "core/log.hpp"
#include "http/request_head.hpp"
#include "http/thread_context.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <cstring>
#include <tuple>

namespace hornet::http {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using boost::system::error_code;

namespace {

// Small first: thousands of idle users each hold one. Grown when reads fill it (big bodies)
// or a header does not fit.
constexpr std::size_t initial_read_buffer = buffer_pool::buffer_size;
constexpr std::size_t bulk_read_buffer = 64 * 1024;
// A kept-alive connection unused for longer is checked before reuse: servers close idle
// connections after a few seconds (gunicorn after 2 s), some with a parting 408.
constexpr std::chrono::milliseconds idle_check_after{1000};
// Up to this many responses in flight per thread wait for their bytes holding a read buffer
// (4 KiB each); past it, the rest wait without one (async_wait, an epoll_ctl each), so memory
// follows the reads on a slow server. bench/waits.sh at 19,000 users between(1, 2): 17.1 us per
// request with 64, 17.0 with 256, 15.8 with 4,096, whose bursts of users woken together held
// 1,260 bytes of RSS per user at 10,000 users.
constexpr std::size_t reads_holding_buffers = 64;

bool is_redirect(unsigned status) noexcept
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Errors that mean "the server had closed this kept-alive connection": safe to resend.
bool is_stale_connection(const error_code& ec) noexcept
{
    return ec == net::error::eof || ec == net::error::connection_reset || ec == net::error::broken_pipe ||
           ec == net::error::connection_aborted || ec == net::ssl::error::stream_truncated;
}

// Undoes an exchange left half-way by an exception (cancellation with throw_if_cancelled):
// the connection's state is unknown, so it must not be reused.
struct exchange_guard
{
    connection& conn;
    bool done = false;
    ~exchange_guard()
    {
        if (!done) {
            conn.disarm();
            conn.close();
        }
    }
};

} // namespace

session::session(thread_context& ctx, std::string base_url, const client_config* config)
    : ctx_(ctx), config_(config ? config : &ctx.config()), base_(&ctx.base(base_url)), conn_(ctx)
{}

std::string session::base_error() const
{
    return base_->url ? std::string() : base_->url.error().detail;
}

session::~session()
{
    // Ended during a read (the user was stopped): the buffer goes back to the thread's count.
    if (read_buffer_) give_back_buffer();
}

void session::fail(response& out, failure_kind kind, std::string text)
{
    out.status = 0;
    out.headers.clear();
    out.body.clear();
    out.content_length = 0;
    out.failure = kind;
    out.error = std::move(text);
}

net::awaitable<response> session::send(const request& req, std::string_view name_for_errors)
{
    response out;
    co_await send(req, out, name_for_errors);
    co_return out;
}

net::awaitable<void> session::send(const request& req, response& out, std::string_view name_for_errors)
{
    const auto& config = *config_;
    out.status = 0;
    out.body.clear();
    out.content_length = 0;
    out.failure = failure_kind::none;
    out.error.clear();
    out.url.clear();
    closed_ = false;

    if (!base_->url) {
        fail(out, failure_kind::connect, py_exception("InvalidURL", base_->url.error().detail));
        co_return;
    }
    // Back to the thread when the send ends, however it ends (even with its frame destroyed
    // unresumed at shutdown: the session, inside the user's frame, outlives this one).
    struct lease
    {
        session& s;
        ~lease() { s.ctx_.send_states().give_back(std::move(s.state_)); }
    } lent{*this};
    state_ = ctx_.send_states().take();
    const response_parser& parser = state_->parser;
    request_head head;
    head.method = req.method;
    head.base = &*base_->url;
    head.target = req.target;
    head.headers = &req.headers;
    head.user_agent = config.user_agent;
    std::string_view body = req.body;
    if (is_absolute_url(req.target)) {
        auto parsed = parse_url(req.target);
        if (!parsed) {
            fail(out, failure_kind::connect, py_exception("InvalidURL", parsed.error().detail));
            co_return;
        }
        hop_ = std::make_unique<base_url>(std::move(*parsed));
        head.base = hop_.get();
        head.target = hop_->path;
        head.full_target = true;
    }

    for (unsigned redirects = 0;; ++redirects) {
        if (closed_) {
            fail(out, failure_kind::cancelled, py_exception("Cancelled", "request cancelled"));
            co_return;
        }
        head.body_size = body.size();
        const bool is_head = iequals(head.method, "HEAD");
        const auto layout = write_request_head(state_->head, head, cookies_);
        const auto target =
            std::string_view(state_->head).substr(layout.target_begin, layout.target_end - layout.target_begin);
        out.url.assign(head.base->origin_text);
        out.url.append(target);

        if (!co_await exchange(head.base->origin, is_head, req.keep_body, body, out)) co_return;
        if (parser.has_set_cookie()) apply_cookies(out, head.base->origin, target);

        if (is_redirect(out.status) && req.follow_redirects && config.max_redirects > 0) {
            if (const auto location = out.header("location")) {
                if (redirects == config.max_redirects) {
                    out.failure = failure_kind::too_many_redirects;
                    out.error = py_exception("TooManyRedirects",
                                             "Exceeded " + std::to_string(config.max_redirects) + " redirects.");
                    co_return;
                }
                auto next = parse_url(resolve_location(out.url, *location));
                if (next) {
                    if (next->origin.host != head.base->origin.host) head.drop_authorization = true;
                    hop_ = std::make_unique<base_url>(std::move(*next));
                    head.base = hop_.get();
                    head.target = hop_->path;
                    head.full_target = true;
                    const auto s = out.status;
                    if (((s == 302 || s == 303) && !is_head) || (s == 301 && iequals(head.method, "POST"))) {
                        head.method = "GET";
                        head.drop_body_headers = true;
                        body = {};
                    }
                    continue;
                }
                // A Location we cannot follow: the 3xx is the answer, as with redirects off.
            }
        }
        if (out.status >= 400 && out.status < 600) {
            out.failure = failure_kind::status;
            out.error = http_error_text(out.status, parser.reason(),
                                        name_for_errors.empty() ? std::string_view(out.url) : name_for_errors);
        }
        co_return;
    }
}

connection& session::connection_for(const origin& to)
{
    if (conn_.connected_to(to)) return conn_;
    for (auto& c : others_)
        if (c->connected_to(to)) return *c;
    if (!conn_.is_open()) return conn_;
    // The primary connection is busy with another origin (a redirect to another host or port,
    // an absolute URL): keep this origin's connection alive beside it, as for the first one.
    for (auto& c : others_)
        if (!c->is_open()) return *c;
    if (others_.size() < max_other_connections) return *others_.emplace_back(std::make_unique<connection>(ctx_));
    auto oldest = std::min_element(others_.begin(), others_.end(),
                                   [](const auto& a, const auto& b) { return a->last_used() < b->last_used(); });
    return **oldest;
}

void session::close() noexcept
{
    // A send in progress may have its response read already (a read completes before it resumes):
    // it must not go on to follow a redirect or retry on a new connection after this.
    closed_ = true;
    conn_.close();
    for (auto& c : others_) c->close();
}

net::awaitable<bool> session::exchange(const origin& to, bool head, bool keep_body, std::string_view body,
                                       response& out)
{
    const auto& config = *config_;
    connection& conn = connection_for(to);
    for (int attempt = 0;; ++attempt) {
        const auto now = std::chrono::steady_clock::now();
        // Busy connections skip the check; it costs a syscall. So do connections to the base URL
        // idle for less than its server was seen to keep one open.
        const auto idle = now - conn.last_used();
        if (conn.connected_to(to) && idle > idle_check_after) {
            auto* known = base_->url && &to == &base_->url->origin ? base_ : nullptr;
            if (!known || idle > known->kept_idle) {
                ctx_.count_idle_check();
                if (conn.dropped_while_idle())
                    conn.close();
                else if (known)
                    known->kept_idle = idle;
            }
        }
        if (!conn.connected_to(to)) {
            if (core::log::enabled(core::log_level::debug))
                core::log::debug("hornet.http", std::string(to.tls ? "Starting new HTTPS connection to "
                                                                   : "Starting new HTTP connection to ") +
                                                    to.host + ":" + std::to_string(to.port));
            auto f = co_await conn.open(to, config);
            if (f.kind != failure_kind::none) {
                fail(out, f.kind, std::move(f.text));
                co_return false;
            }
        }
        const bool reused = conn.exchanges() > 0;
        exchange_guard guard{conn};
        conn.arm(now, config.request_timeout);
        bool got_bytes = false;
        error_code ec;
        const std::size_t total = state_->head.size() + body.size();
        const std::size_t written = conn.try_write(state_->head, body, ec);
        if (!ec && written < total) ec = co_await conn.write(state_->head, body, written);
        if (!ec) {
            // The read loop lives here rather than in its own coroutine: one frame less per
            // request keeps Asio's frame recycling cache from falling back to malloc.
            state_->parser.start(out, head, {config.max_header_size, keep_body, config.max_body_size});
            // Asio tries a read at once, and the server needs tens of microseconds to answer: with
            // other sends in progress on this thread, their work goes first and the response is
            // often there by the time this read is tried (bench/waits.sh, 19,000 users: recv calls
            // per request 2.95 -> 2.15, the rest being the idle check and the read itself).
            // Awaited in place, not in a coroutine of its own: a frame per request comes from malloc
            // once more requests are in flight than Asio's frame cache holds.
            if (!conn.tls() && ctx_.send_states().lent() > 1) co_await net::post(ctx_.executor(), net::deferred);
            leftover_ = false;
            while (!parse_buffered(ec) && !ec) {
                auto* tls = conn.tls();
                // Many responses in flight on this thread (a slow server): wait for this one
                // without a buffer, so memory follows the reads, not the requests. Otherwise an
                // asynchronous read: Asio tries it at once and, when nothing is there yet, waits
                // for the socket without re-arming epoll (async_wait re-arms it: one epoll_ctl per
                // request, the largest single cost of a request after a think time); it also
                // waits properly for the rest of a header that came in parts.
                const bool wait_first =
                    !tls && read_begin_ == read_end_ && ctx_.buffers().lent() >= reads_holding_buffers;
                if (wait_first) {
                    give_back_buffer();
                    auto [wec] =
                        co_await conn.socket().async_wait(net::socket_base::wait_read, net::as_tuple(net::deferred));
                    if (wec) {
                        ec = wec;
                        break;
                    }
                }
                if (!make_room(ec, config.max_header_size)) break;
                const std::size_t room = read_capacity_ - read_end_;
                const auto buffer = net::buffer(read_buffer_.get() + read_end_, room);
                error_code rec;
                std::size_t n = 0;
                if (wait_first) {
                    n = conn.socket().read_some(buffer, rec); // non-blocking socket
                    if (rec == net::error::would_block || rec == net::error::try_again)
                        continue; // a spurious wake-up: wait again
                } else if (tls) {
                    std::tie(rec, n) = co_await tls->async_read_some(buffer, net::as_tuple(net::deferred));
                } else {
                    std::tie(rec, n) = co_await conn.socket().async_read_some(buffer, net::as_tuple(net::deferred));
                }
                if (n > 0) {
                    got_bytes = true;
                    read_end_ += n;
                    grow_ = n == room;
                    continue; // an error that came with data shows again on the next read
                }
                ec = rec ? rec : error_code(net::error::eof);
                if ((ec == net::error::eof || ec == net::ssl::error::stream_truncated) &&
                    state_->parser.header_done()) {
                    // A body delimited by the end of the connection ends here.
                    ec = {};
                    state_->parser.put_eof(ec);
                    if (!ec && !state_->parser.done()) ec = bhttp::error::partial_message;
                    read_begin_ = read_end_ = 0;
                }
                break;
            }
        }
        conn.disarm();
        guard.done = true;
        give_back_buffer();
        if (!ec) {
            conn.count_exchange();
            if (!state_->parser.keep_alive() || leftover_) conn.close();
            co_return true;
        }
        const bool timed_out = conn.timed_out();
        conn.close();
        read_begin_ = read_end_ = 0;
        if (timed_out) {
            fail(out, failure_kind::timeout, request_timeout_text(config.request_timeout));
            co_return false;
        }
        if (reused && !got_bytes && attempt == 0 && is_stale_connection(ec) && !closed_) continue;
        auto f = exchange_failure(ec, got_bytes, config);
        fail(out, f.kind, std::move(f.text));
        co_return false;
    }
}

void session::give_back_buffer()
{
    // Every exchange ends with the buffer consumed (leftovers close the connection), so a
    // waiting user needs no buffer: lend it to the next request on this thread.
    read_begin_ = read_end_ = 0;
    ctx_.buffers().release(std::move(read_buffer_), read_capacity_);
    read_buffer_.reset();
    read_capacity_ = 0;
    grow_ = false;
}

bool session::make_room(error_code& ec, std::uint32_t max_header)
{
    if (read_begin_ == read_end_) {
        read_begin_ = read_end_ = 0;
        if (!read_buffer_) {
            read_capacity_ = initial_read_buffer;
            read_buffer_ = ctx_.buffers().acquire();
        } else if (grow_ && read_capacity_ < bulk_read_buffer) {
            read_capacity_ *= 2;
            read_buffer_ = std::make_unique_for_overwrite<char[]>(read_capacity_);
        }
        grow_ = false;
        return true;
    }
    if (read_end_ < read_capacity_) return true;
    if (read_begin_ > 0) {
        std::memmove(read_buffer_.get(), read_buffer_.get() + read_begin_, read_end_ - read_begin_);
        read_end_ -= read_begin_;
        read_begin_ = 0;
        return true;
    }
    // A header larger than the buffer: grow, up to what the parser accepts anyway (past
    // max_header it reports header_limit itself, so this bound is only a backstop).
    if (read_capacity_ >= 2 * std::max<std::size_t>(max_header, bulk_read_buffer)) {
        ec = bhttp::error::header_limit;
        return false;
    }
    auto bigger = std::make_unique_for_overwrite<char[]>(read_capacity_ * 2);
    std::memcpy(bigger.get(), read_buffer_.get(), read_end_);
    read_buffer_ = std::move(bigger);
    read_capacity_ *= 2;
    return true;
}

bool session::parse_buffered(error_code& ec)
{
    if (read_end_ == read_begin_) return false;
    read_begin_ += state_->parser.put(read_buffer_.get() + read_begin_, read_end_ - read_begin_, ec);
    if (ec) {
        if (ec == bhttp::error::need_more) ec = {};
        return false;
    }
    if (!state_->parser.done()) return false;
    // HTTP/1.1 without pipelining: anything after the response is out of step.
    leftover_ = read_begin_ != read_end_;
    read_begin_ = read_end_ = 0;
    return true;
}

void session::apply_cookies(const response& out, const origin& from, std::string_view target)
{
    for (const auto& h : out.headers)
        if (iequals(h.name, "set-cookie")) cookies_.set_from_header(h.value, from.host, target);
}

} // namespace hornet::http
