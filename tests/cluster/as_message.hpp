// Tests look at what the endpoints deliver as plain envelopes (type, data, node_id): the typed
// messages are turned back into one with their own encoders.
#pragma once

#include "proto/inbound.hpp"

#include <type_traits>
#include <variant>

namespace hornet::cluster::testing {

template <class Typed>
proto::message as_message(const Typed& typed)
{
    return std::visit(
        [&](const auto& body) {
            using T = std::decay_t<decltype(body)>;
            if constexpr (std::is_same_v<T, proto::unhandled> || std::is_same_v<T, proto::malformed>)
                return proto::message{body.type, {}, typed.node_id};
            else if constexpr (std::is_same_v<T, proto::old_worker_hello>)
                return proto::message{"client_ready", {}, typed.node_id};
            else if constexpr (std::is_same_v<T, proto::stats_payload>)
                return proto::make_message(proto::to_report(body), typed.node_id);
            else
                return proto::make_message(body, typed.node_id);
        },
        typed.body);
}

} // namespace hornet::cluster::testing
