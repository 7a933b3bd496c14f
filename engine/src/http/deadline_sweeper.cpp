// The sweeper's timer lives in a shared state so a late timer completion never touches a
// destroyed sweeper.
#include "http/deadline_sweeper.hpp"

#include <boost/asio/steady_timer.hpp>

namespace hornet::http {

struct deadline_sweeper::state : std::enable_shared_from_this<state>
{
    state(boost::asio::any_io_executor ex, std::chrono::milliseconds p) : timer(std::move(ex)), period(p) {}

    void arm()
    {
        if (armed || !running || count == 0) return;
        armed = true;
        timer.expires_after(period);
        timer.async_wait([self = shared_from_this(), gen = generation](const boost::system::error_code& ec) {
            if (ec || gen != self->generation) return;
            self->armed = false;
            self->sweep(std::chrono::steady_clock::now());
            self->arm();
        });
    }

    void sweep(std::chrono::steady_clock::time_point now);

    void unlink(deadline_node& n) noexcept
    {
        if (n.prev_ == &n)
            first = n.next_;
        else
            n.prev_->next_ = n.next_;
        if (n.next_ != nullptr) n.next_->prev_ = n.prev_ == &n ? n.next_ : n.prev_;
        n.prev_ = nullptr;
        n.next_ = nullptr;
        --count;
    }

    boost::asio::steady_timer timer;
    std::chrono::milliseconds period;
    // Intrusive doubly linked list through the nodes. The first node's prev_ points to
    // itself, so prev_ != nullptr always means "linked".
    deadline_node* first = nullptr;
    std::size_t count = 0;
    bool armed = false;
    bool running = true;
    unsigned generation = 0; // a completion from before stop()/start() must not re-arm
};

deadline_sweeper::deadline_sweeper(boost::asio::any_io_executor executor, std::chrono::milliseconds period)
    : state_(std::make_shared<state>(std::move(executor), period))
{}

deadline_sweeper::~deadline_sweeper()
{
    stop();
}

void deadline_sweeper::watch(deadline_node& node, std::chrono::steady_clock::time_point deadline)
{
    auto& s = *state_;
    node.deadline_ = deadline;
    if (node.prev_ != nullptr) return;
    node.next_ = s.first;
    if (s.first != nullptr) s.first->prev_ = &node;
    node.prev_ = &node; // marks "first in list"
    s.first = &node;
    ++s.count;
    s.arm();
}

void deadline_sweeper::unwatch(deadline_node& node) noexcept
{
    if (node.prev_ != nullptr) state_->unlink(node);
}

void deadline_sweeper::state::sweep(std::chrono::steady_clock::time_point now)
{
    deadline_node* n = first;
    while (n != nullptr) {
        deadline_node* next = n->next_;
        if (n->deadline_ <= now) {
            unlink(*n); // first: on_deadline may watch the node again
            n->on_deadline();
        }
        n = next;
    }
}

void deadline_sweeper::sweep(std::chrono::steady_clock::time_point now)
{
    state_->sweep(now);
}

void deadline_sweeper::start()
{
    auto& s = *state_;
    if (s.running) return;
    s.running = true;
    s.arm();
}

void deadline_sweeper::stop()
{
    auto& s = *state_;
    s.running = false;
    if (s.armed) {
        s.armed = false;
        ++s.generation;
        s.timer.cancel();
    }
}

bool deadline_sweeper::running() const noexcept
{
    return state_->running;
}

std::size_t deadline_sweeper::watched() const noexcept
{
    return state_->count;
}

} // namespace hornet::http
