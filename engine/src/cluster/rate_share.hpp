// A worker's share of a rate test, as a Hornet master sends it inside `spawn`'s parsed_options.
#pragma once

#include "proto/value.hpp"
#include "runtime/open_model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace hornet::cluster {

/// The key in a spawn's parsed_options. Locust's spawn has no message for rates; the options map
/// travels to every worker already, and a Hornet master never sends a rate to a Locust worker.
inline constexpr std::string_view rate_share_key = "hornet_rate";

proto::value to_value(const runtime::open_model& share);

/// The share in `parsed_options`, if it carries one. A share of the wrong shape sets `error`
/// (a sentence for the log) and gives nothing.
std::optional<runtime::open_model> rate_share_of(const proto::value& parsed_options, std::string& error);

} // namespace hornet::cluster
