// Byte counts as people write them in options and scenario files.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hornet::core {

/// A byte count: digits with an optional unit, k/K/KiB/M/MiB/G/GiB (1024-based), KB/kB/MB/GB
/// (1000-based) or B, e.g. "65536", "64MiB", "512k". Spaces around and before the unit are
/// allowed; nullopt for anything else (signs, fractions, unknown units, overflow).
std::optional<std::uint64_t> parse_size(std::string_view text);

} // namespace hornet::core
