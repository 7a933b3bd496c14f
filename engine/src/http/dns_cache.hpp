// Host name resolution once per host:port per thread, shared by every session of the thread.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hornet::http {

/// A per-thread DNS cache. IP literals never touch the resolver. While one session resolves
/// a name, the others asking for it wait for that answer instead of queueing more lookups.
/// A failed lookup is not cached; forget() drops an entry after a connect failure so the next
/// connect resolves again. Not thread-safe.
class dns_cache
{
public:
    using endpoints = std::vector<boost::asio::ip::tcp::endpoint>;
    using result = std::pair<boost::system::error_code, endpoints>;

    /// Resolves host:port. The caller lends a resolver and a timer, so that its own timeout
    /// can cancel them (then the result is operation_aborted).
    boost::asio::awaitable<result> resolve(std::string_view host, std::uint16_t port,
                                           boost::asio::ip::tcp::resolver& resolver, boost::asio::steady_timer& waker);

    void forget(std::string_view host, std::uint16_t port);
    std::size_t size() const noexcept { return entries_.size(); }
    /// Lookups sent to the system resolver so far (tests, diagnostics).
    std::uint64_t lookups() const noexcept { return lookups_; }

private:
    struct waiter
    {
        boost::asio::steady_timer* timer;
        bool woken = false;
    };
    struct entry
    {
        endpoints addresses;
        boost::system::error_code error;
        bool pending = false;
        std::vector<waiter*> waiters;
    };

    static std::string key(std::string_view host, std::uint16_t port);

    std::unordered_map<std::string, entry> entries_;
    std::uint64_t lookups_ = 0;
};

} // namespace hornet::http
