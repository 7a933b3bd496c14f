// The users API of the demo target: CRUD over /api/users, kept in memory.
#pragma once

#include "demo/reply.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace hornet::demo {

/// An in-memory table of users {id, dni, name}. Ids start at 1 and are never reused. Past
/// max_users the oldest users are dropped, so a long load test cannot exhaust memory (a GET
/// of a dropped id answers 404, which the users scenario counts as success anyway).
///
/// Thread safety: all members may be called concurrently (one mutex; not a hot path).
class users_api
{
public:
    explicit users_api(std::size_t max_users = 1'000'000);

    /// POST /api/users: {"dni", "name"} (strings or numbers) -> 201 with the user, 400 on a bad body.
    response create(const request& req);
    /// GET /api/users?offset=&limit=: a JSON array of users by id (limit defaults to 100, at most 1000).
    response list(std::string_view query) const;
    /// GET /api/users/{id}: 200 or 404.
    response get(std::string_view id) const;
    /// PUT or PATCH /api/users/{id}: updates the fields given; 200, 400 or 404.
    response update(std::string_view id, const request& req);
    /// DELETE /api/users/{id}: 204 or 404.
    response remove(std::string_view id);

    std::size_t size() const;

private:
    struct user
    {
        std::string dni;
        std::string name;
    };

    static nlohmann::json to_json(std::uint64_t id, const user& u);

    mutable std::mutex mutex_;
    std::map<std::uint64_t, user> users_;
    std::uint64_t next_id_ = 1;
    std::size_t max_users_;
};

} // namespace hornet::demo
