// Recycled coroutine frames for hornet::task: a task started per iteration costs no malloc.
#pragma once

#include <cstddef>
#include <new>

namespace hornet::detail {

/// Per-thread free lists by size class (64-byte steps up to 4 KiB); bigger frames use the heap.
/// A frame is freed on the thread that allocated it, since a user lives on one engine thread.
class frame_pool
{
public:
    static void* allocate(std::size_t size)
    {
        std::size_t cls = size_class(size + header);
        if (cls >= classes) {
            auto* p = static_cast<std::size_t*>(::operator new(size + header));
            *p = classes;
            return reinterpret_cast<char*>(p) + header;
        }
        node*& head = lists()[cls];
        void* block;
        if (head) {
            block = head;
            head = head->next;
        } else {
            block = ::operator new((cls + 1) * step);
        }
        *static_cast<std::size_t*>(block) = cls;
        return static_cast<char*>(block) + header;
    }

    static void deallocate(void* frame) noexcept
    {
        void* block = static_cast<char*>(frame) - header;
        std::size_t cls = *static_cast<std::size_t*>(block);
        if (cls >= classes) {
            ::operator delete(block);
            return;
        }
        node*& head = lists()[cls];
        auto* n = static_cast<node*>(block);
        n->next = head;
        head = n;
    }

private:
    struct node
    {
        node* next;
    };
    static constexpr std::size_t step = 64;
    static constexpr std::size_t classes = 64;
    // Keeps the frame aligned as operator new would.
    static constexpr std::size_t header = alignof(std::max_align_t);

    static std::size_t size_class(std::size_t n) { return (n + step - 1) / step - 1; }

    struct cache
    {
        node* heads[classes] = {};
        ~cache()
        {
            for (node* h : heads)
                while (h) {
                    node* next = h->next;
                    ::operator delete(h);
                    h = next;
                }
        }
    };
    static node** lists()
    {
        thread_local cache c;
        return c.heads;
    }
};

} // namespace hornet::detail
