// Example 5, product search: search a word; while more than 10 results come back, add a random
// word from a result's name and search again; stop at 10 or fewer, or after 20 rounds.
// The next request depends on the last response, in a loop: that is why this one is C++.
//
// Built into hornet (`hornet -f product_search -H http://127.0.0.1:8000 --headless -u 10 -t 1m`),
// or as a plugin: hornet_add_scenario(product_search product_search.cpp) (docs/cpp-api.md).
#include <hornet/hornet.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Words a shopper starts with: each one matches many products of the demo catalogue.
constexpr std::array<std::string_view, 8> first_words{"lamp",    "chair",  "red",   "wireless",
                                                      "vintage", "bottle", "steel", "portable"};

class shopper : public hornet::user
{
public:
    hornet::task<> search()
    {
        words_.assign(1, std::string(first_words[random_int(0, first_words.size() - 1)]));
        for (int round = 1; round <= max_rounds; ++round) {
            // First searches and refinements are told apart in the statistics.
            auto r = co_await get(query(), {.name = round == 1 ? "/products/search" : "/products/search [refine]",
                                            .catch_response = true});
            if (r.status() != 200) co_return; // recorded as failed by default when r goes
            auto body = r.json();
            auto count = body.value("count", -1);
            const auto& results = body["results"];
            if (count < 0 || !results.is_array() || (count > 0 && results.empty())) {
                r.failure("unexpected search answer");
                co_return;
            }
            r.success();
            ++searches_;
            if (count <= max_results) co_return;

            // Refine with a word of a random result that is not in the query yet.
            auto name = results[random_int(0, static_cast<std::int64_t>(results.size()) - 1)].value("name", "");
            auto next = pick_new_word(name);
            if (next.empty()) co_return;
            words_.push_back(std::move(next));
        }
    }

    hornet::task<> on_stop() override
    {
        log_debug("searched " + std::to_string(searches_) + " times");
        co_return;
    }

private:
    static constexpr int max_rounds = 20;
    static constexpr int max_results = 10;

    std::string query() const
    {
        std::string q = "/products/search?q=";
        for (std::size_t i = 0; i < words_.size(); ++i) q += (i ? "+" : "") + words_[i];
        return q;
    }

    std::string pick_new_word(const std::string& name)
    {
        std::vector<std::string> fresh;
        std::size_t start = 0;
        while (start < name.size()) {
            auto end = name.find(' ', start);
            if (end == std::string::npos) end = name.size();
            std::string w = name.substr(start, end - start);
            for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (!w.empty() && std::find(words_.begin(), words_.end(), w) == words_.end()) fresh.push_back(w);
            start = end + 1;
        }
        if (fresh.empty()) return {};
        return fresh[random_int(0, static_cast<std::int64_t>(fresh.size()) - 1)];
    }

    // Per-user state: the query being refined, and how many searches this user made.
    std::vector<std::string> words_;
    int searches_ = 0;
};

} // namespace

extern "C" int hornet_register(hornet::registry& r)
{
    r.describe("Product search: refine with a word of a result while more than 10 come back (C++)");
    r.add<shopper>("Shopper").wait(hornet::between(0.5, 2)).task("search", &shopper::search);
    return 0;
}
