// Beast's basic_parser with callbacks writing into a hornet::http::response.
#include "http/response_parser.hpp"

#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace hornet::http {

namespace bhttp = boost::beast::http;
using boost::system::error_code;
using sv = boost::beast::string_view; // boost::core::string_view in 1.81, whatever the macros say

class response_parser::impl final : public bhttp::basic_parser<false>
{
public:
    impl(response& out, std::string& reason, bool& set_cookie, const response_limits& limits)
        : out_(out), reason_(reason), set_cookie_(set_cookie), limits_(limits)
    {}

private:
    void on_request_impl(bhttp::verb, sv, sv, int, error_code&) override {}

    void on_response_impl(int code, sv reason, int, error_code& ec) override
    {
        if (code < 100) { // Beast takes any three digits; Python's http.client rejects these too
            ec = bhttp::error::bad_status;
            return;
        }
        out_.status = static_cast<unsigned>(code);
        reason_.assign(reason.data(), reason.size());
    }

    void on_field_impl(bhttp::field f, sv name, sv value, error_code&) override
    {
        auto& headers = out_.headers;
        // Assign into existing strings: same-shaped responses then reuse their capacity.
        if (count_ < headers.size()) {
            headers[count_].name.assign(name.data(), name.size());
            headers[count_].value.assign(value.data(), value.size());
        } else {
            headers.push_back({std::string(name), std::string(value)});
        }
        ++count_;
        if (f == bhttp::field::set_cookie) set_cookie_ = true;
    }

    void on_header_impl(error_code& ec) override
    {
        out_.headers.resize(count_);
        // A body announced over the kept limit fails now rather than after reading it all.
        if (limits_.keep_body && this->content_length() && *this->content_length() > limits_.max_kept_body)
            ec = bhttp::error::body_limit;
    }

    void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override
    {
        if (length && limits_.keep_body)
            out_.body.reserve(static_cast<std::size_t>(std::min(*length, limits_.max_kept_body)));
    }

    std::size_t on_body_impl(sv body, error_code& ec) override { return take(body, ec); }

    void on_chunk_header_impl(std::uint64_t, sv, error_code&) override {}

    std::size_t on_chunk_body_impl(std::uint64_t, sv body, error_code& ec) override { return take(body, ec); }

    std::size_t take(sv body, error_code& ec)
    {
        if (limits_.keep_body) {
            if (body.size() > limits_.max_kept_body - out_.body.size()) {
                ec = bhttp::error::body_limit;
                return 0;
            }
            out_.body.append(body.data(), body.size());
        }
        out_.content_length += body.size();
        return body.size();
    }

    void on_finish_impl(error_code&) override
    {
        // Trailer fields of a chunked body arrive after on_header_impl.
        if (count_ > out_.headers.size()) out_.headers.resize(count_);
    }

    response& out_;
    std::string& reason_;
    bool& set_cookie_;
    const response_limits& limits_;
    std::size_t count_ = 0;
};

struct response_parser::holder
{
    std::optional<impl> parser;
    response* out = nullptr;
    std::string reason;
    bool set_cookie = false;
    bool head = false;
    response_limits limits;

    void begin()
    {
        out->status = 0;
        out->body.clear();
        out->content_length = 0;
        set_cookie = false;
        parser.emplace(*out, reason, set_cookie, limits);
        parser->eager(true);
        parser->header_limit(limits.max_header);
        parser->body_limit(boost::none); // the callbacks enforce the kept-body limit themselves
        if (head) parser->skip(true);
    }
};

response_parser::response_parser() : holder_(std::make_unique<holder>()) {}

response_parser::~response_parser() = default;

void response_parser::start(response& out, bool head_request, const response_limits& limits)
{
    auto& h = *holder_;
    h.out = &out;
    h.head = head_request;
    h.limits = limits;
    h.limits.keep_body = limits.keep_body && !head_request; // no body to keep, whatever the header says
    h.begin();
}

std::size_t response_parser::put(const char* data, std::size_t size, error_code& ec)
{
    auto& h = *holder_;
    std::size_t used = 0;
    ec = {};
    while (used < size) {
        used += h.parser->put(boost::asio::const_buffer(data + used, size - used), ec);
        if (ec || !h.parser->is_done()) return used;
        // An interim response (100 Continue, 103 Early Hints) precedes the real one.
        const auto status = h.out->status;
        if (status < 100 || status >= 200 || status == 101) return used;
        h.begin();
    }
    return used;
}

void response_parser::put_eof(error_code& ec)
{
    auto& h = *holder_;
    if (!h.parser->is_header_done()) {
        ec = bhttp::error::partial_message;
        return;
    }
    h.parser->put_eof(ec);
}

bool response_parser::done() const noexcept
{
    return holder_->parser->is_done();
}

bool response_parser::header_done() const noexcept
{
    return holder_->parser->is_header_done();
}

bool response_parser::keep_alive() const noexcept
{
    return holder_->parser->is_header_done() && holder_->parser->keep_alive() && holder_->out->status != 101;
}

std::string_view response_parser::reason() const noexcept
{
    return holder_->reason;
}

bool response_parser::has_set_cookie() const noexcept
{
    return holder_->set_cookie;
}

} // namespace hornet::http
