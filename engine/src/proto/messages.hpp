// Typed payloads of Locust's protocol messages (§1.4 of the compatibility reference).
#pragma once

#include "proto/message.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hornet::proto {

/// Users per user class, in the sender's order (Python dict order).
using class_counts = std::vector<std::pair<std::string, std::int64_t>>;

/// Worker -> master at connect and after each stop. Data: the version string, or int -1.
struct client_ready
{
    static constexpr std::string_view type_name = "client_ready";
    std::string version;      // "" is what Debian's Locust sends; a Hornet master accepts it
    bool any_version = false; // the data was -1 (boomer's way to skip the version check)
    friend bool operator==(const client_ready&, const client_ready&) = default;
};

/// Master -> worker reply to client_ready. Masters <= 2.10.2 sent nil data (no index).
struct ack
{
    static constexpr std::string_view type_name = "ack";
    std::optional<std::int64_t> index;
    /// A Hornet master's version (Locust workers ignore the key): its workers then send their
    /// `logs`, which a Locust 2.12 master would warn about as an unknown message.
    std::optional<std::string> hornet_version;
    friend bool operator==(const ack&, const ack&) = default;
};

/// Worker -> master every second.
struct heartbeat
{
    static constexpr std::string_view type_name = "heartbeat";
    std::string state;                      // "ready", "spawning", "running" (others passed through)
    double current_cpu_usage = 0;           // percent of one core, may exceed 100
    std::uint64_t current_memory_usage = 0; // RSS bytes
    /// Hornet workers add "hornet_version" (Locust masters ignore the key): a Hornet master then
    /// knows which workers can follow a rate. "" from Locust workers (and not sent).
    std::string hornet_version;
    friend bool operator==(const heartbeat&, const heartbeat&) = default;
};

/// Master -> worker answer to each heartbeat (Locust >= 2.19); nil data.
struct heartbeat_reply
{
    static constexpr std::string_view type_name = "heartbeat";
    friend bool operator==(const heartbeat_reply&, const heartbeat_reply&) = default;
};

/// Master -> worker, one per dispatch iteration: absolute user counts for this worker.
struct spawn
{
    static constexpr std::string_view type_name = "spawn";
    double timestamp = 0; // epoch seconds; a worker ignores a spawn not newer than the last
    class_counts user_classes_count;
    std::optional<std::string> host;
    /// Seconds. Encoded as an int when whole (2.12's argparse type), else as a float.
    std::optional<double> stop_timeout;
    value parsed_options = value::map_type{}; // always a map on the wire: nil crashes 2.12 workers
    friend bool operator==(const spawn&, const spawn&) = default;
};

/// Worker -> master on receiving each spawn; nil data.
struct spawning
{
    static constexpr std::string_view type_name = "spawning";
    friend bool operator==(const spawning&, const spawning&) = default;
};

/// Worker -> master after applying a spawn: {user_classes_count, user_count}. Master -> worker
/// (>= 2.29) at the end of the ramp: {user_count} only. boomer sends "count" for user_count.
struct spawning_complete
{
    static constexpr std::string_view type_name = "spawning_complete";
    std::optional<class_counts> user_classes_count;
    std::int64_t user_count = 0;
    friend bool operator==(const spawning_complete&, const spawning_complete&) = default;
};

/// Worker -> master for each exception escaping a task.
struct exception_report
{
    static constexpr std::string_view type_name = "exception";
    std::string msg;
    std::string traceback;
    friend bool operator==(const exception_report&, const exception_report&) = default;
};

/// Worker -> master (Locust >= 2.29, and Hornet): the worker's log lines since its last `logs`,
/// every 10 s when there are any. The master shows them at /logs.
struct worker_logs
{
    static constexpr std::string_view type_name = "logs";
    std::string worker_id;
    std::vector<std::string> logs;
    friend bool operator==(const worker_logs&, const worker_logs&) = default;
};

/// Worker -> master after stopping its users on `stop`; nil data.
struct client_stopped
{
    static constexpr std::string_view type_name = "client_stopped";
    friend bool operator==(const client_stopped&, const client_stopped&) = default;
};

/// Both directions: the sender is shutting down; nil data.
struct quit
{
    static constexpr std::string_view type_name = "quit";
    friend bool operator==(const quit&, const quit&) = default;
};

/// Master -> worker: stop the users; nil data.
struct stop
{
    static constexpr std::string_view type_name = "stop";
    friend bool operator==(const stop&, const stop&) = default;
};

/// Master -> worker: recreate the socket (the master could not decode a frame); nil data.
struct reconnect
{
    static constexpr std::string_view type_name = "reconnect";
    friend bool operator==(const reconnect&, const reconnect&) = default;
};

// Payload <-> data value.
value to_value(const client_ready& p);
value to_value(const ack& p);
value to_value(const heartbeat& p);
value to_value(const heartbeat_reply& p);
value to_value(const spawn& p);
value to_value(const spawning& p);
value to_value(const spawning_complete& p);
value to_value(const exception_report& p);
value to_value(const worker_logs& p);
value to_value(const client_stopped& p);
value to_value(const quit& p);
value to_value(const stop& p);
value to_value(const reconnect& p);

core::result<void> from_value(const value& data, client_ready& out);
core::result<void> from_value(const value& data, ack& out);
core::result<void> from_value(const value& data, heartbeat& out);
core::result<void> from_value(const value& data, heartbeat_reply& out);
core::result<void> from_value(const value& data, spawn& out);
core::result<void> from_value(const value& data, spawning& out);
core::result<void> from_value(const value& data, spawning_complete& out);
core::result<void> from_value(const value& data, exception_report& out);
core::result<void> from_value(const value& data, worker_logs& out);
core::result<void> from_value(const value& data, client_stopped& out);
core::result<void> from_value(const value& data, quit& out);
core::result<void> from_value(const value& data, stop& out);
core::result<void> from_value(const value& data, reconnect& out);

/// Decodes a class -> count map (str or bin keys, non-negative int counts).
core::result<void> class_counts_from_value(const value& data, class_counts& out);
value to_value(const class_counts& counts);

/// Whether `type` is one of the message types above or "stats" (others are logged and dropped).
bool known_type(std::string_view type) noexcept;

/// The envelope for a payload.
template <class Payload>
message make_message(const Payload& payload, std::string node_id)
{
    return message{std::string(Payload::type_name), to_value(payload), std::move(node_id)};
}

/// The payload of `m`, or an error when the type differs or the data has the wrong shape.
template <class Payload>
core::result<Payload> parse(const message& m)
{
    if (m.type != Payload::type_name)
        return core::failure(core::error::unexpected,
                             "message type '" + m.type + "' is not '" + std::string(Payload::type_name) + "'");
    Payload out;
    if (auto r = from_value(m.data, out); !r) return r.error().prefixed(std::string(Payload::type_name) + ": ");
    return out;
}

} // namespace hornet::proto
