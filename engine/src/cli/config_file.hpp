// Locust's config-file format: "key = value" lines, keys are long option names.
#pragma once

#include <string>
#include <string_view>

#include "cli/raw_settings.hpp"

namespace hornet::cli {

/// Adds the settings in `text` to `into` (a key seen again overwrites). Accepts what
/// Locust's configargparse accepts in practice: `key = value`, `key: value` or `key value`;
/// `#`/`;` comment lines and ` # trailing` comments; `[section]` lines ignored; quoted
/// values; a bare key meaning true. Keys are long option names ("spawn-rate", also
/// "spawn_rate"). Throws usage_error (exit 2) naming `file_name:line` for an unknown key,
/// a bad boolean or a missing value.
void read_config_text(std::string_view text, const std::string& file_name, raw_settings& into);

/// Reads the file at `path` into `into`. Returns false when there is no such file (the
/// default locations are optional); throws usage_error when it exists but can't be read.
bool read_config_file(const std::string& path, raw_settings& into);

} // namespace hornet::cli
