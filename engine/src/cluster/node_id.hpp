// Worker node ids as Locust makes them: "<hostname>_<32 lowercase hex>".
#pragma once

#include <string>

namespace hornet::cluster {

/// The hostname, an underscore and a random UUID4 in hex. The master treats the part before
/// the first '_' as the machine (to spread users over machines) and uses the whole id as the
/// ZeroMQ identity.
std::string make_node_id();

} // namespace hornet::cluster
