// The HTTP client's settings as the command line gives them.
#pragma once

#include "cli/options.hpp"
#include "http/client_config.hpp"

namespace hornet::app {

/// --connect-timeout, --request-timeout, --max-body-size and --max-header-size for every
/// session of a run (standalone or worker).
http::client_config client_config_of(const cli::options& opts);

} // namespace hornet::app
