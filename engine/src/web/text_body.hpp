// A Beast body for the web server's responses: text the response owns, or text it shares with
// a cache or the binary, written without a copy.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional/optional.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace hornet::web {

/// /stats/requests is what 1,000 browsers and exporters poll: its JSON (tens of KB with many
/// endpoints) is built once a second and shared by every answer instead of copied into each;
/// the embedded UI files are served from the binary's own bytes.
struct text_body
{
    class value_type
    {
    public:
        value_type() = default;
        value_type(std::string text) : own_(std::move(text)) {}
        value_type& operator=(std::string text)
        {
            own_ = std::move(text);
            shared_.reset();
            static_ = {};
            return *this;
        }

        /// Text kept alive by `text` for as long as the response exists.
        static value_type shared(std::shared_ptr<const std::string> text)
        {
            value_type v;
            v.shared_ = std::move(text);
            return v;
        }
        /// Text that outlives every response (the binary's embedded files).
        static value_type lasting(std::string_view text)
        {
            value_type v;
            v.static_ = text;
            return v;
        }

        std::string_view view() const noexcept
        {
            if (shared_) return *shared_;
            if (static_.data() != nullptr) return static_;
            return own_;
        }
        std::size_t size() const noexcept { return view().size(); }
        bool empty() const noexcept { return view().empty(); }
        void clear() { *this = std::string(); }
        friend bool operator==(const value_type& a, std::string_view b) noexcept { return a.view() == b; }

    private:
        std::string own_;
        std::shared_ptr<const std::string> shared_;
        std::string_view static_;
    };

    static std::uint64_t size(const value_type& body) noexcept { return body.size(); }

    class writer
    {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool IsRequest, class Fields>
        writer(const boost::beast::http::header<IsRequest, Fields>&, const value_type& body) : text_(body.view())
        {}

        void init(boost::system::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::system::error_code& ec)
        {
            ec = {};
            return std::pair<const_buffers_type, bool>{boost::asio::const_buffer(text_.data(), text_.size()), false};
        }

    private:
        std::string_view text_;
    };
};

} // namespace hornet::web
