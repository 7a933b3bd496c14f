// Frames decoded once into the message types each side acts on: a master reads worker messages,
// a worker reads master messages, each as a variant to visit (no string compares downstream).
#pragma once

#include "core/error.hpp"
#include "proto/message.hpp"
#include "proto/messages.hpp"
#include "proto/stats_payload.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace hornet::proto {

/// A message this side has nothing to do with: Locust's `locustfile`, newer masters'
/// notices, a message meant for the other side, or a type nobody knows. The caller logs it.
struct unhandled
{
    std::string type;
    /// One of the protocol's types (meant for the other side, or not acted on); false for a
    /// type this protocol does not have.
    bool known = false;
};

/// A client_ready whose data is nil, false or 0: a Locust worker older than 2.0.
struct old_worker_hello
{};

/// A frame whose envelope decoded but whose data does not have its type's shape (a stats map
/// without 'stats'). The node id is not known then: reading stopped at the data.
struct malformed
{
    std::string type;
    core::failure why;
};

/// What a master receives. `stats` is checked whole and kept as bytes with its rows located, for
/// merge_stats() to read straight into the master's accumulator.
struct worker_message
{
    using body_type = std::variant<client_ready, heartbeat, stats_payload, exception_report, spawning, spawning_complete,
                                   client_stopped, quit, worker_logs, old_worker_hello, unhandled, malformed>;
    std::string node_id;
    body_type body;
};

/// What a worker receives.
struct master_message
{
    using body_type = std::variant<ack, heartbeat_reply, spawn, stop, quit, reconnect, unhandled, malformed>;
    std::string node_id;
    body_type body;
};

/// Decodes one frame from a worker. Failures (error::malformed, limit_exceeded) are bytes that
/// are not a message: the envelope, or msgpack anywhere in it. Data that does not have its
/// type's shape is a `malformed` body: the caller knows the type and decides.
core::result<worker_message> decode_worker_message(std::string_view bytes, const decode_limits& limits = {});
core::result<master_message> decode_master_message(std::string_view bytes, const decode_limits& limits = {});

/// The message type of a body ("stats"), for logs.
std::string_view type_of(const worker_message::body_type& body) noexcept;

} // namespace hornet::proto
