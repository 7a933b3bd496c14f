#!/usr/bin/python3
"""Golden msgpack vectors of Locust's master/worker messages, made by Locust's own code.

Run with Debian's interpreter (python3-locust 2.12.1, python3-msgpack 1.0.3):
    /usr/bin/python3 proto/golden/capture.py [output-dir]
Each vector is written as <name>.hex (one line of lowercase hex) next to this script.
The bytes are what locust.rpc.protocol.Message.serialize() produces, i.e. msgpack.dumps of
(type, data, node_id). Payloads come from the same expressions Locust's runners use; the stats
payloads come from a real locust.stats.RequestStats fed through Locust's own
report_to_master listener, with time.time() pinned so the output is reproducible.
"""
import os
import sys
import time
import traceback

import msgpack
import locust.stats
from locust.argument_parser import parse_options
from locust.event import Events
from locust.exception import CatchResponseError
from locust.rpc.protocol import Message
from locust.stats import RequestStats, setup_distributed_stats_event_listeners
from requests.exceptions import HTTPError

NODE = "h_0"  # short id used by the compatibility reference's hex vectors (§1.11)
WORKER = "vm_a3860a1f3d0c42be9eee04131d117c4e"  # a real-looking <host>_<uuid4 hex> worker id (str8)
T0 = 1700000000.25  # pinned wall clock


class Clock:
    """Replaces time.time so every timestamp in the stats is known."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def stats_payload(dialect):
    """The data of a worker's `stats` message after a few requests and failures."""
    clock = Clock(T0)
    real_time = time.time
    time.time = clock
    try:
        stats = RequestStats()
        stats.clear_all()  # what a worker does on its first spawn: total's method becomes ""
        # HttpUser reports float milliseconds; ascending so dict order equals sorted order.
        requests = [
            ("GET", "/state", 0.42, 120, None),
            ("GET", "/state", 2.5, 120, None),
            ("GET", "/state", 3.5, 118, None),
            ("GET", "/state", 99.6, 120, None),
            ("GET", "/state", 145.0, 121, None),
            ("GET", "/state", 147.3, 119, None),
            ("POST", "/api/users/", 12.25, 64, None),
            ("POST", "/api/users/", 3432.1, 64, CatchResponseError("got 500")),
            ("GET", "/missing/[id]", 58760.9, 0,
             HTTPError("404 Client Error: Not Found for url: /missing/[id]")),
            ("GET", "/weird", 1.0, 5, "it's \"broken\" \\ here"),
            ("GET", "/weird", 1.0, 5, "ошибка\u00a0<Foo object at 0x7f3a2c1d9e80> tab\there"),
            ("GET", "/none", None, 0, None),
        ]
        # Globally ascending too, so the Aggregated row's dict is sorted as well (Hornet writes
        # buckets in ascending order; Python in first-seen order).
        requests.sort(key=lambda r: float("inf") if r[2] is None else r[2])
        for i, (method, name, rt, length, error) in enumerate(requests):
            clock.now = T0 + 0.4 * i  # spans several epoch seconds
            stats.log_request(method, name, rt, length)
            if error is not None:
                stats.log_error(method, name, error)
        clock.now = T0 + 10
        events = Events()
        setup_distributed_stats_event_listeners(events, stats)
        data = {}
        events.report_to_master.fire(client_id=WORKER, data=data)
        # WorkerRunner's own report_to_master listener adds these two.
        data["user_classes_count"] = {"QuickUser": 2, "ApiUser": 1}
        data["user_count"] = 3
    finally:
        time.time = real_time
    if dialect == "newest":
        # Locust >= 2.44 casts buckets to int (bucket_response_time) and errors carry
        # first_seen/last_seen; everything else is unchanged.
        for entry in data["stats"] + [data["stats_total"]]:
            entry["response_times"] = {int(k): v for k, v in entry["response_times"].items()}
        for error in data["errors"].values():
            error["first_seen"] = T0 + 3.2
            error["last_seen"] = T0 + 4.0
    return data


def empty_stats_payload():
    """What an idle worker (acked, nothing spawned yet) sends every 3 s: total's method is nil."""
    real_time = time.time
    time.time = Clock(T0)
    try:
        stats = RequestStats()
        events = Events()
        setup_distributed_stats_event_listeners(events, stats)
        data = {}
        events.report_to_master.fire(client_id=WORKER, data=data)
        data["user_classes_count"] = {}
        data["user_count"] = 0
    finally:
        time.time = real_time
    return data


def exception_payload():
    """runners.WorkerRunner.on_user_error's payload for a real exception."""

    def task():
        raise ValueError("boom 'quoted'")

    try:
        task()
    except ValueError as e:
        return {"msg": str(e), "traceback": "".join(traceback.format_tb(e.__traceback__))}


def spawn_payload(stop_timeout, options):
    """MasterRunner.start's per-worker payload (2.12: stop_timeout is an int or None)."""
    return {
        "timestamp": T0 + 0.5,
        "user_classes_count": {"ApiUser": 2, "QuickUser": 0},
        "host": "http://127.0.0.1:5000",
        "stop_timeout": stop_timeout,
        "parsed_options": options,
    }


def vectors():
    options = vars(parse_options(args=["-f", "locustfile.py", "--headless", "-u", "3", "-r", "1"]))
    return {
        # worker -> master
        "client_ready": Message("client_ready", "2.12.1", NODE),
        "client_ready_debian_empty": Message("client_ready", "", NODE),
        "client_ready_minus_one": Message("client_ready", -1, NODE),
        "heartbeat": Message(
            "heartbeat", {"state": "ready", "current_cpu_usage": 0.0, "current_memory_usage": 56401920}, NODE
        ),
        "heartbeat_running": Message(
            "heartbeat", {"state": "running", "current_cpu_usage": 103.7, "current_memory_usage": 4294967296}, WORKER
        ),
        "spawning": Message("spawning", None, NODE),
        "spawning_complete": Message(
            "spawning_complete", {"user_classes_count": {"ApiUser": 2, "QuickUser": 0}, "user_count": 2}, WORKER
        ),
        "exception": Message("exception", exception_payload(), WORKER),
        "client_stopped": Message("client_stopped", None, WORKER),
        "quit_worker": Message("quit", None, WORKER),
        "stats_2_12": Message("stats", stats_payload("2.12"), WORKER),
        "stats_newest": Message("stats", stats_payload("newest"), WORKER),
        "stats_idle": Message("stats", empty_stats_payload(), WORKER),
        # master -> worker
        "ack": Message("ack", {"index": 0}, NODE),
        "ack_old_master": Message("ack", None, NODE),
        "spawn_2_12": Message("spawn", spawn_payload(None, options), WORKER),
        "spawn_stop_timeout": Message("spawn", spawn_payload(5, {}), WORKER),
        "spawn_newest": Message("spawn", spawn_payload(0.0, {}), WORKER),
        "heartbeat_master": Message("heartbeat", None, WORKER),
        "spawning_complete_master": Message("spawning_complete", {"user_count": 3}, WORKER),
        "stop": Message("stop", None, NODE),
        "quit": Message("quit", None, NODE),
        "reconnect": Message("reconnect", None, WORKER),
    }


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for name, message in vectors().items():
        payload = message.serialize()
        # Locust's own decoder must read it back (proves the vector is valid for a Python peer).
        back = Message.unserialize(payload)
        assert back.type == message.type and back.node_id == message.node_id, name
        with open(os.path.join(out_dir, name + ".hex"), "w") as f:
            f.write(payload.hex() + "\n")
    print(f"msgpack {'.'.join(map(str, msgpack.version))}: wrote {len(vectors())} vectors to {out_dir}")


if __name__ == "__main__":
    main()
