// Coalesced, cached name resolution.
#include "http/dns_cache.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace hornet::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string dns_cache::key(std::string_view host, std::uint16_t port)
{
    std::string k(host);
    k += ':';
    k += std::to_string(port);
    return k;
}

net::awaitable<dns_cache::result> dns_cache::resolve(std::string_view host, std::uint16_t port, tcp::resolver& resolver,
                                                     net::steady_timer& waker)
{
    boost::system::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (!ec) co_return result{{}, endpoints{tcp::endpoint(address, port)}};

    const auto k = key(host, port);
    for (;;) {
        // References into an unordered_map survive rehashing; forget() never erases an entry
        // that is pending or waited on.
        auto& e = entries_[k];
        if (!e.pending && !e.addresses.empty()) co_return result{{}, e.addresses};
        if (e.pending) {
            waiter w{&waker};
            e.waiters.push_back(&w);
            waker.expires_at(net::steady_timer::time_point::max());
            co_await waker.async_wait(net::as_tuple(net::use_awaitable));
            if (!w.woken) {
                // Our owner cancelled the wait (its timeout); the lookup goes on for others.
                auto& again = entries_[k];
                again.waiters.erase(std::remove(again.waiters.begin(), again.waiters.end(), &w), again.waiters.end());
                co_return result{net::error::operation_aborted, {}};
            }
            auto& done = entries_[k];
            if (!done.addresses.empty()) co_return result{{}, done.addresses};
            if (done.error && done.error != net::error::operation_aborted) co_return result{done.error, {}};
            continue; // the resolving session gave up: take over
        }
        e.pending = true;
        e.error = {};
        ++lookups_;
        auto [rec, results] =
            co_await resolver.async_resolve(std::string(host), std::to_string(port), net::as_tuple(net::use_awaitable));
        auto& done = entries_[k];
        done.pending = false;
        done.addresses.clear();
        for (const auto& r : results) done.addresses.push_back(r.endpoint());
        if (!rec && done.addresses.empty()) rec = net::error::host_not_found;
        done.error = rec;
        for (auto* w : done.waiters) {
            w->woken = true;
            w->timer->cancel();
        }
        done.waiters.clear();
        // A failure stays as the entry's error for the waiters just woken; the next caller
        // sees no addresses and resolves again.
        co_return result{rec, done.addresses};
    }
}

void dns_cache::forget(std::string_view host, std::uint16_t port)
{
    auto it = entries_.find(key(host, port));
    if (it != entries_.end() && !it->second.pending && it->second.waiters.empty()) entries_.erase(it);
}

} // namespace hornet::http
