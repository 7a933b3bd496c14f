// From cli::options to http::client_config.
#include "app/client_options.hpp"

#include "runtime/compiled_class.hpp"

namespace hornet::app {

http::client_config client_config_of(const cli::options& opts)
{
    scenario::client_settings s;
    s.connect_timeout = opts.connect_timeout;
    s.request_timeout = opts.request_timeout;
    s.max_body_size = opts.max_body_size;
    s.max_header_size = opts.max_header_size; // bounded by the option's range
    s.tls_verify = opts.tls_verify;
    if (!opts.ca_file.empty()) s.ca_file = opts.ca_file;
    return runtime::with_settings(s, {});
}

} // namespace hornet::app
