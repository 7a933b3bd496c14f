// Socket settings shared by the master's ROUTER and the worker's DEALER endpoints.
#pragma once

#include "proto/value.hpp"

#include <chrono>
#include <cstdint>

namespace hornet::cluster {

struct endpoint_options
{
    /// Largest frame accepted from a peer (ZMQ_MAXMSGSIZE): libzmq reads the length from the
    /// frame header and drops the connection before allocating anything bigger. 16 MiB is ~50x
    /// the largest stats report we expect (a 3 s delta of 2,000 request names with their buckets
    /// and HDR counters is ~0.3 MiB), while bounding what one hostile frame can cost: the
    /// decoded value tree is at most ~40x the frame (one 40-byte value per 1-byte nil), so
    /// about 640 MiB in the very worst case. The cap is per frame: libzmq queues a multipart
    /// message whole before delivering it, so a peer sending endless parts is bounded only by
    /// the network it reaches us from (Locust's port has no authentication either: keep it on
    /// a private network).
    std::int64_t max_message_bytes = 16 * 1024 * 1024;
    /// Messages queued per peer before libzmq pushes back (ZMQ_SNDHWM / ZMQ_RCVHWM). Traffic is
    /// a few messages per second per worker; the cap bounds queued memory at
    /// high_water_mark x max_message_bytes per peer.
    int high_water_mark = 100;
    /// How long close() still tries to deliver queued messages (the worker's last `quit`).
    std::chrono::milliseconds linger{1000};
    /// TCP keepalive after this idle time, as Locust sets it (TCP_KEEPALIVE_IDLE=30).
    int tcp_keepalive_idle_s = 30;
    /// ZMTP-level PING every interval, and the connection is dropped when nothing comes back
    /// within the timeout: libzmq's io thread answers PINGs, so this catches a dead or
    /// partitioned peer without any message of Locust's protocol (a 2.12 master sends no
    /// heartbeats). Zero turns it off.
    std::chrono::milliseconds zmtp_heartbeat_interval{2000};
    std::chrono::milliseconds zmtp_heartbeat_timeout{10000};
    /// Bounds for decoding each payload.
    proto::decode_limits decode_limits{};
};

} // namespace hornet::cluster
