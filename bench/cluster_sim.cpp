// Simulated workers for bench/cluster.sh: many DEALER connections to one master, each speaking
// Locust's protocol as a Hornet worker does (client_ready -1, heartbeats every second, stats
// with HDR data every 3 s, spawning/spawning_complete on spawn, quit on quit), without running
// any users. One thread, one libzmq context, zmq_poll over all sockets.
//
//   hornet_cluster_sim --port 5557 --workers 200 --endpoints 100 [--requests 30] [--locust]
//
// --locust sends stats as a Python worker would (no hornet_hdr). Exits when the master says quit
// to every worker, or after --seconds (default 600).
#include "proto/message.hpp"
#include "proto/messages.hpp"
#include "proto/stats_codec.hpp"

#include <zmq.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace hornet;
using clock_type = std::chrono::steady_clock;

struct sim_worker
{
    std::string id;
    void* socket = nullptr;
    bool acked = false;
    bool quit = false;
    proto::class_counts users;
    clock_type::time_point next_heartbeat;
    clock_type::time_point next_stats;
    clock_type::time_point next_hello;
};

double unix_now()
{
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void send(sim_worker& w, const proto::message& m)
{
    auto bytes = proto::encode_message(m);
    zmq_send(w.socket, bytes.data(), bytes.size(), ZMQ_DONTWAIT);
}

proto::message stats_message(const sim_worker& w, int endpoints, int requests, bool hdr, std::mt19937& rng)
{
    proto::stats_report r;
    double now = unix_now();
    std::lognormal_distribution<double> latency(3.0, 0.6); // ~20 ms median, a long tail
    r.snapshot.total = stats::entry("", "Aggregated", now - 3);
    for (int e = 0; e < endpoints; ++e) {
        stats::entry row("GET", "/api/endpoint/" + std::to_string(e), now - 3);
        for (int i = 0; i < requests; ++i) {
            double wall = now - 3 + 3.0 * i / requests;
            double ms = latency(rng);
            row.log(ms, 200, wall);
            r.snapshot.total.log(ms, 200, wall);
            if (i % 50 == 49) {
                row.log_error(wall);
                r.snapshot.total.log_error(wall);
                r.snapshot.errors.add("GET", row.name, "HTTPError('500 Server Error')", 1);
            }
        }
        r.snapshot.entries.push_back(std::move(row));
    }
    r.user_classes_count = w.users;
    for (const auto& [n, c] : w.users) r.user_count += c;
    proto::stats_encode_options options;
    options.hornet_hdr = hdr;
    return proto::message{"stats", proto::to_value(r, options), w.id};
}

} // namespace

int main(int argc, char** argv)
{
    int port = 5557, workers = 200, endpoints = 100, requests = 30;
    double seconds = 600;
    bool locust = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::atof(argv[++i]) : 0.0; };
        if (a == "--port")
            port = static_cast<int>(next());
        else if (a == "--workers")
            workers = static_cast<int>(next());
        else if (a == "--endpoints")
            endpoints = static_cast<int>(next());
        else if (a == "--requests")
            requests = static_cast<int>(next());
        else if (a == "--seconds")
            seconds = next();
        else if (a == "--locust")
            locust = true;
        else {
            std::fprintf(stderr,
                         "usage: %s --port P [--workers N] [--endpoints N] [--requests N] [--seconds S] [--locust]\n",
                         argv[0]);
            return 2;
        }
    }

    void* ctx = zmq_ctx_new();
    std::vector<sim_worker> ws(static_cast<std::size_t>(workers));
    std::string endpoint = "tcp://127.0.0.1:" + std::to_string(port);
    auto start = clock_type::now();
    for (int i = 0; i < workers; ++i) {
        auto& w = ws[static_cast<std::size_t>(i)];
        char id[64];
        std::snprintf(id, sizeof id, "sim%02d_%032x", i % 10, i);
        w.id = id;
        w.socket = zmq_socket(ctx, ZMQ_DEALER);
        zmq_setsockopt(w.socket, ZMQ_IDENTITY, w.id.data(), w.id.size());
        int linger = 1000;
        zmq_setsockopt(w.socket, ZMQ_LINGER, &linger, sizeof linger);
        zmq_connect(w.socket, endpoint.c_str());
        // Spread the periodic messages over the interval, as independent workers would be.
        auto offset = std::chrono::milliseconds(3000LL * i / workers);
        w.next_hello = start;
        w.next_heartbeat = start + offset / 3;
        w.next_stats = start + offset;
    }

    std::mt19937 rng(42);
    std::vector<zmq_pollitem_t> items(ws.size());
    for (std::size_t i = 0; i < ws.size(); ++i) items[i] = {ws[i].socket, 0, ZMQ_POLLIN, 0};
    std::size_t quits = 0, spawns = 0;
    std::vector<char> buf(64 * 1024 * 1024);
    while (quits < ws.size() && clock_type::now() - start < std::chrono::duration<double>(seconds)) {
        zmq_poll(items.data(), static_cast<int>(items.size()), 20);
        auto now = clock_type::now();
        for (std::size_t i = 0; i < ws.size(); ++i) {
            auto& w = ws[i];
            if (w.quit) continue;
            if (items[i].revents & ZMQ_POLLIN) {
                for (;;) {
                    int n = zmq_recv(w.socket, buf.data(), buf.size(), ZMQ_DONTWAIT);
                    if (n < 0) break;
                    auto m = proto::decode_message(std::string_view(buf.data(), static_cast<std::size_t>(n)));
                    if (!m) continue;
                    if (m->type == "ack")
                        w.acked = true;
                    else if (m->type == "spawn") {
                        ++spawns;
                        send(w, proto::make_message(proto::spawning{}, w.id));
                        if (auto s = proto::parse<proto::spawn>(*m)) {
                            w.users = s->user_classes_count;
                            proto::spawning_complete done;
                            done.user_classes_count = w.users;
                            for (const auto& [c, k] : w.users) done.user_count += k;
                            send(w, proto::make_message(done, w.id));
                        }
                    } else if (m->type == "quit") {
                        send(w, stats_message(w, endpoints, requests, !locust, rng));
                        send(w, proto::make_message(proto::quit{}, w.id));
                        w.quit = true;
                        ++quits;
                        break;
                    }
                }
            }
            if (w.quit) continue;
            if (!w.acked) {
                if (now >= w.next_hello) {
                    send(w, proto::make_message(proto::client_ready{"", true}, w.id));
                    w.next_hello = now + std::chrono::seconds(5);
                }
                continue;
            }
            if (now >= w.next_heartbeat) {
                send(w, proto::make_message(proto::heartbeat{w.users.empty() ? "ready" : "running", 12.5, 50u << 20},
                                            w.id));
                w.next_heartbeat += std::chrono::seconds(1);
            }
            if (now >= w.next_stats) {
                send(w, stats_message(w, endpoints, requests, !locust, rng));
                w.next_stats += std::chrono::seconds(3);
            }
        }
    }
    std::fprintf(stderr, "cluster_sim: %zu workers, %zu spawn messages, %zu quit\n", ws.size(), spawns, quits);
    for (auto& w : ws) zmq_close(w.socket);
    zmq_ctx_term(ctx);
    return quits == ws.size() ? 0 : 1;
}
