// hornet::request_options: what a request may carry besides its method and path.
#pragma once

#include "hornet/detail/user_context.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace hornet {

/// Up to 6 extra headers, written inline: `.headers = {{"Authorization", token}, {"X-Id", id}}`.
/// (Not an initializer_list: GCC 12 miscompiles those inside co_await expressions.)
class header_list
{
public:
    static constexpr std::size_t capacity = 6;

    header_list() = default;
    header_list(header a) : items_{a}, size_(1) {}
    header_list(header a, header b) : items_{a, b}, size_(2) {}
    header_list(header a, header b, header c) : items_{a, b, c}, size_(3) {}
    header_list(header a, header b, header c, header d) : items_{a, b, c, d}, size_(4) {}
    header_list(header a, header b, header c, header d, header e) : items_{a, b, c, d, e}, size_(5) {}
    header_list(header a, header b, header c, header d, header e, header f) : items_{a, b, c, d, e, f}, size_(6) {}

    const header* begin() const noexcept { return items_; }
    const header* end() const noexcept { return items_ + size_; }
    std::size_t size() const noexcept { return size_; }

private:
    header items_[capacity];
    std::size_t size_ = 0;
};

/// A JSON body, viewed: the value must outlive the co_await (a local, or a temporary written
/// in the same expression). A view keeps request_options trivially destructible: GCC 12
/// destroys a by-value optional<json> in a co_await temporary twice.
class json_ref
{
public:
    json_ref() = default;
    json_ref(const nlohmann::json& value) : value_(&value) {}
    explicit operator bool() const noexcept { return value_ != nullptr; }
    const nlohmann::json& operator*() const noexcept { return *value_; }
    const nlohmann::json* operator->() const noexcept { return value_; }

private:
    const nlohmann::json* value_ = nullptr;
};

/// Fields in declaration order, for designated initializers:
///     co_await post("/api/users/", {.name = "create", .body = text, .catch_response = true});
/// The views must outlive the co_await (they do when written inline as above).
/// GCC 12 rejects ("array used as initializer") an initializer list inside a co_await
/// expression, so build a braced JSON value in its own statement first:
///     nlohmann::json user{{"name", "Ann"}};
///     co_await post("/api/users/", {.json = user});
struct request_options
{
    std::string_view name = {};  ///< statistics name (Locust's name=); empty = the path
    header_list headers = {};    ///< extra headers
    std::string_view body = {};  ///< raw body
    json_ref json = {};          ///< JSON body (wins over body), Content-Type added
    bool catch_response = false; ///< the verdict is the user's: see hornet::response
};

} // namespace hornet
