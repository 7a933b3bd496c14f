// libFuzzer target: arbitrary frames through the envelope decoder, the typed decoders of both
// directions, every payload parser and the stats reader, as a master or worker would meet them
// from a rogue peer.
#include "proto/inbound.hpp"
#include "proto/message.hpp"
#include "proto/messages.hpp"
#include "proto/stats_codec.hpp"
#include "proto/stats_payload.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace hornet::proto;

namespace {

template <class Payload>
void try_parse(const message& m)
{
    message retyped = m;
    retyped.type = std::string(Payload::type_name);
    auto p = parse<Payload>(retyped);
    if (!p) return;
    // What we accept we can send back, and read again.
    auto again = decode_message(encode_message(make_message(*p, m.node_id)));
    if (!again || !parse<Payload>(*again)) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The generic value codec: whatever decodes re-encodes to bytes that decode to the same bytes.
    if (auto v = decode(bytes)) {
        const std::string once = encode(*v);
        auto back = decode(once);
        if (!back || encode(*back) != once) std::abort();
    }

    // What a master and a worker decode.
    auto from_worker = decode_worker_message(bytes);
    auto from_master = decode_master_message(bytes);
    auto m = decode_message(bytes);
    if (from_worker) {
        if (auto* p = std::get_if<stats_payload>(&from_worker->body)) {
            const stats_report r = to_report(*p);
            for (const auto& e : r.snapshot.entries) (void)e.percentiles();
            stats_report again;
            if (!from_value(to_value(r), again) || again.snapshot.entries.size() != r.snapshot.entries.size())
                std::abort();
            // A master merges the checked bytes straight into its rows: as many rows as names.
            hornet::stats::snapshot_accumulator merged;
            merge_stats(*p, merged);
            hornet::stats::snapshot_accumulator added;
            added.add(stats_report(r).snapshot);
            const auto m = merged.take();
            const auto a = added.take();
            if (m.entries.size() != a.entries.size() || m.total.num_requests != a.total.num_requests) std::abort();
        }
    }
    if (!m) return 0;
    try_parse<client_ready>(*m);
    try_parse<ack>(*m);
    try_parse<heartbeat>(*m);
    try_parse<spawn>(*m);
    try_parse<spawning_complete>(*m);
    try_parse<exception_report>(*m);
    try_parse<client_stopped>(*m);

    stats_report report;
    if (from_value(m->data, report)) {
        // Use the decoded numbers as the master would.
        for (const auto& e : report.snapshot.entries) (void)e.percentiles();
        (void)report.snapshot.total.percentiles();
        for (bool hdr : {true, false}) {
            stats_report again;
            if (!from_value(to_value(report, {.hornet_hdr = hdr}), again)) std::abort();
            if (again.snapshot.entries.size() != report.snapshot.entries.size()) std::abort();
            if (hdr && !again.exact) std::abort();
        }
    }
    return 0;
}
