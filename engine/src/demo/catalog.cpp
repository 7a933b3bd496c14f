// The demo target's deterministic product catalogue and its search.
#include "demo/catalog.hpp"

#include "demo/query.hpp"

#include <array>
#include <cctype>

namespace hornet::demo {

namespace http = boost::beast::http;

namespace {

constexpr std::array<std::string_view, 60> vocabulary{
    "red",      "blue",     "green",   "black",    "white",   "silver",  "golden",  "wooden",  "steel",   "cotton",
    "leather",  "glass",    "small",   "large",    "light",   "heavy",   "smart",   "classic", "modern",  "vintage",
    "portable", "wireless", "digital", "electric", "organic", "premium", "compact", "deluxe",  "ultra",   "mini",
    "lamp",     "chair",    "table",   "desk",     "bottle",  "phone",   "watch",   "camera",  "speaker", "jacket",
    "shoes",    "backpack", "kettle",  "blender",  "mixer",   "knife",   "pan",     "mug",     "pillow",  "blanket",
    "mirror",   "clock",    "guitar",  "bicycle",  "helmet",  "tent",    "book",    "pen",     "wallet",  "umbrella",
};
static_assert(vocabulary.size() <= 64, "word masks are 64 bits");

// splitmix64: tiny, and unlike std:: distributions it gives the same sequence on every platform.
struct splitmix64
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

int word_index(std::string_view word)
{
    for (std::size_t i = 0; i < vocabulary.size(); ++i) {
        if (vocabulary[i] == word) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace

std::span<const std::string_view> catalog::words()
{
    return vocabulary;
}

catalog::catalog()
{
    splitmix64 rng{0x686f726e6574ULL}; // "hornet"
    names_.reserve(product_count);
    entries_.reserve(product_count);
    masks_.reserve(product_count);
    for (std::size_t p = 0; p < product_count; ++p) {
        const auto length = 3 + rng.below(3);
        std::uint64_t mask = 0;
        std::string name;
        for (std::size_t w = 0; w < length;) {
            const auto i = rng.below(vocabulary.size());
            if ((mask & (1ULL << i)) != 0) {
                continue; // distinct words keep "contains every word" unambiguous
            }
            mask |= 1ULL << i;
            if (!name.empty()) {
                name += ' ';
            }
            name += vocabulary[i];
            ++w;
        }
        entries_.push_back(json_text(nlohmann::json{{"id", p + 1}, {"name", name}}));
        names_.push_back(std::move(name));
        masks_.push_back(mask);
    }
}

std::string_view catalog::name(std::uint32_t id) const
{
    return id >= 1 && id <= names_.size() ? std::string_view(names_[id - 1]) : std::string_view();
}

std::vector<std::uint32_t> catalog::find(std::string_view text) const
{
    std::uint64_t wanted = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find_first_of(" \t", start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (end > start) {
            std::string word(text.substr(start, end - start));
            for (auto& c : word) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            const auto i = word_index(word);
            if (i < 0) {
                return {}; // no name contains a word outside the vocabulary
            }
            wanted |= 1ULL << i;
        }
        start = end + 1;
    }
    std::vector<std::uint32_t> ids;
    for (std::size_t p = 0; p < masks_.size(); ++p) {
        if ((masks_[p] & wanted) == wanted) {
            ids.push_back(static_cast<std::uint32_t>(p + 1));
        }
    }
    return ids;
}

response catalog::search(std::string_view query) const
{
    // Assembled from prepared pieces: searches are a benchmark scenario, and building 50 JSON
    // objects per request would dominate its cost.
    const auto ids = find(query_param(query, "q").value_or(std::string()));
    std::string body = "{\"count\":" + std::to_string(ids.size()) + ",\"results\":[";
    for (std::size_t i = 0; i < ids.size() && i < max_results; ++i) {
        if (i != 0) {
            body += ',';
        }
        body += entries_[ids[i] - 1];
    }
    body += "]}";
    return text_response(http::status::ok, "application/json", std::move(body));
}

} // namespace hornet::demo
