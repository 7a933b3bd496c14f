// The demo target's product catalogue and its word search (GET /products/search?q=...).
#pragma once

#include "demo/reply.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::demo {

/// A fixed, deterministic catalogue: product_count products (ids 1..N) whose names are 3 to 5
/// distinct words drawn with a fixed seed from a list of about 60 words. The same on every
/// machine and every run, so scenarios can rely on it.
///
/// Thread safety: immutable after construction.
class catalog
{
public:
    static constexpr std::size_t product_count = 5000;
    static constexpr std::size_t max_results = 50;

    catalog();

    /// GET /products/search?q=w1+w2: {"count": n, "results": [{"id", "name"}, ... first 50]}
    /// over the products whose name contains every query word (case-insensitive, whole words).
    response search(std::string_view query) const;

    /// Ids (ascending) of every product matching all the words of text (space-separated).
    std::vector<std::uint32_t> find(std::string_view text) const;

    /// The name of product id (1-based); empty for an id out of range.
    std::string_view name(std::uint32_t id) const;

    static std::span<const std::string_view> words();

private:
    std::vector<std::string> names_;
    std::vector<std::string> entries_; // {"id":N,"name":"..."}, ready to paste into an answer
    std::vector<std::uint64_t> masks_; // bit i set: the name contains words()[i]
};

} // namespace hornet::demo
