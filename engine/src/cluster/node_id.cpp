// make_node_id: hostname + "_" + uuid4 hex.
#include "cluster/node_id.hpp"

#include <unistd.h>

#include <array>
#include <cstdint>
#include <random>

namespace hornet::cluster {

std::string make_node_id()
{
    std::array<char, 256> host{};
    if (::gethostname(host.data(), host.size() - 1) != 0 || host[0] == '\0')
        host = {'l', 'o', 'c', 'a', 'l', 'h', 'o', 's', 't'};
    std::random_device rd;
    std::array<std::uint8_t, 16> bytes{};
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rd());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    static constexpr char digits[] = "0123456789abcdef";
    std::string id(host.data());
    id += '_';
    for (auto b : bytes) {
        id += digits[b >> 4];
        id += digits[b & 0x0f];
    }
    return id;
}

} // namespace hornet::cluster
