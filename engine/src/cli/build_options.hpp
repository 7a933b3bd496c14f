// Typing and checking the merged option text into hornet::cli::options.
#pragma once

#include "cli/options.hpp"
#include "cli/raw_settings.hpp"

namespace hornet::cli {

/// Turns the merged settings into options, starting from the defaults. Every error names
/// where the bad value came from. Throws usage_error: exit 2 for a bad number, a negative
/// count, --csv-full-history without --csv; exit 1 for a bad run time or log level
/// (Locust's codes). user_classes is left empty: it only comes from the command line.
options build_options(const raw_settings& settings);

} // namespace hornet::cli
